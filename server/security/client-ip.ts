/**
 * The client's IP address for per-address limits (sign-in throttling).
 *
 * Next.js puts the socket's remote address into `x-forwarded-for` only when the request has no such
 * header, so without a proxy in front a client can name any address it likes. With `TRUST_PROXY=<n>`
 * (the number of reverse proxies in front of the app that each append the address they saw; `true` = 1)
 * the address is the n-th entry from the right: the one the outermost trusted proxy saw, which a client
 * cannot forge. Without TRUST_PROXY the rightmost entry is used (the socket address, unless the client
 * sent its own header), so the per-address limit is only a speed bump there; the per-email limit holds
 * either way. `x-real-ip` is not read: a client can send it as easily.
 */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const value = env.TRUST_PROXY?.trim().toLowerCase();
  if (!value || value === "false" || value === "0") return 0;
  if (value === "true") return 1;
  const hops = Number(value);
  return Number.isInteger(hops) && hops > 0 ? hops : 1;
}

export function clientIp(headers: Headers, hops: number = trustedProxyHops()): string | null {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const entry = entries[entries.length - Math.max(hops, 1)] ?? (hops > 0 ? entries[0] : undefined);
  return entry ? normalizeIp(entry) : null;
}

function normalizeIp(value: string): string | null {
  const ip = value.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "").slice(0, 64);
  return /^[0-9a-f.:]+$/i.test(ip) ? ip.toLowerCase() : null;
}

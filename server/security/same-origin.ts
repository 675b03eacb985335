/**
 * Whether a state-changing request comes from a page of another origin (CSRF). Current browsers send
 * `Sec-Fetch-Site`, computed by the browser itself and so right behind any proxy: only "same-origin"
 * (and "none", typed by the user) pass. Older browsers send `Origin`, compared with the host the client
 * addressed (x-forwarded-host behind a proxy, else Host). A request with neither is not from a browser
 * page, so it carries no cookies the user did not mean to send.
 */
export function isCrossOriginRequest(request: Request): boolean {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite) return fetchSite !== "same-origin" && fetchSite !== "none";
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host") || new URL(request.url).host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true; // "null" (sandboxed frames, file://) or garbage
  }
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/** For cookie-authenticated route handlers: a 403 for a cross-origin state change, else null. */
export function refuseCrossOrigin(request: Request): Response | null {
  if (safeMethods.has(request.method) || !isCrossOriginRequest(request)) return null;
  return Response.json({ error: { code: "FORBIDDEN", message: "Cross-origin requests may not change anything here." } }, { status: 403 });
}

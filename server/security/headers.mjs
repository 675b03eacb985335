// Response headers for every route, applied by next.config.mjs `headers()`: pages (which also get a
// per-request Content-Security-Policy with a script nonce from proxy.ts), /api/trpc, /api/v1 and the
// other API routes (which proxy.ts does not see).

const production = process.env.NODE_ENV === "production";

/** Headers for every response. HSTS only in production builds (browsers ignore it over plain http). */
export const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

/** APIs answer data, never documents: nothing may load, run or frame from them. */
export const apiContentSecurityPolicy = "default-src 'none'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const headerRules = [
  { source: "/:path*", headers: securityHeaders },
  { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: apiContentSecurityPolicy }] },
];

/** A fresh nonce for each page request: Next.js puts it on its own scripts when it sees it in the request's CSP. */
export function createNonce(): string {
  return Buffer.from(crypto.randomUUID()).toString("base64");
}

/**
 * The Content-Security-Policy of a page. Scripts only with this request's nonce ('strict-dynamic' lets
 * those load Next's chunks); styles may be inline because charts and popovers position elements with
 * style attributes, which nonces cannot cover. Recordings and chart images come from this origin or blobs.
 */
export function pageContentSecurityPolicy(nonce: string, development: boolean = process.env.NODE_ENV === "development"): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "media-src 'self' blob:",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

import { NextResponse } from "next/server";
import type { NextRequest } from "next/server";
import { authSecret } from "./server/secrets";
import { createNonce, pageContentSecurityPolicy } from "./server/security/csp";
import { applySessionCookie, checkSessionCookie } from "./server/security/session-cookie";

// A cheap first gate for pages: no live session cookie, no page. The real check (valid, active,
// not revoked) happens in the server layouts and in every tRPC procedure. Here a session that ran
// out (12 hours idle, 7 days in all) ends, an active one is renewed, and every page gets a
// Content-Security-Policy whose script nonce Next.js and the theme script pick up from x-nonce.
const publicPaths = ["/sign-in", "/set-password/"];

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const session = await checkSessionCookie(request, authSecret());
  if (session.state !== "active" && !publicPaths.some((path) => pathname.startsWith(path))) {
    const signIn = new URL("/sign-in", request.url);
    if (pathname !== "/") signIn.searchParams.set("callbackUrl", pathname + search);
    const redirect = NextResponse.redirect(signIn);
    applySessionCookie(redirect, session);
    return redirect;
  }
  const nonce = createNonce();
  const contentSecurityPolicy = pageContentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-pathname", pathname + search);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", contentSecurityPolicy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", contentSecurityPolicy);
  applySessionCookie(response, session);
  return response;
}

export const config = {
  // Not the APIs (they answer 401 themselves; /api/v1 uploads must not be buffered) nor static files.
  matcher: ["/((?!api/|_next/|favicon.ico|.*\\.[a-z0-9]+$).*)"],
};

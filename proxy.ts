import { NextResponse } from "next/server";
import type { NextRequest } from "next/server";

// A cheap first gate for pages: no session cookie, no page. The real check (valid, active,
// not revoked) happens in the server layouts and in every tRPC procedure.
const publicPaths = ["/sign-in", "/set-password/"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const hasSessionCookie = request.cookies.getAll().some((cookie) => /^(__Secure-)?authjs\.session-token/.test(cookie.name));
  if (!hasSessionCookie && !publicPaths.some((path) => pathname.startsWith(path))) {
    const signIn = new URL("/sign-in", request.url);
    if (pathname !== "/") signIn.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(signIn);
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-pathname", pathname + search);
  return NextResponse.next({ request: { headers: requestHeaders } });
}

export const config = {
  // Not the APIs (they answer 401 themselves; /api/v1 uploads must not be buffered) nor static files.
  matcher: ["/((?!api/|_next/|favicon.ico|.*\\.[a-z0-9]+$).*)"],
};

import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "../db";
import { auth } from "./index";
import { requestSessionClaims } from "./request-session";
import { loadSessionUser } from "./session-user";
import type { SessionClaims, SessionUser } from "./session-user";

/** The session claims of this request (once per server render). */
export const currentSessionClaims = cache(async (): Promise<SessionClaims | null> => {
  const claims = await requestSessionClaims(await headers());
  if (claims !== undefined) return claims;
  return (await auth())?.claims ?? null;
});

/** The signed-in user for this request (checked against the database, once per server render), or null. */
export const currentUser = cache(async (): Promise<SessionUser | null> => loadSessionUser(getDb(), await currentSessionClaims()));

/** For server layouts and pages: the user, or a redirect to sign-in that comes back here after. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (user) return user;
  const path = (await headers()).get("x-pathname") ?? "/";
  redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
}

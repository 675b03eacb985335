import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "../db";
import { auth } from "./index";
import { loadSessionUser } from "./session-user";
import type { SessionUser } from "./session-user";

/** The signed-in user for this request (checked against the database), or null. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  return loadSessionUser(getDb(), session?.claims ?? null);
});

/** For server layouts and pages: the user, or a redirect to sign-in that comes back here after. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (user) return user;
  const path = (await headers()).get("x-pathname") ?? "/";
  redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
}

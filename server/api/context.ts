import { cache } from "react";
import { auth } from "../auth";
import { currentSessionClaims, currentUser } from "../auth/current-user";
import { requestSessionClaims } from "../auth/request-session";
import { loadSessionUser } from "../auth/session-user";
import type { SessionUser } from "../auth/session-user";
import { getDb } from "../db";
import type { TrpcContext } from "./trpc";

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= load());
}

/** For the tRPC route: one context per HTTP request (a batch shares it, and the session user is loaded once). */
export async function createRequestContext({ req }: { req: Request }): Promise<TrpcContext> {
  const db = getDb();
  const claims = await requestSessionClaims(req.headers);
  const session = claims !== undefined ? claims : ((await auth())?.claims ?? null);
  const sessionUser = once((): Promise<SessionUser | null> => loadSessionUser(db, session));
  return { db, session, sessionUser };
}

/** For server components' prefetches: the same session and user as the layouts of this render. */
export const createRenderContext = cache(
  async (): Promise<TrpcContext> => ({ db: getDb(), session: await currentSessionClaims(), sessionUser: currentUser }),
);

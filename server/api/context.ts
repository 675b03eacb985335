import { auth } from "../auth";
import { getDb } from "../db";
import type { TrpcContext } from "./trpc";

export async function createRequestContext(): Promise<TrpcContext> {
  const session = await auth();
  return { db: getDb(), session: session?.claims ?? null };
}

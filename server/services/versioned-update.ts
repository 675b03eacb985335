import { TRPCError } from "@trpc/server";

// Optimistic concurrency for edit forms: the form sends the updated_at it was opened with, and the
// write is `updateMany({ where: { id, updatedAt: expected } })` in the transaction of its audit row.

/** The updated_at a versioned write stores: now, but always after the version it replaces, so that two saves within one millisecond still differ. */
export function nextVersion(previous: Date): Date {
  return new Date(Math.max(Date.now(), previous.getTime() + 1));
}

/**
 * After the guarded write: nothing written means the row changed since the form opened (CONFLICT),
 * or is gone (NOT_FOUND). `countRows` runs in the same transaction, so it sees the row that won.
 */
export async function requireWritten(written: number, countRows: () => PromiseLike<number>, entity: string): Promise<void> {
  if (written > 0) return;
  if ((await countRows()) === 0) throw new TRPCError({ code: "NOT_FOUND", message: `${entity[0]!.toUpperCase()}${entity.slice(1)} not found.` });
  throw new TRPCError({ code: "CONFLICT", message: `Someone else changed this ${entity} since you opened it. Check their version and save again.` });
}

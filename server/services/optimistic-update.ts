import { nextVersion, requireWritten } from "./versioned-update";

// Optimistic concurrency for the edit forms that are not bookings or inquiries (those call
// versioned-update.ts directly): two Admins editing one record never overwrite each other silently.

type VersionedWrite = {
  /** What the conflict message calls the row ("campaign", "organization profile"). */
  entity: string;
  /** The row's updated_at as this transaction read it. */
  current: Date;
  /** The updated_at the editor loaded; without it (API callers) the write is unconditional. */
  expectedUpdatedAt?: Date | null;
  /** The guarded write: `updateMany({ where: { id, ...version }, data: { ...changes, ...stamp } })`. */
  write: (version: { updatedAt?: Date }, stamp: { updatedAt: Date }) => PromiseLike<{ count: number }>;
  /** How many rows have the id (in the same transaction): 0 is NOT_FOUND, else the write lost to a newer version. */
  countRows: () => PromiseLike<number>;
};

/**
 * Writes only while the row still has the version the editor loaded: the condition and the write are one
 * UPDATE, so a concurrent save either commits first (this one then matches no row → CONFLICT, nothing
 * written, and the caller's transaction with its audit row rolls back) or waits for this one.
 */
export async function writeIfUnchanged({ entity, current, expectedUpdatedAt, write, countRows }: VersionedWrite): Promise<void> {
  const { count } = await write(expectedUpdatedAt ? { updatedAt: expectedUpdatedAt } : {}, { updatedAt: nextVersion(current) });
  await requireWritten(count, countRows, entity);
}

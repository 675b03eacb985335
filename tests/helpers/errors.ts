import { TRPCError } from "@trpc/server";
import { expect } from "vitest";

/** The TRPCError a call fails with; fails the test when it resolves or throws something else. */
export async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

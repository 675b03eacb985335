import crypto from "node:crypto";
import { TRPCError } from "@trpc/server";
import type { Role } from "@/lib/value-sets";
import type { Database } from "../db";
import { hashPassword } from "../auth/password";

type Transaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];

export const setPasswordLinkHours = 72;

export const userSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  isActive: true,
  lastSignInAt: true,
  createdAt: true,
  updatedAt: true,
  organizationId: true,
  organization: { select: { id: true, name: true } },
} as const;

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** A one-time set-password link's token: returned once, only its SHA-256 is stored. */
export async function createPasswordToken(tx: Transaction, user: { id: bigint; organizationId: string }, createdBy: bigint): Promise<{ token: string; expiresAt: Date }> {
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + setPasswordLinkHours * 3_600_000);
  await tx.passwordToken.create({ data: { organizationId: user.organizationId, userId: user.id, tokenHash: hashToken(token), expiresAt, createdBy } });
  return { token, expiresAt };
}

/** A hash nobody knows the password of, for users who set theirs through a link. */
export function unusablePasswordHash(): Promise<string> {
  return hashPassword(crypto.randomBytes(32).toString("hex"));
}

/**
 * Refuses a change that would leave the organization without an active Admin. The organization's
 * active Admins are locked first, so two concurrent demotions cannot each see the other as the one left.
 */
export async function assertAnotherActiveAdmin(tx: Transaction, organizationId: string, userId: bigint, what: string): Promise<void> {
  const admins = await tx.$queryRaw<{ id: bigint }[]>`
    SELECT id FROM "user" WHERE organization_id = ${organizationId}::uuid AND role = 'Admin' AND is_active FOR UPDATE`;
  if (admins.some((admin) => admin.id !== userId)) return;
  throw new TRPCError({ code: "BAD_REQUEST", message: `${what}: an organization always keeps at least one active Admin. Make someone else an Admin first.` });
}

export function wasActiveAdmin(user: { role: Role; isActive: boolean }): boolean {
  return user.role === "Admin" && user.isActive;
}

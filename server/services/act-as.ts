import { TRPCError } from "@trpc/server";
import { actAsInput } from "@/lib/validation/organization-admin";
import type { SessionUser } from "../auth/session-user";
import type { Database } from "../db";
import { recordAudit } from "./audit";

/**
 * A super admin enters another organization's workspace: checked, and recorded in THAT
 * organization's audit log (who, why). The caller then puts the id in the session.
 */
export async function startActing(db: Database, user: SessionUser | null, rawInput: unknown): Promise<{ organizationId: string; name: string }> {
  if (!user || user.role !== "SuperAdmin") throw new TRPCError({ code: "FORBIDDEN", message: "Only platform super admins can act as an organization." });
  const input = actAsInput.parse(rawInput);
  if (input.organizationId === user.organizationId) throw new TRPCError({ code: "BAD_REQUEST", message: "This is your own organization." });
  const organization = await db.organization.findUnique({ where: { id: input.organizationId }, select: { id: true, name: true } });
  if (!organization) throw new TRPCError({ code: "NOT_FOUND", message: "This organization does not exist." });
  await recordAudit(db, {
    organizationId: organization.id,
    userId: user.id,
    entity: "organization",
    entityId: organization.id,
    action: "act_start",
    newValue: { actor: user.email, reason: input.reason },
  });
  return { organizationId: organization.id, name: organization.name };
}

/** Leaving the entered organization: the end is recorded beside the start. */
export async function stopActing(db: Database, user: SessionUser | null): Promise<string | null> {
  const organizationId = user?.actingOrganization?.id;
  if (!user || !organizationId) return null;
  await recordAudit(db, { organizationId, userId: user.id, entity: "organization", entityId: organizationId, action: "act_end", newValue: { actor: user.email } });
  return organizationId;
}

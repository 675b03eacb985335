import type { Database } from "@/server/db";
import { recordAudit } from "./audit";

type ComplianceReader = {
  organization: {
    findUnique(args: { where: { id: string }; select: { hipaaCompliant: true; pciCompliant: true } }): PromiseLike<{ hipaaCompliant: boolean; pciCompliant: boolean } | null>;
  };
};

/** HIPAA- and PCI-compliant organizations keep a record of who opened which call's transcript or recording. */
export async function organizationAuditsViews(db: ComplianceReader, organizationId: string): Promise<boolean> {
  const organization = await db.organization.findUnique({ where: { id: organizationId }, select: { hipaaCompliant: true, pciCompliant: true } });
  return Boolean(organization && (organization.hipaaCompliant || organization.pciCompliant));
}

export async function recordCallView(
  db: Database,
  actor: { organizationId: string; userId: bigint },
  callId: bigint,
  what: "transcript" | "audio",
): Promise<void> {
  if (!(await organizationAuditsViews(db, actor.organizationId))) return;
  await recordAudit(db, { ...actor, entity: "call", entityId: callId, action: "view", newValue: { viewed: what } });
}

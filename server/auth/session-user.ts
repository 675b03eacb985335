import type { Database } from "../db";
import type { Role } from "@/lib/value-sets";
import { sessionExpiry } from "./session-lifetime";
import type { SessionTimes } from "./session-lifetime";

/** What the session token carries; everything else is read from the database on each request. */
export type SessionClaims = SessionTimes & {
  userId: string;
  sessionVersion: number;
  actingOrganizationId?: string | null;
};

export type SessionUser = {
  id: bigint;
  name: string;
  email: string;
  role: Role;
  organizationId: string;
  organizationName: string;
  /** Set while a super admin is inside another organization's workspace. */
  actingOrganization: { id: string; name: string } | null;
};

/**
 * The signed-in user, or null when the session no longer holds: the user was deactivated or
 * deleted, their sessions were ended (password change), their organization was suspended, or the
 * session ran out (12 hours idle, 7 days after sign-in; claims without the times are callers that
 * never had a token, such as tests and scripts).
 */
export async function loadSessionUser(db: Database, claims: SessionClaims | null, now: number = Date.now()): Promise<SessionUser | null> {
  if (!claims || !/^\d+$/.test(claims.userId)) return null;
  if ((claims.signedInAt !== undefined || claims.lastSeenAt !== undefined) && sessionExpiry(claims, now)) return null;
  const user = await db.user.findUnique({
    where: { id: BigInt(claims.userId) },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      organizationId: true,
      isActive: true,
      sessionVersion: true,
      organization: { select: { name: true, isActive: true } },
    },
  });
  if (!user || !user.isActive || user.sessionVersion !== claims.sessionVersion) return null;
  if (!user.organization.isActive && user.role !== "SuperAdmin") return null;
  let actingOrganization: SessionUser["actingOrganization"] = null;
  if (user.role === "SuperAdmin" && claims.actingOrganizationId && claims.actingOrganizationId !== user.organizationId) {
    actingOrganization = await db.organization.findUnique({ where: { id: claims.actingOrganizationId }, select: { id: true, name: true } });
  }
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    organizationId: user.organizationId,
    organizationName: user.organization.name,
    actingOrganization,
  };
}

import type { Database } from "../db";
import { defaultTimezone } from "@/lib/value-sets";
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
  /** The time zone setting of the organization the user works in (the entered one while acting). */
  timeZone: string;
};

type SessionUserRow = {
  id: bigint;
  name: string;
  email: string;
  role: Role;
  organization_id: string;
  is_active: boolean;
  session_version: number;
  organization_name: string;
  organization_active: boolean;
  acting_id: string | null;
  acting_name: string | null;
  time_zone: string | null;
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The signed-in user, or null when the session no longer holds: the user was deactivated or
 * deleted, their sessions were ended (password change), their organization was suspended, or the
 * session ran out (12 hours idle, 7 days after sign-in; claims without the times are callers that
 * never had a token, such as tests and scripts).
 */
export async function loadSessionUser(db: Database, claims: SessionClaims | null, now: number = Date.now()): Promise<SessionUser | null> {
  if (!claims || !/^\d+$/.test(claims.userId)) return null;
  if ((claims.signedInAt !== undefined || claims.lastSeenAt !== undefined) && sessionExpiry(claims, now)) return null;
  const actingId = claims.actingOrganizationId && uuidPattern.test(claims.actingOrganizationId) ? claims.actingOrganizationId : null;
  // One statement on every request: the user, their organization, the organization a super admin
  // entered, and the time zone of the one they work in.
  const [user] = await db.$queryRaw<SessionUserRow[]>`
    SELECT u.id, u.name, u.email, u.role::text AS role, u.organization_id::text AS organization_id, u.is_active, u.session_version,
           o.name AS organization_name, o.is_active AS organization_active,
           acting.id::text AS acting_id, acting.name AS acting_name, tz.value AS time_zone
      FROM "user" u
      JOIN organization o ON o.id = u.organization_id
      LEFT JOIN organization acting ON u.role = 'SuperAdmin' AND acting.id = ${actingId}::uuid AND acting.id <> u.organization_id
      LEFT JOIN setting tz ON tz.organization_id = coalesce(acting.id, u.organization_id) AND tz.key = 'timezone'
     WHERE u.id = ${BigInt(claims.userId)}`;
  if (!user || !user.is_active || user.session_version !== claims.sessionVersion) return null;
  if (!user.organization_active && user.role !== "SuperAdmin") return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    organizationId: user.organization_id,
    organizationName: user.organization_name,
    actingOrganization: user.acting_id ? { id: user.acting_id, name: user.acting_name ?? "" } : null,
    timeZone: user.time_zone || defaultTimezone,
  };
}

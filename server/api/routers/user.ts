import { TRPCError } from "@trpc/server";
import type { Role } from "@/lib/value-sets";
import {
  changeOwnPasswordInput,
  passwordLinkInput,
  profileUpdateInput,
  setPasswordWithTokenInput,
  userCreateInput,
  userListInput,
  userSetActiveInput,
  userSetPasswordInput,
  userUpdateInput,
} from "@/lib/validation/user";
import type { Prisma } from "../../generated/prisma/client";
import { hashPassword, verifyPassword } from "../../auth/password";
import type { SessionUser } from "../../auth/session-user";
import type { Database } from "../../db";
import { recordAudit } from "../../services/audit";
import { writeIfUnchanged } from "../../services/optimistic-update";
import { assertAnotherActiveAdmin, createPasswordToken, hashToken, unusablePasswordHash, userSelect, wasActiveAdmin } from "../../services/users";
import { authedProcedure, createTRPCRouter, publicProcedure } from "../trpc";

type Caller = { user: SessionUser; orgId: string };

/**
 * Admins and super admins, with the organization they work in (their own, or the one a super admin
 * entered). It keeps the root client: super admins manage users across organizations, so every
 * query below names its organization itself (findManagedUser, list's where).
 */
const userAdminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role === "Manager") throw new TRPCError({ code: "FORBIDDEN", message: "Only Admins can manage users." });
  return next({ ctx: { ...ctx, orgId: ctx.user.actingOrganization?.id ?? ctx.user.organizationId } });
});

/** Roles this caller may give in that organization: SuperAdmin only by super admins, only in the platform organization. */
function assertMayGiveRole(caller: Caller, organizationId: string, role: Role): void {
  if (role !== "SuperAdmin") return;
  if (caller.user.role !== "SuperAdmin") throw new TRPCError({ code: "FORBIDDEN", message: "Only platform super admins can make super admins." });
  if (organizationId !== caller.user.organizationId) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Super admins belong to the platform organization only.", cause: undefined });
  }
}

/** A user this caller may manage: any for super admins outside an organization; otherwise only in the caller's organization. */
async function findManagedUser(db: Database, caller: Caller, id: bigint) {
  const user = await db.user.findUnique({ where: { id }, select: { ...userSelect, sessionVersion: true } });
  const visible = user && (caller.user.role === "SuperAdmin" ? true : user.organizationId === caller.orgId && user.role !== "SuperAdmin");
  if (!user || !visible) throw new TRPCError({ code: "NOT_FOUND", message: "This user does not exist." });
  return user;
}

function targetOrganization(caller: Caller, requested: string | undefined): string {
  return caller.user.role === "SuperAdmin" && requested ? requested : caller.orgId;
}

const auditFor = (caller: Caller, organizationId: string) => ({ organizationId, userId: caller.user.id });

export const userRouter = createTRPCRouter({
  /** Super admins: every organization (or one, with organizationId). Admins: their own organization. */
  list: userAdminProcedure.input(userListInput).query(({ ctx, input }) => {
    const superAdminView = ctx.user.role === "SuperAdmin" && !ctx.user.actingOrganization;
    const organizationId = superAdminView ? input.organizationId : ctx.orgId;
    const where: Prisma.UserWhereInput = {
      ...(organizationId ? { organizationId } : {}),
      ...(input.role ? { role: input.role } : {}),
      ...(input.status === "all" ? {} : { isActive: input.status === "active" }),
      ...(input.search ? { OR: [{ name: { contains: input.search, mode: "insensitive" } }, { email: { contains: input.search, mode: "insensitive" } }] } : {}),
      ...(ctx.user.role === "SuperAdmin" ? {} : { role: input.role && input.role !== "SuperAdmin" ? input.role : { not: "SuperAdmin" } }),
    };
    return ctx.db.user.findMany({ where, select: userSelect, orderBy: [{ name: "asc" }, { id: "asc" }], take: 500 });
  }),

  /** With a password the creator sets, or a one-time set-password link (its token is in the answer, once). */
  create: userAdminProcedure.input(userCreateInput).mutation(async ({ ctx, input }) => {
    const db = ctx.db;
    const organizationId = targetOrganization(ctx, input.organizationId);
    assertMayGiveRole(ctx, organizationId, input.role);
    const organization = await db.organization.findUnique({ where: { id: organizationId }, select: { id: true } });
    if (!organization) throw new TRPCError({ code: "NOT_FOUND", message: "This organization does not exist." });
    const passwordHash = input.passwordMode === "password" ? await hashPassword(input.password ?? "") : await unusablePasswordHash();
    return db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { organizationId, name: input.name, email: input.email, role: input.role, passwordHash }, select: userSelect });
      const link = input.passwordMode === "link" ? await createPasswordToken(tx, user, ctx.user.id) : null;
      await recordAudit(tx, {
        ...auditFor(ctx, organizationId),
        entity: "user",
        entityId: user.id,
        action: "create",
        newValue: { name: input.name, email: input.email, role: input.role, password: input.passwordMode === "password" ? "set" : null, setPasswordLink: Boolean(link) },
      });
      return { user, setPasswordToken: link?.token ?? null, setPasswordExpiresAt: link?.expiresAt ?? null };
    });
  }),

  /** Name and role. Nobody changes their own role; the organization keeps an active Admin. */
  update: userAdminProcedure.input(userUpdateInput).mutation(async ({ ctx, input }) => {
    const db = ctx.db;
    const before = await findManagedUser(db, ctx, input.id);
    if (before.id === ctx.user.id && before.role !== input.role) throw new TRPCError({ code: "BAD_REQUEST", message: "You cannot change your own role. Ask another Admin." });
    assertMayGiveRole(ctx, before.organizationId, input.role);
    if (before.role === "SuperAdmin" && input.role !== "SuperAdmin" && ctx.user.role !== "SuperAdmin") throw new TRPCError({ code: "NOT_FOUND", message: "This user does not exist." });
    return db.$transaction(async (tx) => {
      if (wasActiveAdmin(before) && input.role !== "Admin") await assertAnotherActiveAdmin(tx, before.organizationId, before.id, `${before.name} stays an Admin`);
      await writeIfUnchanged({
        entity: "user",
        current: before.updatedAt,
        expectedUpdatedAt: input.expectedUpdatedAt,
        write: (version, stamp) => tx.user.updateMany({ where: { id: input.id, ...version }, data: { name: input.name, role: input.role, ...stamp } }),
        countRows: () => tx.user.count({ where: { id: input.id } }),
      });
      const user = await tx.user.findUniqueOrThrow({ where: { id: input.id }, select: userSelect });
      await recordAudit(tx, {
        ...auditFor(ctx, before.organizationId),
        entity: "user",
        entityId: input.id,
        action: "update",
        oldValue: { name: before.name, role: before.role },
        newValue: { name: input.name, role: input.role },
      });
      return user;
    });
  }),

  /** Deactivating ends the user's sessions at their next request. */
  setActive: userAdminProcedure.input(userSetActiveInput).mutation(async ({ ctx, input }) => {
    const db = ctx.db;
    const before = await findManagedUser(db, ctx, input.id);
    if (before.id === ctx.user.id && !input.isActive) throw new TRPCError({ code: "BAD_REQUEST", message: "You cannot deactivate yourself. Ask another Admin." });
    if (before.isActive === input.isActive) return before;
    return db.$transaction(async (tx) => {
      if (!input.isActive && wasActiveAdmin(before)) await assertAnotherActiveAdmin(tx, before.organizationId, before.id, `${before.name} stays active`);
      const user = await tx.user.update({
        where: { id: input.id },
        data: { isActive: input.isActive, ...(input.isActive ? {} : { sessionVersion: { increment: 1 } }) },
        select: userSelect,
      });
      await recordAudit(tx, { ...auditFor(ctx, before.organizationId), entity: "user", entityId: input.id, action: "update", oldValue: { isActive: before.isActive }, newValue: { isActive: input.isActive } });
      return user;
    });
  }),

  /** An Admin sets a new password for a user; their sessions end. */
  setPassword: userAdminProcedure.input(userSetPasswordInput).mutation(async ({ ctx, input }) => {
    const db = ctx.db;
    const before = await findManagedUser(db, ctx, input.id);
    const passwordHash = await hashPassword(input.password);
    return db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: input.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
      await recordAudit(tx, { ...auditFor(ctx, before.organizationId), entity: "user", entityId: input.id, action: "update", newValue: { password: "changed" } });
      return { id: input.id };
    });
  }),

  /** The signed-in user's own profile. */
  me: authedProcedure.query(({ ctx }) => ctx.db.user.findUniqueOrThrow({ where: { id: ctx.user.id }, select: userSelect })),

  updateProfile: authedProcedure.input(profileUpdateInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      const before = await tx.user.findUniqueOrThrow({ where: { id: ctx.user.id }, select: { name: true } });
      const user = await tx.user.update({ where: { id: ctx.user.id }, data: { name: input.name }, select: userSelect });
      await recordAudit(tx, { organizationId: ctx.user.organizationId, userId: ctx.user.id, entity: "user", entityId: ctx.user.id, action: "update", oldValue: before, newValue: input });
      return user;
    }),
  ),

  /** Needs the current password; ends every session of the user, this one included (sign in again). */
  changePassword: authedProcedure.input(changeOwnPasswordInput).mutation(async ({ ctx, input }) => {
    const current = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.user.id }, select: { passwordHash: true } });
    if (!(await verifyPassword(current.passwordHash, input.currentPassword))) {
      throw new TRPCError({ code: "BAD_REQUEST", message: "Your current password is not correct.", cause: undefined });
    }
    const passwordHash = await hashPassword(input.newPassword);
    return ctx.db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: ctx.user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
      await recordAudit(tx, { organizationId: ctx.user.organizationId, userId: ctx.user.id, entity: "user", entityId: ctx.user.id, action: "update", newValue: { password: "changed" } });
      return { ok: true };
    });
  }),

  /** Public: whether a set-password link still works, and for which email. */
  passwordLink: publicProcedure.input(passwordLinkInput).query(async ({ ctx, input }) => {
    const link = await ctx.db.passwordToken.findUnique({ where: { tokenHash: hashToken(input.token) }, select: { expiresAt: true, usedAt: true, user: { select: { email: true, isActive: true } } } });
    if (!link || link.usedAt || link.expiresAt < new Date() || !link.user.isActive) return { valid: false as const, email: null };
    return { valid: true as const, email: link.user.email };
  }),

  /** Public: sets the password through a one-time link; the link is used up. */
  setPasswordWithToken: publicProcedure.input(setPasswordWithTokenInput).mutation(async ({ ctx, input }) => {
    const passwordHash = await hashPassword(input.password);
    return ctx.db.$transaction(async (tx) => {
      // Claiming the link and checking it in one UPDATE: two submissions cannot both use it.
      const claimed = await tx.passwordToken.updateManyAndReturn({
        where: { tokenHash: hashToken(input.token), usedAt: null, expiresAt: { gt: new Date() }, user: { isActive: true } },
        data: { usedAt: new Date() },
        select: { userId: true, organizationId: true },
      });
      const link = claimed[0];
      if (!link) throw new TRPCError({ code: "BAD_REQUEST", message: "This link has expired or was already used. Ask your Admin for a new one." });
      const user = await tx.user.update({ where: { id: link.userId }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: { email: true } });
      await recordAudit(tx, { organizationId: link.organizationId, userId: link.userId, entity: "user", entityId: link.userId, action: "update", newValue: { password: "set through link" } });
      return { email: user.email };
    });
  }),
});

import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError, ZodRealError, z } from "zod";
import { transformer } from "@/lib/transformer";
import { unsafeTextIssues } from "@/lib/validation/common";
import type { Database } from "../db";
import { scopedDb } from "../db/scoped";
import { loadSessionUser } from "../auth/session-user";
import type { SessionClaims, SessionUser } from "../auth/session-user";
import { mapDatabaseError } from "./errors";

export type TrpcContext = {
  db: Database;
  session: SessionClaims | null;
  /** Loads the session user once per request (server renders and HTTP requests); callers without it load per procedure. */
  sessionUser?: () => Promise<SessionUser | null>;
};

function readableZodMessage(error: ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

const t = initTRPC.context<TrpcContext>().create({
  transformer,
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
    const message = zodError
      ? readableZodMessage(error.cause as ZodError)
      : error.code === "INTERNAL_SERVER_ERROR"
        ? "Something went wrong on our side. Please try again."
        : shape.message;
    const conflictFields = error.code === "CONFLICT" ? ((error.cause as { fields?: string[] } | undefined)?.fields ?? null) : null;
    return { ...shape, message, data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, zodError, conflictFields } };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

const databaseErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = mapDatabaseError(result.error.cause);
    if (mapped) throw mapped;
  }
  return result;
});

// Text the database cannot store (NUL, lone surrogates) is bad input in any field of any procedure.
const storableText = t.middleware(async ({ getRawInput, next }) => {
  const issues = unsafeTextIssues(await getRawInput());
  if (issues.length) throw new TRPCError({ code: "BAD_REQUEST", message: issues[0]!.message, cause: new ZodRealError(issues) });
  return next();
});

export const publicProcedure = t.procedure.use(databaseErrors).use(storableText);

/** Signed in, active, session not revoked. */
export const authedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const user = await (ctx.sessionUser ? ctx.sessionUser() : loadSessionUser(ctx.db, ctx.session));
  if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Your session has ended. Please sign in again." });
  return next({ ctx: { ...ctx, user } });
});

export type Actor = { organizationId: string; userId: bigint };

/**
 * Adds the organization the caller works in (their own, or the one a super admin entered) and
 * replaces ctx.db with a client scoped to it: org procedures cannot reach other tenants' rows.
 */
export const orgProcedure = authedProcedure.use(({ ctx, next }) => {
  const orgId = ctx.user.actingOrganization?.id ?? ctx.user.organizationId;
  const actor: Actor = { organizationId: orgId, userId: ctx.user.id };
  return next({ ctx: { ...ctx, orgId, actor, db: scopedDb(ctx.db, orgId) } });
});

const adminRoles: SessionUser["role"][] = ["Admin", "SuperAdmin"];

export const orgAdminProcedure = orgProcedure.use(({ ctx, next }) => {
  if (!adminRoles.includes(ctx.user.role)) throw new TRPCError({ code: "FORBIDDEN", message: "Only Admins of this organization can do this." });
  return next();
});

export const superAdminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== "SuperAdmin") throw new TRPCError({ code: "FORBIDDEN", message: "Only platform super admins can do this." });
  return next();
});

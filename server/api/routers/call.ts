import {
  callByIdInput,
  callCountsInput,
  callListInput,
  callNeighborsInput,
  callReviewInput,
  callSearchInput,
  callTagsInput,
  reviewQueueInput,
} from "@/lib/validation/call";
import type { CallFilters } from "@/lib/validation/call";
import { callDetail, callFilterOptions, callListItemsByIds, callNeighbors, countCallsByStatus, listCalls } from "../../services/call-log";
import type { CallLogScope } from "../../services/call-log";
import { setCallReview, setCallTags } from "../../services/call-review";
import { searchTranscripts } from "../../services/call-search";
import { organizationAuditsViews } from "../../services/call-view-audit";
import { recordAudit } from "../../services/audit";
import { createTRPCRouter, orgProcedure } from "../trpc";

/** The "to review" queue: connected calls nobody has reviewed yet, oldest first. */
export const reviewQueueFilters: CallFilters = { reviewed: "no", status: "completed" };

/** The organization the caller works in, with its time zone (read with the session user). */
const scopeOf = (ctx: { orgId: string; user: { timeZone: string } }): CallLogScope => ({ organizationId: ctx.orgId, timeZone: ctx.user.timeZone });

export const callRouter = createTRPCRouter({
  list: orgProcedure.input(callListInput).query(({ ctx, input }) => listCalls(ctx.db, scopeOf(ctx), input)),

  statusCounts: orgProcedure.input(callCountsInput).query(({ ctx, input }) => countCallsByStatus(ctx.db, scopeOf(ctx), input.filters)),

  filterOptions: orgProcedure.query(({ ctx }) => callFilterOptions(ctx.db, scopeOf(ctx))),

  neighbors: orgProcedure.input(callNeighborsInput).query(({ ctx, input }) => callNeighbors(ctx.db, scopeOf(ctx), input)),

  /** One call with its transcript; compliant organizations record who opened it. */
  byId: orgProcedure.input(callByIdInput).query(async ({ ctx, input }) => {
    const call = await callDetail(ctx.db, ctx.orgId, input.id);
    if (await organizationAuditsViews(ctx.db, ctx.orgId)) {
      await recordAudit(ctx.db, { ...ctx.actor, entity: "call", entityId: call.id, action: "view", newValue: { viewed: "transcript" } });
    }
    return call;
  }),

  search: orgProcedure.input(callSearchInput).query(async ({ ctx, input }) => {
    const { timeZone } = scopeOf(ctx);
    const result = await searchTranscripts(ctx.db, {
      organizationId: ctx.orgId,
      query: input.query,
      filters: input.filters,
      timeZone,
      limit: input.limit,
      offset: input.cursor ?? 0,
    });
    const calls = await callListItemsByIds(ctx.db, ctx.orgId, result.calls.map((hit) => hit.callId));
    const byId = new Map(calls.map((call) => [call.id, call]));
    return {
      ...result,
      timeZone,
      calls: result.calls.flatMap((hit) => {
        const call = byId.get(hit.callId);
        return call ? [{ ...hit, call }] : [];
      }),
    };
  }),

  reviewQueue: orgProcedure.input(reviewQueueInput).query(async ({ ctx, input }) => {
    const [page, counts] = await Promise.all([
      listCalls(ctx.db, scopeOf(ctx), { filters: reviewQueueFilters, sort: "time_asc", limit: input.limit, cursor: input.cursor }),
      input.cursor ? null : countCallsByStatus(ctx.db, scopeOf(ctx), reviewQueueFilters),
    ]);
    return { ...page, remaining: counts?.byStatus.completed ?? null };
  }),

  setReview: orgProcedure.input(callReviewInput).mutation(({ ctx, input }) => setCallReview(ctx.db, ctx.actor, input)),

  setTags: orgProcedure.input(callTagsInput).mutation(({ ctx, input }) => setCallTags(ctx.db, ctx.actor, input)),
});

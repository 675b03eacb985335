import { TRPCError } from "@trpc/server";
import type { CallReviewInput } from "@/lib/validation/call";
import type { ScopedDatabase } from "@/server/db/scoped";
import type { Actor } from "@/server/api/trpc";
import { changedFields, recordAudit } from "./audit";

// The review workflow: the reviewed flag (who and when), outcome, notes and tags of a call, each
// change audited in the same transaction.

const reviewSelect = { id: true, outcome: true, reviewNotes: true, reviewedAt: true, reviewedBy: true, serviceRecordId: true } as const;

function callNotFound(): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message: "This call does not exist in your organization." });
}

export async function setCallReview(db: ScopedDatabase, actor: Actor, input: CallReviewInput) {
  return db.$transaction(async (tx) => {
    const before = await tx.call.findFirst({ where: { id: input.id }, select: reviewSelect });
    if (!before) throw callNotFound();
    // The first reviewer and time are kept while the call stays reviewed; later edits change outcome and notes only.
    const reviewedAt = input.reviewed ? (before.reviewedAt ?? new Date()) : null;
    const reviewedBy = input.reviewed ? (before.reviewedAt ? before.reviewedBy : actor.userId) : null;
    const change = { outcome: input.outcome, reviewNotes: input.notes, reviewedAt, reviewedBy };
    const updated = await tx.call.update({ where: { id: input.id }, data: change, select: { ...reviewSelect, reviewer: { select: { id: true, name: true } } } });
    const { oldValue, newValue } = changedFields(before, change);
    if (Object.keys(newValue).length) await recordAudit(tx, { ...actor, entity: "call", entityId: input.id, action: "update", oldValue, newValue });
    if (input.outcome === "do_not_call" && before.serviceRecordId) {
      const record = await tx.serviceRecord.findFirst({ where: { id: before.serviceRecordId }, select: { id: true, doNotCall: true } });
      if (record && !record.doNotCall) {
        await tx.serviceRecord.update({ where: { id: record.id }, data: { doNotCall: true, modifiedBy: actor.userId } });
        await recordAudit(tx, { ...actor, entity: "service_record", entityId: record.id, action: "update", oldValue: { doNotCall: false }, newValue: { doNotCall: true, reason: `call ${input.id} outcome do_not_call` } });
      }
    }
    return updated;
  });
}

export async function setCallTags(db: ScopedDatabase, actor: Actor, input: { id: bigint; tagIds: bigint[] }) {
  return db.$transaction(async (tx) => {
    // call_tag has no organization of its own: the call and every tag are checked through the scoped client first.
    const call = await tx.call.findFirst({ where: { id: input.id }, select: { id: true, tags: { select: { tag: { select: { id: true, name: true } } } } } });
    if (!call) throw callNotFound();
    const tags = await tx.tag.findMany({ where: { id: { in: input.tagIds } }, select: { id: true, name: true }, orderBy: { nameKey: "asc" } });
    if (tags.length !== input.tagIds.length) throw new TRPCError({ code: "NOT_FOUND", message: "One of these tags does not exist in your organization." });
    const before = call.tags.map(({ tag }) => tag);
    const wanted = new Set(input.tagIds.map(String));
    const existing = new Set(before.map((tag) => String(tag.id)));
    const removed = before.filter((tag) => !wanted.has(String(tag.id)));
    const added = tags.filter((tag) => !existing.has(String(tag.id)));
    if (removed.length) await tx.callTag.deleteMany({ where: { callId: call.id, tagId: { in: removed.map((tag) => tag.id) } } });
    if (added.length) await tx.callTag.createMany({ data: added.map((tag) => ({ callId: call.id, tagId: tag.id })) });
    if (removed.length || added.length) {
      await recordAudit(tx, {
        ...actor,
        entity: "call",
        entityId: call.id,
        action: "update",
        oldValue: { tags: before.map((tag) => tag.name).sort() },
        newValue: { tags: tags.map((tag) => tag.name).sort() },
      });
    }
    return { id: call.id, tags };
  });
}

import { TRPCError } from "@trpc/server";
import {
  importCsvInput,
  serviceRecordIdInput,
  serviceRecordInput,
  serviceRecordListInput,
  serviceRecordUpdateInput,
} from "@/lib/validation/service-record";
import type { ScopedDatabase } from "../../db/scoped";
import { changedFields, recordAudit } from "../../services/audit";
import { writeIfUnchanged } from "../../services/optimistic-update";
import { importServiceRecords } from "../../services/service-record-import";
import {
  decodeCursor,
  encodeCursor,
  hasFewMatches,
  serviceRecordConditions,
  serviceRecordPageSql,
  toServiceRecordListItem,
} from "../../services/service-records";
import type { ServiceRecordRow } from "../../services/service-records";
import { createTRPCRouter, orgProcedure } from "../trpc";
import { formatPhone } from "@/lib/format-phone";

const recordSelect = {
  id: true,
  campaignId: true,
  customerName: true,
  customerPhone: true,
  vehicleInfo: true,
  serviceType: true,
  status: true,
  appointmentDate: true,
  rating: true,
  feedback: true,
  doNotCall: true,
  createdAt: true,
  updatedAt: true,
} as const;

const notFound = () => new TRPCError({ code: "NOT_FOUND", message: "Service record not found." });

/** A campaign id from the input must be one of the caller's organization. */
async function assertCampaign(db: Pick<ScopedDatabase, "campaign">, campaignId: bigint | null): Promise<void> {
  if (campaignId === null) return;
  const campaign = await db.campaign.findFirst({ where: { id: campaignId }, select: { id: true } });
  if (!campaign) throw new TRPCError({ code: "NOT_FOUND", message: "Campaign not found." });
}

export const serviceRecordRouter = createTRPCRouter({
  /** Filtered, searched, keyset-paginated in the order (created_at desc, id desc). */
  list: orgProcedure.input(serviceRecordListInput).query(async ({ ctx, input }) => {
    const { cursor, limit, ...filters } = input;
    const timeZone = ctx.user.timeZone;
    const where = serviceRecordConditions(ctx.orgId, filters, timeZone);
    const fewMatches = filters.search ? await hasFewMatches(ctx.db, where) : false;
    const rows = await ctx.db.$queryRaw<ServiceRecordRow[]>(serviceRecordPageSql(where, decodeCursor(cursor), limit + 1, fewMatches));
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(toServiceRecordListItem), nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null };
  }),

  byId: orgProcedure.input(serviceRecordIdInput).query(async ({ ctx, input }) => {
    const record = await ctx.db.serviceRecord.findFirst({
      where: { id: input.id },
      select: {
        ...recordSelect,
        campaign: { select: { id: true, name: true, status: true } },
        calls: { select: { id: true, startTime: true, status: true, durationSec: true, outcome: true, direction: true }, orderBy: [{ startTime: "desc" }, { id: "desc" }], take: 100 },
        bookings: { select: { id: true, scheduledTime: true, status: true, callId: true, campaign: { select: { id: true, name: true } } }, orderBy: [{ scheduledTime: "desc" }, { id: "desc" }] },
        _count: { select: { calls: true } },
      },
    });
    if (!record) throw notFound();
    return { ...record, customerPhoneDisplay: formatPhone(record.customerPhone) };
  }),

  create: orgProcedure.input(serviceRecordInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      await assertCampaign(tx, input.campaignId);
      const record = await tx.serviceRecord.create({
        data: { ...input, organizationId: ctx.orgId, createdBy: ctx.actor.userId, modifiedBy: ctx.actor.userId },
        select: recordSelect,
      });
      await recordAudit(tx, { ...ctx.actor, entity: "service_record", entityId: record.id, action: "create", newValue: record });
      return record;
    }),
  ),

  update: orgProcedure.input(serviceRecordUpdateInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      const { id, expectedUpdatedAt, ...fields } = input;
      const before = await tx.serviceRecord.findFirst({ where: { id }, select: recordSelect });
      if (!before) throw notFound();
      await assertCampaign(tx, fields.campaignId);
      await writeIfUnchanged({
        entity: "service record",
        current: before.updatedAt,
        expectedUpdatedAt,
        write: (version, stamp) => tx.serviceRecord.updateMany({ where: { id, ...version }, data: { ...fields, modifiedBy: ctx.actor.userId, ...stamp } }),
        countRows: () => tx.serviceRecord.count({ where: { id } }),
      });
      await recordAudit(tx, { ...ctx.actor, entity: "service_record", entityId: id, action: "update", ...changedFields(before, fields) });
      return tx.serviceRecord.findFirstOrThrow({ where: { id }, select: recordSelect });
    }),
  ),

  /** Refused while calls point at the record: its history stays, and do-not-call stops new ones. */
  delete: orgProcedure.input(serviceRecordIdInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      const before = await tx.serviceRecord.findFirst({ where: { id: input.id }, select: { ...recordSelect, _count: { select: { calls: true, bookings: true } } } });
      if (!before) throw notFound();
      const { _count: counts, ...record } = before;
      if (counts.calls > 0) {
        throw new TRPCError({ code: "CONFLICT", message: `This record has ${counts.calls} call${counts.calls === 1 ? "" : "s"}; mark it do-not-call instead.` });
      }
      if (counts.bookings > 0) {
        throw new TRPCError({ code: "CONFLICT", message: `This record has ${counts.bookings} booking${counts.bookings === 1 ? "" : "s"}; cancel them or keep the record.` });
      }
      await tx.serviceRecord.delete({ where: { id: input.id } });
      await recordAudit(tx, { ...ctx.actor, entity: "service_record", entityId: input.id, action: "delete", oldValue: record });
      return { id: input.id };
    }),
  ),

  /** Validates every row (dryRun) or writes the valid rows, all or nothing, in one transaction. */
  importCsv: orgProcedure.input(importCsvInput).mutation(({ ctx, input }) => importServiceRecords(ctx.db, ctx.actor, input)),
});

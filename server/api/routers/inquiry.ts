import { TRPCError } from "@trpc/server";
import { inquiryByIdInput, inquiryConvertInput, inquiryInput, inquiryListInput, inquirySetStatusInput, inquiryUpdateInput } from "@/lib/validation/inquiry";
import { toE164 } from "@/lib/validation/phone";
import { changedFields, recordAudit } from "../../services/audit";
import { decodeCursor, encodeCursor } from "../../services/service-records";
import { nextVersion, requireWritten } from "../../services/versioned-update";
import { createTRPCRouter, orgProcedure } from "../trpc";
import { formatPhone } from "@/lib/format-phone";

const inquirySelect = { id: true, customerName: true, email: true, phone: true, message: true, status: true, createdAt: true, updatedAt: true } as const;
const notFound = (what = "Inquiry") => new TRPCError({ code: "NOT_FOUND", message: `${what} not found.` });

export const inquiryRouter = createTRPCRouter({
  /** Newest first, keyset-paginated on (created_at desc, id desc). */
  list: orgProcedure.input(inquiryListInput).query(async ({ ctx, input }) => {
    const cursor = decodeCursor(input.cursor);
    const items = await ctx.db.inquiry.findMany({
      where: {
        ...(input.status ? { status: input.status } : {}),
        ...(cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {}),
      },
      select: inquirySelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: input.limit + 1,
    });
    const page = items.slice(0, input.limit);
    const last = page[page.length - 1];
    return { items: page.map((inquiry) => ({ ...inquiry, phoneDisplay: formatPhone(inquiry.phone) })), nextCursor: items.length > input.limit && last ? encodeCursor(last) : null };
  }),

  create: orgProcedure.input(inquiryInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      const inquiry = await tx.inquiry.create({ data: { ...input, organizationId: ctx.orgId }, select: inquirySelect });
      await recordAudit(tx, { ...ctx.actor, entity: "inquiry", entityId: inquiry.id, action: "create", newValue: inquiry });
      return inquiry;
    }),
  ),

  byId: orgProcedure.input(inquiryByIdInput).query(async ({ ctx, input }) => {
    const inquiry = await ctx.db.inquiry.findFirst({ where: { id: input.id }, select: inquirySelect });
    if (!inquiry) throw notFound();
    return inquiry;
  }),

  /** With `expectedUpdatedAt`, writes only if nobody changed the inquiry since (else CONFLICT, nothing written). */
  update: orgProcedure.input(inquiryUpdateInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      const { id, expectedUpdatedAt, ...fields } = input;
      const before = await tx.inquiry.findFirst({ where: { id }, select: inquirySelect });
      if (!before) throw notFound();
      const { count } = await tx.inquiry.updateMany({
        where: { id, ...(expectedUpdatedAt ? { updatedAt: expectedUpdatedAt } : {}) },
        data: { ...fields, updatedAt: nextVersion(before.updatedAt) },
      });
      await requireWritten(count, () => tx.inquiry.count({ where: { id } }), "inquiry");
      await recordAudit(tx, { ...ctx.actor, entity: "inquiry", entityId: id, action: "update", ...changedFields(before, fields) });
      return tx.inquiry.findFirstOrThrow({ where: { id }, select: inquirySelect });
    }),
  ),

  setStatus: orgProcedure.input(inquirySetStatusInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      const before = await tx.inquiry.findFirst({ where: { id: input.id }, select: inquirySelect });
      if (!before) throw notFound();
      const inquiry = await tx.inquiry.update({ where: { id: input.id }, data: { status: input.status, updatedAt: nextVersion(before.updatedAt) }, select: inquirySelect });
      await recordAudit(tx, { ...ctx.actor, entity: "inquiry", entityId: input.id, action: "update", oldValue: { status: before.status }, newValue: { status: input.status } });
      return inquiry;
    }),
  ),

  /** Creates a service record from the inquiry and resolves it, in one transaction. */
  convertToServiceRecord: orgProcedure.input(inquiryConvertInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      const inquiry = await tx.inquiry.findFirst({ where: { id: input.id }, select: inquirySelect });
      if (!inquiry) throw notFound();
      if (input.campaignId && !(await tx.campaign.findFirst({ where: { id: input.campaignId }, select: { id: true } }))) throw notFound("Campaign");
      const record = await tx.serviceRecord.create({
        data: {
          organizationId: ctx.orgId,
          campaignId: input.campaignId ?? null,
          customerName: inquiry.customerName,
          customerPhone: inquiry.phone ? toE164(inquiry.phone) : null,
          vehicleInfo: input.vehicleInfo,
          serviceType: input.serviceType,
          feedback: inquiry.message,
          createdBy: ctx.actor.userId,
          modifiedBy: ctx.actor.userId,
        },
        select: { id: true, customerName: true, customerPhone: true, campaignId: true },
      });
      await tx.inquiry.update({ where: { id: inquiry.id }, data: { status: "Resolved" } });
      await recordAudit(tx, { ...ctx.actor, entity: "service_record", entityId: record.id, action: "create", newValue: { ...record, fromInquiry: inquiry.id } });
      await recordAudit(tx, { ...ctx.actor, entity: "inquiry", entityId: inquiry.id, action: "update", oldValue: { status: inquiry.status }, newValue: { status: "Resolved", serviceRecordId: record.id } });
      return { serviceRecordId: record.id };
    }),
  ),
});

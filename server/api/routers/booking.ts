import { TRPCError } from "@trpc/server";
import { bookingByIdInput, bookingInput, bookingListInput, bookingSetStatusInput, bookingUpdateInput } from "@/lib/validation/booking";
import type { ScopedDatabase } from "../../db/scoped";
import { changedFields, recordAudit } from "../../services/audit";
import { nextVersion, requireWritten } from "../../services/versioned-update";
import { createTRPCRouter, orgProcedure } from "../trpc";
import { formatPhone } from "@/lib/format-phone";

const bookingSelect = {
  id: true,
  scheduledTime: true,
  status: true,
  campaignId: true,
  serviceRecordId: true,
  callId: true,
  createdAt: true,
  updatedAt: true,
} as const;

const bookingListSelect = {
  ...bookingSelect,
  campaign: { select: { id: true, name: true } },
  serviceRecord: { select: { id: true, customerName: true, customerPhone: true, vehicleInfo: true, serviceType: true } },
  call: { select: { id: true, startTime: true } },
} as const;

const notFound = (what: string) => new TRPCError({ code: "NOT_FOUND", message: `${what} not found.` });

type Links = { serviceRecordId?: bigint; campaignId: bigint | null; callId: bigint | null };

/** Every id in the input must be of the caller's organization; the campaign defaults to the record's. */
async function resolveLinks(db: Pick<ScopedDatabase, "serviceRecord" | "campaign" | "call">, links: Links) {
  const record = links.serviceRecordId !== undefined ? await db.serviceRecord.findFirst({ where: { id: links.serviceRecordId }, select: { id: true, campaignId: true } }) : null;
  if (links.serviceRecordId !== undefined && !record) throw notFound("Service record");
  if (links.campaignId !== null && !(await db.campaign.findFirst({ where: { id: links.campaignId }, select: { id: true } }))) throw notFound("Campaign");
  if (links.callId !== null && !(await db.call.findFirst({ where: { id: links.callId }, select: { id: true } }))) throw notFound("Call");
  return { campaignId: links.campaignId ?? record?.campaignId ?? null, callId: links.callId };
}

export const bookingRouter = createTRPCRouter({
  /** Bookings in a time range (e.g. a week in the organization's time zone), by scheduled time. */
  list: orgProcedure.input(bookingListInput).query(async ({ ctx, input }) => {
    const bookings = await ctx.db.booking.findMany({
      where: {
        ...(input.status ? { status: input.status } : {}),
        ...(input.campaignId !== undefined ? { campaignId: input.campaignId } : {}),
        ...(input.from || input.to ? { scheduledTime: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lt: input.to } : {}) } } : {}),
      },
      select: bookingListSelect,
      orderBy: [{ scheduledTime: "asc" }, { id: "asc" }],
      take: input.limit,
    });
    return bookings.map((booking) => ({
      ...booking,
      serviceRecord: booking.serviceRecord && { ...booking.serviceRecord, customerPhoneDisplay: formatPhone(booking.serviceRecord.customerPhone) },
    }));
  }),

  create: orgProcedure.input(bookingInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      const links = await resolveLinks(tx, input);
      const booking = await tx.booking.create({
        data: { ...input, ...links, organizationId: ctx.orgId, createdBy: ctx.actor.userId, modifiedBy: ctx.actor.userId },
        select: bookingSelect,
      });
      await recordAudit(tx, { ...ctx.actor, entity: "booking", entityId: booking.id, action: "create", newValue: booking });
      return booking;
    }),
  ),

  byId: orgProcedure.input(bookingByIdInput).query(async ({ ctx, input }) => {
    const booking = await ctx.db.booking.findFirst({ where: { id: input.id }, select: bookingListSelect });
    if (!booking) throw notFound("Booking");
    return booking;
  }),

  /** Reschedules or relinks a booking; with `expectedUpdatedAt`, only if nobody changed it since (else CONFLICT, nothing written). */
  update: orgProcedure.input(bookingUpdateInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      const { id, expectedUpdatedAt, scheduledTime, campaignId, callId } = input;
      const before = await tx.booking.findFirst({ where: { id }, select: bookingSelect });
      if (!before) throw notFound("Booking");
      await resolveLinks(tx, { campaignId: campaignId ?? null, callId: callId ?? null });
      const data = { scheduledTime, ...(campaignId !== undefined ? { campaignId } : {}), ...(callId !== undefined ? { callId } : {}) };
      const { count } = await tx.booking.updateMany({
        where: { id, ...(expectedUpdatedAt ? { updatedAt: expectedUpdatedAt } : {}) },
        data: { ...data, modifiedBy: ctx.actor.userId, updatedAt: nextVersion(before.updatedAt) },
      });
      await requireWritten(count, () => tx.booking.count({ where: { id } }), "booking");
      await recordAudit(tx, { ...ctx.actor, entity: "booking", entityId: id, action: "update", ...changedFields(before, data) });
      return tx.booking.findFirstOrThrow({ where: { id }, select: bookingListSelect });
    }),
  ),

  setStatus: orgProcedure.input(bookingSetStatusInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      const before = await tx.booking.findFirst({ where: { id: input.id }, select: bookingSelect });
      if (!before) throw notFound("Booking");
      const booking = await tx.booking.update({ where: { id: input.id }, data: { status: input.status, modifiedBy: ctx.actor.userId, updatedAt: nextVersion(before.updatedAt) }, select: bookingSelect });
      await recordAudit(tx, { ...ctx.actor, entity: "booking", entityId: input.id, action: "update", oldValue: { status: before.status }, newValue: { status: input.status } });
      return booking;
    }),
  ),
});

import type { Database } from "@/server/db";

// Calls with transcripts for call-review tests, created straight in the database.

export type TurnSpec = { role?: "User" | "Assistant" | "Tool"; content: string; atSec: number };
export type CallSpec = {
  startTime?: Date | null;
  durationSec?: number | null;
  status?: string;
  direction?: string;
  outcome?: string | null;
  customerNumber?: string;
  campaignId?: bigint;
  agentId?: bigint;
  serviceRecordId?: bigint;
  reviewed?: boolean;
  turns?: TurnSpec[];
  audioPath?: string;
};

export async function createCall(db: Database, organizationId: string, spec: CallSpec = {}) {
  const startTime = spec.startTime === undefined ? new Date() : spec.startTime;
  const call = await db.call.create({
    data: {
      organizationId,
      startTime,
      durationSec: spec.durationSec === undefined ? 90 : spec.durationSec,
      status: spec.status ?? "completed",
      direction: spec.direction ?? "outbound",
      outcome: spec.outcome ?? null,
      customerNumber: spec.customerNumber ?? "+16145550100",
      campaignId: spec.campaignId,
      agentId: spec.agentId,
      serviceRecordId: spec.serviceRecordId,
      reviewedAt: spec.reviewed ? new Date() : null,
    },
  });
  if (spec.turns?.length) {
    await db.transcript.createMany({
      data: spec.turns.map((turn) => ({
        callId: call.id,
        organizationId,
        role: turn.role ?? "User",
        content: turn.content,
        timestamp: new Date((startTime ?? new Date()).getTime() + turn.atSec * 1000),
      })),
    });
  }
  if (spec.audioPath) {
    await db.audioFile.create({ data: { callId: call.id, organizationId, filePath: spec.audioPath, fileFormat: "wav", durationSec: spec.durationSec ?? 90 } });
  }
  return call;
}

import type { AuditAction } from "@/lib/value-sets";
import type { Prisma } from "@/server/generated/prisma/client";

export type AuditEntry = {
  organizationId: string | null;
  userId: bigint | null;
  /** The API key that made the change (the voice engine), when no user did. */
  apiKeyId?: bigint | null;
  entity: string;
  entityId?: string | bigint | null;
  action: AuditAction;
  oldValue?: unknown;
  newValue?: unknown;
};

// Anything that works as a Prisma client here: the root client, a scoped one, or a transaction.
type AuditWriter = { auditLog: { create(args: { data: Prisma.AuditLogUncheckedCreateInput }): PromiseLike<unknown> } };

const secretKey = /(secret|password|passwordHash|token|apiKey|api_key|keyHash|key_hash|clientSecret)$/i;

/** Masks secrets and turns BigInt, Decimal and Date into JSON values. */
export function toAuditJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (key, item: unknown) => {
      if (key && secretKey.test(key) && item !== null && item !== undefined && item !== "") return "••••";
      if (typeof item === "bigint") return item.toString();
      return item;
    }),
  ) as Prisma.InputJsonValue;
}

/** Writes one audit row. Call it with the transaction client of the change it records. */
export async function recordAudit(writer: AuditWriter, entry: AuditEntry): Promise<void> {
  await writer.auditLog.create({
    data: {
      organizationId: entry.organizationId,
      userId: entry.userId,
      apiKeyId: entry.apiKeyId ?? null,
      entity: entry.entity,
      entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      action: entry.action,
      oldValue: toAuditJson(entry.oldValue),
      newValue: toAuditJson(entry.newValue),
    },
  });
}

/** Only the fields whose values differ, as { old, new } halves for the audit row. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): { oldValue: Partial<T>; newValue: Partial<T> } {
  const oldValue: Partial<T> = {};
  const newValue: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(toAuditJson({ v: before[key] })) !== JSON.stringify(toAuditJson({ v: after[key] }))) {
      oldValue[key] = before[key];
      newValue[key] = after[key] as T[keyof T];
    }
  }
  return { oldValue, newValue };
}

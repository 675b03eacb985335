import crypto from "node:crypto";
import type { Database } from "../db";

const keyPrefix = "ap_live_";
const visiblePrefixLength = 12;

export function hashApiKey(key: string): string {
  return crypto.createHash("sha256").update(key, "utf8").digest("hex");
}

/** A new key: the full text (shown once), what is stored of it, and the prefix people recognize it by. */
export function generateApiKey(): { key: string; keyHash: string; prefix: string } {
  const key = `${keyPrefix}${crypto.randomBytes(32).toString("base64url")}`;
  return { key, keyHash: hashApiKey(key), prefix: key.slice(0, visiblePrefixLength) };
}

export type ActiveApiKey = {
  id: bigint;
  organizationId: string;
  name: string;
  prefix: string;
  organization: { id: string; name: string; isActive: boolean };
};

/**
 * The voice engine's credential check: the key row and its organization, or null for a key that is
 * unknown, malformed or revoked. The caller decides what a suspended organization may still do.
 */
export async function findActiveApiKey(db: Database, presentedKey: string | null | undefined): Promise<ActiveApiKey | null> {
  const key = presentedKey?.trim();
  if (!key?.startsWith(keyPrefix) || key.length > 200) return null;
  const row = await db.apiKey.findUnique({
    where: { keyHash: hashApiKey(key) },
    select: { id: true, organizationId: true, name: true, prefix: true, revokedAt: true, organization: { select: { id: true, name: true, isActive: true } } },
  });
  if (!row || row.revokedAt) return null;
  return { id: row.id, organizationId: row.organizationId, name: row.name, prefix: row.prefix, organization: row.organization };
}

/** Records a use; at most once a minute per key, so a busy engine does not write on every request. */
export async function markApiKeyUsed(db: Database, id: bigint, now = new Date()): Promise<void> {
  await db.apiKey.updateMany({
    where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - 60_000) } }] },
    data: { lastUsedAt: now },
  });
}

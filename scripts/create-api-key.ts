// Prints a new API key for an organization, for the voice engine before anyone has used the
// Settings → API keys page. The key is shown once; only its SHA-256 is stored.
// npx tsx scripts/create-api-key.ts --org "Sunrise Motors" [--name "Voice engine"]
import { parseArgs } from "node:util";
import pg from "pg";
import { openPglite, pgClientExecutor, pgliteExecutor, prismaForPglite, prismaForUrl } from "../server/db";
import type { Database } from "../server/db";
import { applyPendingMigrations } from "../server/db/migrations";
import { generateApiKey } from "../server/services/api-keys";
import { recordAudit } from "../server/services/audit";
import { apiKeyCreateInput } from "../lib/validation/api-key";

async function createKey(db: Database, organizationName: string, name: string): Promise<string> {
  const organization = await db.organization.findUnique({ where: { name: organizationName }, select: { id: true } });
  if (!organization) throw new Error(`There is no organization named "${organizationName}".`);
  const { key, keyHash, prefix } = generateApiKey();
  await db.$transaction(async (tx) => {
    const apiKey = await tx.apiKey.create({ data: { organizationId: organization.id, name, prefix, keyHash } });
    await recordAudit(tx, { organizationId: organization.id, userId: null, entity: "api_key", entityId: apiKey.id, action: "create", newValue: { name, prefix } });
  });
  return key;
}

async function main() {
  const { values } = parseArgs({ options: { org: { type: "string" }, name: { type: "string", default: "Voice engine" } } });
  if (!values.org) throw new Error('Usage: npx tsx scripts/create-api-key.ts --org "<organization name>" [--name "<key name>"]');
  const parsed = apiKeyCreateInput.safeParse({ name: values.name });
  if (!parsed.success) throw new Error(`--name: ${parsed.error.issues[0]?.message}`);
  const url = process.env.DATABASE_URL;
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await applyPendingMigrations(pgClientExecutor(client));
    await client.end();
    console.log(await createKey(prismaForUrl(url), values.org, parsed.data.name));
    return;
  }
  const { pglite, close } = await openPglite("apikey:create");
  try {
    await applyPendingMigrations(pgliteExecutor(pglite));
    console.log(await createKey(prismaForPglite(pglite), values.org, parsed.data.name));
  } finally {
    await close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);

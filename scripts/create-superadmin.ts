// Creates the platform organization (if missing) and a super admin in it: the first step of a
// production deployment, which starts with an empty database.
// npm run user:create-superadmin -- --email you@example.com --name "Your Name" [--organization "AutoPulse Platform"]
// The password is read from SUPERADMIN_PASSWORD, or asked for on the terminal.
import readline from "node:readline/promises";
import { parseArgs } from "node:util";
import pg from "pg";
import { z } from "zod";
import { openPglite, pgClientExecutor, pgliteExecutor, prismaForPglite, prismaForUrl } from "../server/db";
import type { Database } from "../server/db";
import { applyPendingMigrations } from "../server/db/migrations";
import { hashPassword } from "../server/auth/password";
import { recordAudit } from "../server/services/audit";
import { emailSchema } from "../lib/validation/common";
import { passwordSchema } from "../lib/validation/password";

const input = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, "--name is required").max(100),
  organization: z.string().trim().min(2).max(255),
  password: passwordSchema,
});

async function askPassword(): Promise<string> {
  if (process.env.SUPERADMIN_PASSWORD) return process.env.SUPERADMIN_PASSWORD;
  if (!process.stdin.isTTY) throw new Error("Set SUPERADMIN_PASSWORD, or run this in a terminal to be asked.");
  const terminal = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const password = await terminal.question("Password for the super admin (at least 12 characters): ");
  terminal.close();
  return password;
}

async function createSuperAdmin(db: Database, values: z.infer<typeof input>) {
  const passwordHash = await hashPassword(values.password);
  return db.$transaction(async (tx) => {
    const organization =
      (await tx.organization.findUnique({ where: { name: values.organization } })) ??
      (await tx.organization.create({ data: { name: values.organization, email: values.email } }));
    const user = await tx.user.create({
      data: { name: values.name, email: values.email, passwordHash, role: "SuperAdmin", organizationId: organization.id },
    });
    await recordAudit(tx, { organizationId: organization.id, userId: null, entity: "user", entityId: user.id, action: "create", newValue: { email: user.email, name: user.name, role: user.role } });
    return user;
  });
}

async function main() {
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" }, organization: { type: "string", default: "AutoPulse Platform" } } });
  const parsed = input.safeParse({ ...values, email: values.email ?? "", name: values.name ?? "", password: await askPassword() });
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n"));
  const url = process.env.DATABASE_URL;
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await applyPendingMigrations(pgClientExecutor(client));
    await client.end();
    const db = prismaForUrl(url);
    const user = await createSuperAdmin(db, parsed.data);
    console.log(`Created super admin ${user.email} in "${parsed.data.organization}".`);
    return;
  }
  const { pglite, close } = await openPglite("user:create-superadmin");
  try {
    await applyPendingMigrations(pgliteExecutor(pglite));
    const user = await createSuperAdmin(prismaForPglite(pglite), parsed.data);
    console.log(`Created super admin ${user.email} in "${parsed.data.organization}".`);
  } finally {
    await close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(/Unique constraint|P2002/.test(message) ? "A user with this email already exists." : message);
    process.exit(1);
  },
);

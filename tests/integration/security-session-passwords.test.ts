import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { z } from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import { commonPasswordList } from "@/lib/validation/password-list";
import { commonPasswordMessage, isCommonPassword, passwordSchema } from "@/lib/validation/password";
import { authenticate } from "@/server/auth/sign-in";
import { callerFor, createFixtures, fixturePassword } from "../helpers/fixtures";
import type { Fixtures } from "../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../helpers/db";
import type { TestDatabase } from "../helpers/db";
import { errorOf } from "../helpers/errors";

const common = "qwerty123456"; // rank ~1,900 of the list, and 12 characters
const tooShort = "elevenchars";
const tooLong = "x".repeat(129);

function fieldErrorsOf(error: { cause?: unknown }): Record<string, string[] | undefined> {
  expect(error.cause).toBeInstanceOf(z.ZodError);
  return z.flattenError(error.cause as z.ZodError).fieldErrors as Record<string, string[] | undefined>;
}

describe("the password rule", () => {
  it("ships the 10,000 most common passwords in the repository", () => {
    const list = commonPasswordList.split("\n");
    expect(list).toHaveLength(10_000);
    expect(new Set(list).size).toBe(10_000);
    expect(list.slice(0, 3)).toEqual(["123456", "password", "12345678"]);
  });

  it("takes 12 to 128 characters that are not a common password, in any letter case", () => {
    expect(passwordSchema.safeParse("demo-password").success).toBe(true);
    expect(isCommonPassword("demo-password")).toBe(false);
    expect(passwordSchema.safeParse("x".repeat(128)).success).toBe(true);
    expect(passwordSchema.safeParse(tooShort).error?.issues[0]?.message).toBe("At least 12 characters");
    expect(passwordSchema.safeParse(tooLong).error?.issues[0]?.message).toBe("At most 128 characters");
    for (const password of [common, "QWERTY123456", "1qaz2wsx3edc", "leavemealone"]) {
      expect(passwordSchema.safeParse(password).error?.issues.map((issue) => issue.message)).toEqual([commonPasswordMessage]);
    }
  });
});

describe.each(databaseKinds)("every place a password is set, on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
  });

  it("refuses short, long and common passwords beside the field, and stores nothing", async () => {
    const asAdmin = callerFor(database.db, f.sunriseAdmin);
    const email = `rules-${kind}@sunrise.test`;
    for (const [password, message] of [[common, commonPasswordMessage], [tooShort, "At least 12 characters"], [tooLong, "At most 128 characters"]] as const) {
      const create = await errorOf(asAdmin.user.create({ name: "Rules", email, role: "Manager", passwordMode: "password", password }));
      expect(create.code).toBe("BAD_REQUEST");
      expect(fieldErrorsOf(create).password).toEqual([message]);

      const reset = await errorOf(asAdmin.user.setPassword({ id: f.sunriseManager.id, password }));
      expect(fieldErrorsOf(reset).password?.[0]).toBe(message);

      const own = await errorOf(callerFor(database.db, f.sunriseManager).user.changePassword({ currentPassword: fixturePassword, newPassword: password, confirmPassword: password }));
      expect(fieldErrorsOf(own).newPassword?.[0]).toBe(message);
    }
    expect(await database.db.user.count({ where: { email } })).toBe(0);
    expect(await authenticate(database.db, f.sunriseManager.email, fixturePassword)).not.toBeNull();
  });

  it("refuses a common password through a set-password link and keeps the link usable", async () => {
    const created = await callerFor(database.db, f.sunriseAdmin).user.create({ name: "Link Rules", email: `link-rules-${kind}@sunrise.test`, role: "Manager", passwordMode: "link" });
    const signedOut = callerFor(database.db, null);
    const token = created.setPasswordToken!;
    const error = await errorOf(signedOut.user.setPasswordWithToken({ token, password: common, confirmPassword: common }));
    expect(fieldErrorsOf(error).password).toEqual([commonPasswordMessage]);
    expect(await signedOut.user.passwordLink({ token })).toMatchObject({ valid: true });
    await signedOut.user.setPasswordWithToken({ token, password: "an uncommon link password", confirmPassword: "an uncommon link password" });
  });
});

describe("npm run user:create-superadmin", () => {
  it("refuses a common password before it opens any database", async () => {
    const run = promisify(execFile)("npx", ["tsx", "scripts/create-superadmin.ts", "--email", "root@example.com", "--name", "Root"], {
      env: { ...process.env, SUPERADMIN_PASSWORD: common, DATABASE_URL: "postgres://nobody:nothing@127.0.0.1:1/none", PGLITE_DIR: "/nonexistent" },
    });
    const failure = await run.then(
      () => null,
      (error: { stderr: string; code: number }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain(`password: ${commonPasswordMessage}`);
  }, 60_000);
});

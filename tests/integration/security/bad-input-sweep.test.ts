import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, createFixtures } from "../../helpers/fixtures";
import type { Fixtures } from "../../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../../helpers/db";
import type { TestDatabase } from "../../helpers/db";
import { badWholeInputs, fieldsOf, sampleBadValues, seededRandom, withField } from "./bad-inputs";
import type { Field } from "./bad-inputs";
import {
  accessEntries,
  databaseChecksum,
  describeError,
  fixtureUserFor,
  inputSchemaOf,
  isServerError,
  privilegedCallerFor,
  procedureAt,
  procedureDefinitions,
  restoreFixtures,
  settle,
} from "./procedures";

// Calls every procedure of appRouter, as the most privileged caller that may use it, with bad inputs
// generated from its zod schema and a valid base input (from its access-matrix entry). None may end in
// INTERNAL_SERVER_ERROR, and a refused call writes nothing: no changed table after a mutation, no audit
// row after a query (a query's only write is the audit row of viewing a call).
// Per field: the catalogue's `always` values for its kind (string or not) plus 1 sampled one (seeded, so every run
// tries the same); BAD_INPUT_SWEEP_FULL=1 tries the whole catalogue on every field.

const extraPerField = process.env.BAD_INPUT_SWEEP_FULL ? Number.POSITIVE_INFINITY : 1;
const seed = 20261125;

type Case = { label: string; input: (base: unknown) => unknown };

function casesFor(fields: Field[], random: () => number): Case[] {
  const whole: Case[] = badWholeInputs.map((bad) => ({ label: bad.label, input: () => bad.value }));
  const fieldCases: Case[] = fields.flatMap(({ path, kind }) =>
    sampleBadValues(kind, random, extraPerField).map((bad) => ({ label: `${path} = ${bad.label}`, input: (base: unknown) => withField(base, path, bad.value) })),
  );
  return [...whole, ...fieldCases];
}

type Figures = { procedures: number; inputs: number; accepted: number; refused: Record<string, number> };

describe.each(databaseKinds)("bad-input sweep on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;
  const figures: Figures = { procedures: 0, inputs: 0, accepted: 0, refused: {} };
  const definitions = procedureDefinitions();

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
  });

  afterAll(() => {
    console.info(`bad-input sweep on ${kind}: ${figures.procedures} procedures × ${figures.inputs} bad inputs; accepted ${figures.accepted}; refused ${JSON.stringify(figures.refused)}`);
  });

  it.each(Object.keys(definitions).sort())("%s", async (path) => {
    const entry = accessEntries[path];
    const caller = entry ? privilegedCallerFor(entry) : null;
    if (!entry || !caller) return; // the access matrix fails for a procedure without entry; none is closed to both Admins and super admins
    const definition = definitions[path]!;
    const call = procedureAt(callerFor(database.db, fixtureUserFor(f, caller)), path);
    const validInput = async () => entry.input?.(f, caller, database);

    let base = await validInput();
    const cases = casesFor(fieldsOf(inputSchemaOf(definition), base), seededRandom(seed + path.length));
    const serverErrors: string[] = [];
    const writes: string[] = [];
    const fingerprint = async () => (definition.type === "mutation" ? databaseChecksum(database) : String(await database.db.auditLog.count()));
    let checksum = await fingerprint();

    for (const testCase of cases) {
      const settled = await settle(call(testCase.input(base)));
      figures.inputs++;
      if (isServerError(settled)) serverErrors.push(`${testCase.label} → ${describeError(settled.ok ? null : settled.error)}`);
      if (settled.ok) {
        figures.accepted++;
        if (definition.type === "mutation") {
          await restoreFixtures(database, f);
          base = await validInput(); // a fresh row for procedures that consume theirs (delete, revoke)
        }
        checksum = await fingerprint();
        continue;
      }
      const code = settled.error instanceof TRPCError ? settled.error.code : "thrown";
      figures.refused[code] = (figures.refused[code] ?? 0) + 1;
      const after = await fingerprint();
      if (after !== checksum) writes.push(`${testCase.label} (${code}) changed the database`);
      checksum = after;
    }
    figures.procedures++;

    expect(serverErrors, `${path} as ${caller}: bad inputs that ended in a server error`).toEqual([]);
    expect(writes, `${path} as ${caller}: refused inputs that wrote`).toEqual([]);
  });
});

import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { PGlite } from "@electric-sql/pglite";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import type * as EngineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { migrationsDir, readMigrations } from "./migrations";

// Prisma's schema engine as WebAssembly: the native one is downloaded at install time, which
// these machines cannot do. See STACK.md ("Prisma without its engine downloads").
const require = createRequire(import.meta.url);

async function loadSchemaEngineModule() {
  const entry = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bindings = (await import(entry)) as typeof EngineBindings & {
    __wbg_set_wasm(exports: WebAssembly.Exports): void;
  };
  const wasmModule = new WebAssembly.Module(fs.readFileSync(path.join(path.dirname(entry), "schema_engine_bg.wasm")));
  const instance = new WebAssembly.Instance(wasmModule, { "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bindings;
}

export const schemaPath = path.resolve(process.cwd(), "prisma/schema.prisma");
export const noFilters = { externalTables: [], externalEnums: [] };

export function migrationList(): MigrationList {
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: readMigrations().map((migration) => ({
      path: migration.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: migration.sql } },
    })),
  };
}

/** Starts the engine on a scratch in-memory PGlite (also its shadow database). */
export async function startSchemaEngine(): Promise<SchemaEngine> {
  const { SchemaEngine } = await loadSchemaEngineModule();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(new PGlite()));
  const datamodel = fs.readFileSync(schemaPath, "utf8");
  return SchemaEngine.new({ datamodels: [[schemaPath, datamodel]] }, () => undefined, adapter);
}

/** The SQL that takes the committed migrations to prisma/schema.prisma ("" when in sync). */
export async function diffMigrationsToSchema(engine: SchemaEngine): Promise<string> {
  const result = await engine.diff({
    from: { tag: "migrations", ...migrationList() },
    to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: fs.readFileSync(schemaPath, "utf8") }] },
    script: true,
    exitCode: null,
    filters: noFilters,
  });
  const sql = (result.stdout ?? "").trim();
  return sql === "-- This is an empty migration." ? "" : sql;
}

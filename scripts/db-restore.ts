// npm run db:restore -- <file> [--dir <folder>] [--force]: the embedded database from a db:backup tarball.
// Restores into a fresh folder; a folder that holds data is replaced only with --force, and is then kept beside it.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pgliteDir } from "../server/db";
import { acquirePgliteLock } from "../server/db/pglite-lock";
import { optionValue, refuseServerDatabase, runCli, shown } from "./db-backup";

export type RestoreResult = { dir: string; migrations: number; previous: string | null };

const isEmptyFolder = (dir: string) => !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;

/** Opens the unpacked copy once: a file that is not a backup of this app is refused before anything is replaced. */
async function unpack(file: string, target: string): Promise<number> {
  let pglite: PGlite | undefined;
  try {
    pglite = new PGlite(target, { loadDataDir: new Blob([fs.readFileSync(file)]) });
    await pglite.waitReady;
    const rows = (await pglite.query<{ count: number }>(`SELECT count(*)::int AS count FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`)).rows;
    return rows[0]?.count ?? 0;
  } catch (error) {
    throw new Error(`${file} is not a backup of the embedded database (${error instanceof Error ? error.message : String(error)}).`);
  } finally {
    await pglite?.close().catch(() => undefined);
  }
}

export async function restorePglite(file: string, dir: string, options: { force?: boolean } = {}): Promise<RestoreResult> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new Error(`There is no backup file ${file}.`);
  const replacing = !isEmptyFolder(dir);
  if (replacing && !options.force) {
    throw new Error(`${dir} is not empty. Restore into a new folder (--dir <folder>, then point PGLITE_DIR at it), or add --force to replace it (the current folder is kept beside it).`);
  }
  // Held for the whole restore: refuses while the app (or any command) has the folder open.
  const release = acquirePgliteLock(dir, "db:restore");
  const staging = `${dir}.restoring-${process.pid}`;
  try {
    fs.rmSync(staging, { recursive: true, force: true });
    const migrations = await unpack(file, staging);
    let previous: string | null = null;
    if (replacing) {
      previous = `${dir}.before-restore-${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}`;
      fs.renameSync(dir, previous);
    } else {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.renameSync(staging, dir);
    return { dir, migrations, previous };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    release();
  }
}

async function main(): Promise<void> {
  refuseServerDatabase("db:restore");
  const args = process.argv.slice(2);
  const file = args.find((arg, index) => !arg.startsWith("--") && args[index - 1] !== "--dir");
  if (!file) throw new Error("Usage: npm run db:restore -- <backup file> [--dir <folder>] [--force]");
  const dir = path.resolve(optionValue(args, "--dir") ?? pgliteDir());
  const result = await restorePglite(path.resolve(file), dir, { force: args.includes("--force") });
  console.log(`Restored ${file} into ${shown(result.dir)} (${result.migrations} migrations applied in it).`);
  if (result.previous) console.log(`The folder it replaced is kept as ${shown(result.previous)}: delete it once you no longer need it.`);
  console.log("Start the app as usual: it applies any newer migrations before it starts.");
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) runCli(main);

// npm run db:backup [-- --out <file>]: a copy of the embedded database (PGlite) as a gzipped tarball of its data folder.
// The app must be stopped (the folder's lock says who holds it). For a PostgreSQL server use pg_dump (README, "Backups").
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { openPglite, pgliteDir } from "../server/db";

export type BackupResult = { file: string; bytes: number };

/** Writes the tarball of the data folder `dir` to `out` (a new file). Refuses while another process holds the folder. */
export async function backupPglite(dir: string, out: string): Promise<BackupResult> {
  if (!fs.existsSync(path.join(dir, "PG_VERSION"))) throw new Error(`There is no embedded database in ${dir} to back up.`);
  if (fs.existsSync(out)) throw new Error(`${out} already exists: choose another file with --out.`);
  const { pglite, close } = await openPglite("db:backup", dir);
  try {
    const dump = await pglite.dumpDataDir("gzip");
    const bytes = Buffer.from(await dump.arrayBuffer());
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    // Written beside the target, then renamed: an interrupted backup never leaves a truncated file under the name.
    const partial = `${out}.partial`;
    fs.writeFileSync(partial, bytes);
    fs.renameSync(partial, out);
    return { file: path.resolve(out), bytes: bytes.length };
  } finally {
    await close();
  }
}

export function optionValue(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  const value = args[index + 1];
  if (!value || value.startsWith("--")) throw new Error(`${name} needs a value.`);
  return value;
}

export function refuseServerDatabase(command: string): void {
  if (process.env.DATABASE_URL) {
    throw new Error(`${command} works on the embedded database only; DATABASE_URL points at a PostgreSQL server: use pg_dump / pg_restore (README, "Backups").`);
  }
}

/** A path as people read it: relative inside the project, absolute elsewhere. */
export function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative === "" ? "." : relative.startsWith("..") ? path.resolve(file) : relative;
}

export function runCli(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}

async function main(): Promise<void> {
  refuseServerDatabase("db:backup");
  const args = process.argv.slice(2);
  const dir = path.resolve(optionValue(args, "--dir") ?? pgliteDir());
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const out = optionValue(args, "--out") ?? path.join(path.dirname(dir), "backups", `${path.basename(dir)}-${stamp}.tar.gz`);
  const result = await backupPglite(dir, out);
  console.log(`Backed up ${shown(dir)} to ${shown(result.file)} (${(result.bytes / 1_048_576).toFixed(1)} MB).`);
  console.log(`Restore it with: npm run db:restore -- ${shown(result.file)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) runCli(main);

import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { describeTarget } from "@/server/migrate";

/**
 * An online-safe copy of the live database through SQLite's backup API: readers and writers
 * carry on while it runs, and the copy is a consistent snapshot including WAL contents. The
 * result is a plain SQLite file with mode 600; restore by pointing DATABASE_PATH at it.
 */
export async function backupDatabase(
  sourcePath: string,
  destinationPath: string,
): Promise<{ path: string; bytes: number }> {
  if (!fs.existsSync(sourcePath)) throw new Error(`No database at ${sourcePath}`);
  fs.mkdirSync(path.dirname(destinationPath), { recursive: true, mode: 0o700 });
  // Created empty (a valid empty database) with mode 600 before SQLite writes into it.
  createBackupFile(destinationPath);
  const source = new Database(sourcePath, { readonly: true, fileMustExist: true });
  try {
    await source.backup(destinationPath);
  } finally {
    source.close();
  }
  // The copy inherits WAL mode; fold it into one self-contained file.
  const copy = new Database(destinationPath);
  try {
    copy.pragma("journal_mode = DELETE");
  } finally {
    copy.close();
  }
  return { path: destinationPath, bytes: fs.statSync(destinationPath).size };
}

/**
 * Creates the backup's file empty with mode 600 before anything writes into it: a backup holds
 * every account's data. `wx` also makes "never overwrite" atomic.
 */
function createBackupFile(destinationPath: string): void {
  try {
    fs.writeFileSync(destinationPath, "", { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST")
      throw new Error(`Refusing to overwrite ${destinationPath}`);
    throw error;
  }
}

const timestamp = (now: Date) =>
  now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");

export function defaultBackupPath(databasePath: string, now = new Date()): string {
  return path.join(
    path.dirname(databasePath),
    "backups",
    `${path.basename(databasePath, ".db")}-${timestamp(now)}.db`,
  );
}

/**
 * Where `db:backup` puts a PostgreSQL dump by default: the folder SQLite backups go to (beside
 * DATABASE_PATH), named after the database and the time.
 */
export function defaultPostgresBackupPath(databasePath: string, url: string, now = new Date()): string {
  const database = decodeURIComponent(new URL(url).pathname.slice(1)) || "postgres";
  return path.join(
    path.dirname(databasePath),
    "backups",
    `${database.replace(/[^\w.-]/g, "_")}-${timestamp(now)}.dump`,
  );
}

const run = promisify(execFile);

/** The major version `pg_dump --version` reports, or an error saying how to install it. */
async function pgDumpMajor(pgDump: string): Promise<number> {
  let stdout: string;
  try {
    ({ stdout } = await run(pgDump, ["--version"]));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      throw new Error(
        `${pgDump} not found: install PostgreSQL's client tools (apt-get install postgresql-client).`,
      );
    throw new Error(`${pgDump} --version failed: ${(error as Error).message}`);
  }
  const major = /\(PostgreSQL\) (\d+)/.exec(stdout)?.[1];
  if (!major) throw new Error(`${pgDump} --version said "${stdout.trim()}", not a PostgreSQL version.`);
  return Number(major);
}

/** The server's major version, which also proves the URL reaches a database. */
async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 15_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ version: number }>(
      "SELECT current_setting('server_version_num')::int AS version",
    );
    return Math.floor(rows[0]!.version / 10_000);
  } catch (error) {
    throw new Error(
      `Cannot connect to ${describeTarget({ provider: "postgresql", url })}: ${(error as Error).message}`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * A consistent dump of the PostgreSQL database at `url` in pg_dump's custom format (`-Fc`, one
 * snapshot; readers and writers carry on), written to `destinationPath` with mode 600. Needs
 * Debian's `pg_dump` (postgresql-client) of the server's major version or newer. The password
 * travels in PGPASSWORD, never on the command line, where `ps` would show it. On failure no file
 * is left behind. Restore with `pg_restore --clean --if-exists --no-owner -d <url> <file>`.
 */
export async function backupPostgres(
  url: string,
  destinationPath: string,
  options: { pgDump?: string } = {},
): Promise<{ path: string; bytes: number }> {
  const pgDump = options.pgDump ?? "pg_dump";
  const [clientMajor, databaseMajor] = [await pgDumpMajor(pgDump), await serverMajor(url)];
  if (clientMajor < databaseMajor)
    throw new Error(
      `${pgDump} is version ${clientMajor}, older than the server (${databaseMajor}); it cannot dump it. ` +
        `Install the client tools of version ${databaseMajor} or newer (apt-get install postgresql-client-${databaseMajor}).`,
    );
  const withoutPassword = new URL(url);
  const password = decodeURIComponent(withoutPassword.password);
  withoutPassword.password = "";
  fs.mkdirSync(path.dirname(destinationPath), { recursive: true, mode: 0o700 });
  createBackupFile(destinationPath);
  try {
    await run(
      pgDump,
      ["--format=custom", "--no-password", `--file=${destinationPath}`, `--dbname=${withoutPassword}`],
      {
        env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
  } catch (error) {
    fs.rmSync(destinationPath, { force: true });
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`pg_dump failed: ${stderr || (error as Error).message}`);
  }
  return { path: destinationPath, bytes: fs.statSync(destinationPath).size };
}

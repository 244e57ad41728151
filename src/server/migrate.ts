import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import {
  migrate,
  prismaTimestamp,
  readMigrations,
  type MigrationDriver,
  type MigrationFile,
  type MigrationRun,
} from "@/server/migrator";

/** Applies `files` through `driver` and says in one line what that did, for either database. */
async function migrateAndReport(
  driver: MigrationDriver,
  files: MigrationFile[],
  log: (line: string) => void,
): Promise<MigrationRun> {
  const run = await migrate(driver, files, log);
  log(
    run.applied.length === 0
      ? `Database up to date (${run.total} migrations); nothing to apply.`
      : `Applied ${run.applied.length} migration(s); database up to date (${run.total} migrations).`,
  );
  return run;
}

/** How long a migrator waits for another one (or a server's write) to let go of the database. */
const LOCK_WAIT_MS = 60_000;

/** Where the committed SQL of each provider lives (PostgreSQL's is derived, docs/decisions/011). */
export const SQLITE_MIGRATIONS_DIR = "prisma/migrations";
export const POSTGRES_MIGRATIONS_DIR = "prisma/postgresql/migrations";

const HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/**
 * The migrator's SQLite side. The lock is one `BEGIN EXCLUSIVE` transaction around the whole run
 * (in WAL mode readers carry on; a second migrator waits on the busy timeout, then reads the
 * history the first committed). Each migration runs in a savepoint together with its record, so a
 * failing one leaves neither its changes nor a row; those applied before it are committed.
 * Foreign keys are switched off for the connection before the transaction (inside one, SQLite
 * ignores the migrations' own `PRAGMA foreign_keys=OFF`, and a table redefinition would cascade
 * deletes); `PRAGMA foreign_key_check` then vets each migration instead.
 */
export function sqliteMigrationDriver(sqlite: Database.Database): MigrationDriver {
  return {
    async withLock(work) {
      sqlite.pragma("foreign_keys = OFF");
      sqlite.exec("BEGIN EXCLUSIVE");
      try {
        return await work();
      } finally {
        // Whatever completed inside is complete on its own (see apply), so it is kept.
        if (sqlite.inTransaction) sqlite.exec("COMMIT");
      }
    },
    async ensureHistory() {
      sqlite.exec(HISTORY_TABLE);
    },
    async history() {
      return sqlite
        .prepare(
          `SELECT migration_name AS migrationName, checksum, finished_at AS finishedAt,
                  rolled_back_at AS rolledBackAt
             FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
        )
        .all() as Awaited<ReturnType<MigrationDriver["history"]>>;
    },
    async apply(migration, record) {
      sqlite.exec("SAVEPOINT migration");
      try {
        sqlite.exec(migration.sql);
        const broken = sqlite.pragma("foreign_key_check") as { table: string; parent: string }[];
        const [first] = broken;
        if (first)
          throw new Error(
            `it leaves ${broken.length} row(s) whose foreign key points nowhere (first: ${first.table} → ${first.parent})`,
          );
        sqlite
          .prepare(
            `INSERT INTO "_prisma_migrations"
               (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
             VALUES (?, ?, ?, ?, NULL, NULL, ?, ?)`,
          )
          .run(
            record.id,
            record.checksum,
            prismaTimestamp(new Date()),
            record.migrationName,
            record.startedAt,
            record.appliedStepsCount,
          );
        sqlite.exec("RELEASE migration");
      } catch (error) {
        sqlite.exec("ROLLBACK TO migration");
        sqlite.exec("RELEASE migration");
        throw error;
      }
    },
  };
}

/**
 * Creates the SQLite file at `databasePath` when absent — with its folder, and mode 600 (SQLite
 * gives its -wal and -shm files the same mode) — turns on WAL, which SQLite remembers in the file,
 * and applies prisma/migrations with the app's own migrator (src/server/migrator.ts). Safe beside a
 * running server and beside another migrator. Used by `npm start`, every db:* script and the tests.
 */
export async function applyMigrations(
  databasePath: string,
  options: { quiet?: boolean; migrationsDir?: string } = {},
): Promise<MigrationRun> {
  const absolute = path.resolve(databasePath);
  fs.mkdirSync(path.dirname(absolute), { recursive: true });
  createPrivateFile(absolute);
  const files = readMigrations(path.resolve(options.migrationsDir ?? SQLITE_MIGRATIONS_DIR));
  const log = options.quiet ? () => {} : (line: string) => console.log(line);
  const sqlite = new Database(absolute, { timeout: LOCK_WAIT_MS });
  try {
    sqlite.pragma("journal_mode = WAL");
    return await migrateAndReport(sqliteMigrationDriver(sqlite), files, log);
  } finally {
    sqlite.close();
  }
}

/**
 * Empties the database at `databasePath` — every table, view and trigger dropped in one exclusive
 * transaction, so a running server sees either all its data or none — and migrates it afresh.
 * The file itself stays (with its mode), so it works while a server has it open.
 */
export async function resetDatabase(
  databasePath: string,
  options: { quiet?: boolean; migrationsDir?: string } = {},
): Promise<MigrationRun> {
  const absolute = path.resolve(databasePath);
  if (fs.existsSync(absolute)) {
    const sqlite = new Database(absolute, { timeout: LOCK_WAIT_MS });
    try {
      sqlite.pragma("foreign_keys = OFF");
      sqlite.exec("BEGIN EXCLUSIVE");
      const objects = sqlite
        .prepare(
          `SELECT type, name FROM sqlite_master
            WHERE type IN ('view', 'table') AND name NOT LIKE 'sqlite_%'
            ORDER BY type = 'table'`,
        )
        .all() as { type: "view" | "table"; name: string }[];
      for (const object of objects)
        sqlite.exec(`DROP ${object.type.toUpperCase()} "${object.name.replaceAll('"', '""')}"`);
      sqlite.exec("COMMIT");
    } finally {
      if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
      sqlite.close();
    }
  }
  return applyMigrations(absolute, options);
}

/** An empty file is an empty SQLite database; `wx` leaves a file another process just made alone. */
export function createPrivateFile(file: string): void {
  try {
    fs.writeFileSync(file, "", { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL (docs/decisions/011). Prisma's schema engine cannot migrate PostgreSQL through the
// JS engine here, so the same migrator applies prisma/postgresql/migrations.

/** Prisma's definition of the history table on PostgreSQL. */
const POSTGRES_HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** The advisory lock every Waypoint migrator takes on a PostgreSQL database ("Wayp" in ASCII). */
export const POSTGRES_MIGRATION_LOCK = 0x57617970;

/**
 * The migrator's PostgreSQL side, on one dedicated connection. The lock is a session-level
 * advisory lock, so instances starting together queue on it and each later one finds the history
 * the first wrote; DDL is transactional on PostgreSQL, so each migration runs in a transaction
 * together with its record and a failing one leaves neither.
 */
export function postgresMigrationDriver(client: pg.Client): MigrationDriver {
  return {
    async withLock(work) {
      await client.query(`SET lock_timeout = ${LOCK_WAIT_MS}`);
      await client.query("SELECT pg_advisory_lock($1)", [POSTGRES_MIGRATION_LOCK]);
      try {
        return await work();
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [POSTGRES_MIGRATION_LOCK]);
      }
    },
    async ensureHistory() {
      await client.query(POSTGRES_HISTORY_TABLE);
    },
    async history() {
      const { rows } = await client.query<{
        migrationName: string;
        checksum: string;
        finishedAt: Date | null;
        rolledBackAt: Date | null;
      }>(
        `SELECT migration_name AS "migrationName", checksum, finished_at AS "finishedAt",
                rolled_back_at AS "rolledBackAt"
           FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
      );
      return rows.map((row) => ({
        ...row,
        finishedAt: row.finishedAt && prismaTimestamp(row.finishedAt),
        rolledBackAt: row.rolledBackAt && prismaTimestamp(row.rolledBackAt),
      }));
    },
    async apply(migration, record) {
      await client.query("BEGIN");
      try {
        // No parameters: the simple protocol runs the file's several statements in one go.
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations"
             (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, NULL, NULL, $4, $5)`,
          [record.id, record.checksum, record.migrationName, record.startedAt, record.appliedStepsCount],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
  };
}

/**
 * Applies prisma/postgresql/migrations to the PostgreSQL database at `url` (which must exist)
 * with the app's own migrator. Safe beside running servers and beside other migrators.
 */
export async function applyPostgresMigrations(
  url: string,
  options: { quiet?: boolean; migrationsDir?: string } = {},
): Promise<MigrationRun> {
  const files = readMigrations(path.resolve(options.migrationsDir ?? POSTGRES_MIGRATIONS_DIR));
  const log = options.quiet ? () => {} : (line: string) => console.log(line);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await migrateAndReport(postgresMigrationDriver(client), files, log);
  } finally {
    await client.end();
  }
}

/**
 * Empties the PostgreSQL database at `url` — every table of its current schema dropped in one
 * transaction, under the migration lock, so a running server sees all its data or none — and
 * migrates it afresh.
 */
export async function resetPostgresDatabase(
  url: string,
  options: { quiet?: boolean; migrationsDir?: string } = {},
): Promise<MigrationRun> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [POSTGRES_MIGRATION_LOCK]);
    await client.query("BEGIN");
    const { rows } = await client.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()",
    );
    for (const { name } of rows)
      await client.query(`DROP TABLE IF EXISTS "${name.replaceAll('"', '""')}" CASCADE`);
    await client.query("COMMIT");
    await client.query("SELECT pg_advisory_unlock($1)", [POSTGRES_MIGRATION_LOCK]);
  } finally {
    await client.end();
  }
  return applyPostgresMigrations(url, options);
}

/** The database an environment names: PostgreSQL when DATABASE_URL is set, else the SQLite file. */
export type DatabaseTarget = { provider: "sqlite"; path: string } | { provider: "postgresql"; url: string };

export function databaseTarget(env: { DATABASE_URL?: string; DATABASE_PATH: string }): DatabaseTarget {
  return env.DATABASE_URL
    ? { provider: "postgresql", url: env.DATABASE_URL }
    : { provider: "sqlite", path: env.DATABASE_PATH };
}

/** How a target is named in messages: the file, or the URL without its password. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.provider === "sqlite") return target.path;
  const url = new URL(target.url);
  if (url.password) url.password = "***";
  return url.toString();
}

/** Migrates whichever database `target` is. */
export function migrateTarget(
  target: DatabaseTarget,
  options: { quiet?: boolean } = {},
): Promise<MigrationRun> {
  return target.provider === "sqlite"
    ? applyMigrations(target.path, options)
    : applyPostgresMigrations(target.url, options);
}

/** Resets whichever database `target` is. */
export function resetTarget(
  target: DatabaseTarget,
  options: { quiet?: boolean } = {},
): Promise<MigrationRun> {
  return target.provider === "sqlite"
    ? resetDatabase(target.path, options)
    : resetPostgresDatabase(target.url, options);
}

import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import {
  migrate,
  prismaTimestamp,
  readMigrations,
  type MigrationDriver,
  type MigrationRun,
} from "@/server/migrator";

/** How long a migrator waits for another one (or a server's write) to let go of the database. */
const LOCK_WAIT_MS = 60_000;

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
  const files = readMigrations(path.resolve(options.migrationsDir ?? "prisma/migrations"));
  const log = options.quiet ? () => {} : (line: string) => console.log(line);
  const sqlite = new Database(absolute, { timeout: LOCK_WAIT_MS });
  try {
    sqlite.pragma("journal_mode = WAL");
    const run = await migrate(sqliteMigrationDriver(sqlite), files, log);
    log(
      run.applied.length === 0
        ? `Database up to date (${run.total} migrations); nothing to apply.`
        : `Applied ${run.applied.length} migration(s); database up to date (${run.total} migrations).`,
    );
    return run;
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

import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Waypoint's own migrator (docs/decisions/009): applies the committed SQL files
 * `prisma/migrations/<name>/migration.sql` in name order and records each in `_prisma_migrations`,
 * the table `prisma migrate deploy` keeps, with the same columns and checksums — so a database
 * migrated by Prisma is taken over as it is, and `prisma migrate status` reads ours. The database
 * specifics (the lock, the transaction, the SQL dialect of the history table) sit behind
 * `MigrationDriver`: SQLite holds an exclusive transaction (src/server/migrate.ts); PostgreSQL can
 * hold an advisory lock.
 */

/** One committed migration: its folder name and the SHA-256 (hex) of its migration.sql. */
export type MigrationFile = { name: string; sql: string; checksum: string };

/** A row of `_prisma_migrations`, as far as the migrator reads it. */
export type HistoryRow = {
  migrationName: string;
  checksum: string;
  finishedAt: string | null;
  rolledBackAt: string | null;
};

/**
 * The row the migrator writes for a migration (Prisma's columns, Prisma's formats); the driver adds
 * `finished_at` once the SQL ran.
 */
export type HistoryRecord = {
  id: string;
  checksum: string;
  migrationName: string;
  startedAt: string;
  appliedStepsCount: number;
};

export interface MigrationDriver {
  /**
   * Runs `work` holding the migration lock: a second migrator on the same database waits until
   * the first is done, then finds the history the first wrote.
   */
  withLock<T>(work: () => Promise<T>): Promise<T>;
  /** Creates `_prisma_migrations` when absent (Prisma's definition). */
  ensureHistory(): Promise<void>;
  history(): Promise<HistoryRow[]>;
  /**
   * Runs the migration's SQL and inserts its record (finished now) atomically: on any error
   * neither remains.
   */
  apply(migration: MigrationFile, record: HistoryRecord): Promise<void>;
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

/** Prisma's checksum: SHA-256 of the file's bytes, lower-case hex. */
export function checksumOf(sql: string | Buffer): string {
  return createHash("sha256").update(sql).digest("hex");
}

/** The migrations in `dir` (folders with a migration.sql), in name order. */
export function readMigrations(dir: string): MigrationFile[] {
  if (!fs.existsSync(dir)) throw new MigrationError(`No migrations folder at ${dir}`);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = fs.readFileSync(path.join(dir, name, "migration.sql"));
      return { name, sql: bytes.toString("utf8"), checksum: checksumOf(bytes) };
    });
}

/**
 * Which files still need applying, or why none may be: a recorded migration whose file changed,
 * whose file is gone, or that failed (started, never finished, not rolled back) stops everything.
 * Rolled-back rows are history only, as they are for Prisma.
 */
export function pendingMigrations(files: MigrationFile[], history: HistoryRow[]): MigrationFile[] {
  const live = history.filter((row) => row.rolledBackAt === null);
  const failed = live.find((row) => row.finishedAt === null);
  if (failed)
    throw new MigrationError(
      `Migration ${failed.migrationName} started earlier and never finished. Inspect the database, ` +
        `restore a backup or repair it by hand, then mark the row in _prisma_migrations as rolled back ` +
        `(npx prisma migrate resolve --rolled-back ${failed.migrationName}).`,
    );
  const byName = new Map(files.map((file) => [file.name, file]));
  const applied = new Set<string>();
  for (const row of live) {
    const file = byName.get(row.migrationName);
    if (!file)
      throw new MigrationError(
        `The database has migration ${row.migrationName} applied, but prisma/migrations has no such ` +
          `folder. Is this database from a newer version of Waypoint?`,
      );
    if (file.checksum !== row.checksum)
      throw new MigrationError(
        `prisma/migrations/${row.migrationName}/migration.sql was changed after it was applied to this ` +
          `database (checksum ${file.checksum}, recorded ${row.checksum}). Restore the file as committed; ` +
          `put new changes in a new migration (npm run db:new-migration).`,
      );
    applied.add(row.migrationName);
  }
  return files.filter((file) => !applied.has(file.name));
}

export type MigrationRun = { applied: string[]; total: number };

/**
 * Brings the database behind `driver` up to `files`: under the lock, reads the history, checks it
 * and applies what is pending, each migration atomically with its record. A no-op when up to date.
 */
export async function migrate(
  driver: MigrationDriver,
  files: MigrationFile[],
  log: (line: string) => void = () => {},
): Promise<MigrationRun> {
  return driver.withLock(async () => {
    await driver.ensureHistory();
    const pending = pendingMigrations(files, await driver.history());
    for (const migration of pending) {
      try {
        await driver.apply(migration, {
          id: randomUUID(),
          checksum: migration.checksum,
          migrationName: migration.name,
          startedAt: prismaTimestamp(new Date()),
          appliedStepsCount: 1,
        });
      } catch (error) {
        throw new MigrationError(
          `Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`,
          { cause: error },
        );
      }
      log(`Applied migration ${migration.name}`);
    }
    return { applied: pending.map((migration) => migration.name), total: files.length };
  });
}

/** How Prisma writes timestamps in `_prisma_migrations` on SQLite: `2026-12-05T03:35:47.121+00:00`. */
export function prismaTimestamp(date: Date): string {
  return date.toISOString().replace(/Z$/, "+00:00");
}

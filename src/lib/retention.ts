import Database from "better-sqlite3";
import pg from "pg";

/**
 * Retention of anonymous work: attempts and plans nobody claimed into an account are deleted
 * once they have been idle (no answer, no change) for ANONYMOUS_RETENTION_DAYS. Plain SQL over
 * better-sqlite3 (or pg, on PostgreSQL), so both `npm start` (before serving) and the server's
 * daily timer can run it without the Next.js runtime. Answers and results go with their attempt (ON DELETE CASCADE).
 *
 * Several instances (or workers) may purge at the same moment: the purges take turns (SQLite's
 * write lock, taken at BEGIN IMMEDIATE; a PostgreSQL advisory lock), so the later one finds
 * nothing left to delete, and each row is deleted once with no error either side.
 */
export function sqliteTimestamp(date: Date): string {
  // The format the Prisma adapter writes DateTime columns in, so text comparison orders correctly.
  return date.toISOString().replace("Z", "+00:00");
}

export function purgeAnonymous(
  database: Database.Database,
  retentionDays: number,
  now = new Date(),
): { attempts: number; plans: number } {
  const cutoff = sqliteTimestamp(new Date(now.getTime() - retentionDays * 24 * 60 * 60 * 1000));
  database.pragma("foreign_keys = ON");
  const purge = database.transaction(() => {
    const attempts = database
      .prepare(`DELETE FROM "Attempt" WHERE "userId" IS NULL AND "updatedAt" < ?`)
      .run(cutoff).changes;
    const plans = database
      .prepare(`DELETE FROM "LearningPlan" WHERE "userId" IS NULL AND "updatedAt" < ?`)
      .run(cutoff).changes;
    return { attempts, plans };
  });
  // IMMEDIATE: the write lock up front (waiting up to the busy timeout for another purge), not
  // a read that must later become a write.
  return purge.immediate();
}

/** The same, on the database file at `databasePath` (opened for this call, waiting up to 5 s for a lock). */
export function purgeAnonymousInFile(
  databasePath: string,
  retentionDays: number,
  now = new Date(),
): { attempts: number; plans: number } {
  const sqlite = new Database(databasePath, { timeout: 5000 });
  try {
    return purgeAnonymous(sqlite, retentionDays, now);
  } finally {
    sqlite.close();
  }
}

/** The advisory lock purges take on PostgreSQL ("Wpur" in ASCII), held until their transaction ends. */
export const POSTGRES_PURGE_LOCK = 0x57707572;

/**
 * The same on PostgreSQL, in one transaction, one purge at a time. Timestamps are stored as UTC without a zone (as
 * Prisma writes them), so the cutoff is passed as UTC text; PostgreSQL ignores its "Z" there.
 */
export async function purgeAnonymousInPostgres(
  url: string,
  retentionDays: number,
  now = new Date(),
): Promise<{ attempts: number; plans: number }> {
  const cutoff = new Date(now.getTime() - retentionDays * 24 * 60 * 60 * 1000).toISOString();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    // Without it two purges could each lock some rows (and their cascaded answers) the other
    // wants next, in different orders: a deadlock, one of them failing.
    await client.query("SELECT pg_advisory_xact_lock($1)", [POSTGRES_PURGE_LOCK]);
    const attempts = await client.query(
      `DELETE FROM "Attempt" WHERE "userId" IS NULL AND "updatedAt" < $1::timestamp`,
      [cutoff],
    );
    const plans = await client.query(
      `DELETE FROM "LearningPlan" WHERE "userId" IS NULL AND "updatedAt" < $1::timestamp`,
      [cutoff],
    );
    await client.query("COMMIT");
    return { attempts: attempts.rowCount ?? 0, plans: plans.rowCount ?? 0 };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/** Purges on whichever database the environment names (DATABASE_URL, else DATABASE_PATH). */
export async function purgeAnonymousIn(
  env: { DATABASE_URL?: string; DATABASE_PATH: string },
  retentionDays: number,
  now = new Date(),
): Promise<{ attempts: number; plans: number }> {
  return env.DATABASE_URL
    ? purgeAnonymousInPostgres(env.DATABASE_URL, retentionDays, now)
    : purgeAnonymousInFile(env.DATABASE_PATH, retentionDays, now);
}

import Database from "better-sqlite3";

/**
 * Retention of anonymous work: attempts and plans nobody claimed into an account are deleted
 * once they have been idle (no answer, no change) for ANONYMOUS_RETENTION_DAYS. Plain SQL over
 * better-sqlite3, so both `npm start` (before serving) and the server's daily timer can run it
 * without the Next.js runtime. Answers and results go with their attempt (ON DELETE CASCADE).
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
  return purge();
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

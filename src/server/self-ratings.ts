import "server-only";
import { databaseProvider, db, sqliteRows } from "./db";

/**
 * SelfRating rows: what a person said of each required skill before the first question,
 * level 0–4 or null for "not sure". Callers check ownership first (through the attempt).
 */
export interface StoredSelfRating {
  skillId: string;
  level: number | null;
}

/** The attempt's ratings, by skill id (a stable order, so replays and cache keys agree). */
export async function listSelfRatings(attemptId: string): Promise<StoredSelfRating[]> {
  // Raw like the rest of the quiz's hot path (attempts.ts): read on every replay of a rated attempt;
  // on SQLite straight through better-sqlite3 (sqliteRows), as the attempt and its answers are.
  if (databaseProvider === "sqlite")
    return sqliteRows<StoredSelfRating>(
      `SELECT "skillId", "level" FROM "SelfRating" WHERE "attemptId" = ? ORDER BY "skillId"`,
      [attemptId],
    );
  const rows = await db.$queryRaw<{ skillId: string; level: number | bigint | null }[]>`
    SELECT "skillId", "level" FROM "SelfRating" WHERE "attemptId" = ${attemptId} ORDER BY "skillId"`;
  return rows.map((row) => ({ skillId: row.skillId, level: row.level === null ? null : Number(row.level) }));
}

/** Ratings of several attempts at once (history, team dashboards), by attempt id. */
export async function listSelfRatingsFor(
  attemptIds: readonly string[],
): Promise<Map<string, Map<string, number | null>>> {
  const byAttempt = new Map<string, Map<string, number | null>>();
  if (attemptIds.length === 0) return byAttempt;
  const rows = await db.selfRating.findMany({
    where: { attemptId: { in: [...attemptIds] } },
    select: { attemptId: true, skillId: true, level: true },
  });
  for (const row of rows) {
    const ratings = byAttempt.get(row.attemptId) ?? new Map<string, number | null>();
    ratings.set(row.skillId, row.level);
    byAttempt.set(row.attemptId, ratings);
  }
  return byAttempt;
}

/**
 * Stores the step's outcome — "done" with its ratings, or "skipped" with none — as long as the
 * attempt is in progress, was offered the step and has no answer yet: the ratings lock with the first
 * answer. Every statement carries that condition, so an answer stored meanwhile leaves the ratings
 * as they were. Taking the step again before answering replaces the earlier ratings.
 * Returns false when the step is locked (or was never offered).
 */
export async function storeSelfRatings(
  attemptId: string,
  step: "done" | "skipped",
  ratings: readonly StoredSelfRating[],
): Promise<boolean> {
  const now = new Date();
  const [updated] = await db.$transaction([
    db.$executeRaw`UPDATE "Attempt" SET "selfRatingStep" = ${step}, "updatedAt" = ${now}
      WHERE "id" = ${attemptId} AND "status" = 'in_progress' AND "selfRatingStep" <> 'none'
        AND NOT EXISTS (SELECT 1 FROM "Answer" WHERE "attemptId" = ${attemptId})`,
    db.$executeRaw`DELETE FROM "SelfRating" WHERE "attemptId" = ${attemptId}
      AND NOT EXISTS (SELECT 1 FROM "Answer" WHERE "attemptId" = ${attemptId})`,
    ...ratings.map(
      // CAST: PostgreSQL cannot type a bare parameter in a SELECT list (a null level above all).
      (rating) => db.$executeRaw`INSERT INTO "SelfRating" ("attemptId", "skillId", "level")
        SELECT CAST(${attemptId} AS TEXT), CAST(${rating.skillId} AS TEXT), CAST(${rating.level} AS INTEGER)
        WHERE NOT EXISTS (SELECT 1 FROM "Answer" WHERE "attemptId" = ${attemptId})
          AND EXISTS (SELECT 1 FROM "Attempt" WHERE "id" = ${attemptId} AND "selfRatingStep" = 'done')`,
    ),
  ]);
  return updated === 1;
}

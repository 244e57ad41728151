import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { startOfDay } from "@/domain/time-zones";
import { createRowId, db } from "./db";

/**
 * The anonymised response record: one row per answer, the evidence item statistics and
 * calibration read. It holds the item, the item's own content hash, the chosen options, whether
 * they were right, the ability the engine gave that skill from the person's OTHER answers, the
 * time on the item, the parameters and calibration version used — and nothing that leads back to
 * the attempt, its owner or a team: no link column, a random id, and only the UTC day it was
 * written. So the 90-day purge and account deletion, which delete attempts, leave it standing.
 */
export interface NewResponseRecord {
  questionId: string;
  itemHash: string;
  skillId: string;
  /** Content option ids, as stored on the answer (JSON array). */
  chosenOptionIds: string;
  isDontKnow: boolean;
  isCorrect: boolean;
  abilityOther: number | null;
  abilitySdOther: number | null;
  msOnItem: number | null;
  calibrationVersion: string | null;
  difficulty: number;
  discrimination: number;
  guessing: number;
  demo: boolean;
}

/** Values per row of the INSERT below; the SQLite adapter binds at most 999 values per statement. */
const RECORD_COLUMNS = 16;
const ROWS_PER_STATEMENT = Math.floor(999 / RECORD_COLUMNS);

/**
 * Statements for saveAttemptResult's batch that write the records exactly once per attempt, with
 * no link to tell a second scoring that the first already wrote them. The batch's first statement
 * claims the attempt (in_progress → scoring, see attempts.ts); these insert the rows and then
 * delete them again unless this transaction holds the claim. A duplicate scoring — a retried last
 * answer, "Finish now" racing it, two instances — finds the attempt already completed (on
 * PostgreSQL its claim waits for the first transaction's row lock, then matches nothing), so its
 * rows go in the same transaction that inserted them and nobody ever sees them.
 */
export function responseRecordStatements(
  attemptId: string,
  records: readonly NewResponseRecord[],
  now: Date,
) {
  if (records.length === 0) return [];
  const day = startOfDay(now, "UTC");
  const ids = records.map(() => createRowId("r"));
  const rows = records.map(
    (record, index) =>
      Prisma.sql`(${ids[index]}, ${record.questionId}, ${record.itemHash}, ${record.skillId}, ${record.chosenOptionIds}, ${record.isDontKnow}, ${record.isCorrect}, ${record.abilityOther}, ${record.abilitySdOther}, ${record.msOnItem}, ${record.calibrationVersion}, ${record.difficulty}, ${record.discrimination}, ${record.guessing}, ${record.demo}, ${day})`,
  );
  const statements = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    statements.push(db.$executeRaw`INSERT INTO "ResponseRecord" ("id", "questionId", "itemHash", "skillId", "chosenOptionIds", "isDontKnow", "isCorrect", "abilityOther", "abilitySdOther", "msOnItem", "calibrationVersion", "difficulty", "discrimination", "guessing", "demo", "createdAt")
      VALUES ${Prisma.join(rows.slice(start, start + ROWS_PER_STATEMENT))}`);
    statements.push(db.$executeRaw`DELETE FROM "ResponseRecord"
      WHERE "id" IN (${Prisma.join(ids.slice(start, start + ROWS_PER_STATEMENT))})
        AND NOT EXISTS (SELECT 1 FROM "Attempt" WHERE "id" = ${attemptId} AND "status" = 'scoring')`);
  }
  return statements;
}

/** Whether an attempt was taken in a demo team or a demo cohort (`db:seed -- --demo`). */
export async function isDemoAttempt(attempt: {
  teamId: string | null;
  cohortAssessmentId: string | null;
}): Promise<boolean> {
  const [team, assessment] = await Promise.all([
    attempt.teamId ? db.team.findUnique({ where: { id: attempt.teamId }, select: { isDemo: true } }) : null,
    attempt.cohortAssessmentId
      ? db.cohortAssessment.findUnique({
          where: { id: attempt.cohortAssessmentId },
          select: { cohort: { select: { isDemo: true } } },
        })
      : null,
  ]);
  return team?.isDemo === true || assessment?.cohort.isDemo === true;
}

/** One live (non-demo) record as calibration reads it: item, outcome, the other-answers ability. */
export interface CalibrationEvidence {
  questionId: string;
  itemHash: string;
  isCorrect: boolean;
  isDontKnow: boolean;
  abilityOther: number;
  abilitySdOther: number;
}

/**
 * Every record calibration may use: demo-seeded answers never enter it, nor a record without the
 * other-answers ability (nothing to compare the answer with). `{ demo: true }` reads the demo
 * seed's records instead, and only them, for `npm run calibrate -- --demo` (which writes nothing).
 */
export async function listCalibrationEvidence({ demo = false } = {}): Promise<CalibrationEvidence[]> {
  const rows = await db.responseRecord.findMany({
    where: { demo, abilityOther: { not: null }, abilitySdOther: { not: null } },
    select: {
      questionId: true,
      itemHash: true,
      isCorrect: true,
      isDontKnow: true,
      abilityOther: true,
      abilitySdOther: true,
    },
  });
  return rows.map((row) => ({
    ...row,
    abilityOther: row.abilityOther ?? 0,
    abilitySdOther: row.abilitySdOther ?? 0,
  }));
}

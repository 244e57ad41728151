import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { specSourceSelect, type SpecSource } from "./assessment/spec";
import { db } from "./db";
import type { StoredSelfRating } from "./self-ratings";

/**
 * The evidence item statistics and calibration read (decision 013) lives in two places, never
 * both for one answer:
 * - on the Answer rows of scored attempts while the attempt exists (Answer.evidence "live" or
 *   "demo", with the ability the engine gave the answer's skill from the OTHER answers), so
 *   calibration can refit each person's abilities as it refits the items;
 * - in the anonymised ResponseRecord once the attempt is deleted (one attempt, the 90-day purge, an
 *   account deleted): a database trigger on Answer copies each evidence row first — item, item
 *   hash, chosen options, right or not, that ability, time on item, parameters and calibration
 *   version — with a random id, the UTC day it was answered, and nothing that leads back to the
 *   attempt, its owner or a team. Answers scored before evidence was kept on Answer had their
 *   records written at scoring and carry no evidence mark, so nothing is counted twice.
 */
/** One answer's evidence; `demo` and `calibrationVersion` are the attempt's, the same on every answer. */
export interface AnswerEvidence {
  questionId: string;
  itemHash: string;
  abilityOther: number | null;
  abilitySdOther: number | null;
  calibrationVersion: string | null;
  demo: boolean;
}

/** The Answer.evidence value of live or demo evidence. */
const evidenceMark = (demo: boolean) => (demo ? "demo" : "live");

/** Answers one marking statement updates: 7 bound values each, under the SQLite adapter's 999. */
const ANSWERS_PER_STATEMENT = 140;

/**
 * Statements for saveAttemptResult's batch that mark the attempt's answers as evidence exactly
 * when this transaction scores it: the batch's first statement claims the attempt (in_progress →
 * scoring, see attempts.ts) and each update here applies only while the claim is this
 * transaction's. A duplicate scoring — a retried last answer, "Finish now" racing it, two
 * instances — finds the attempt already completed and changes nothing. One statement for a whole
 * attempt (CASE on the question), as the batch is raw to stay fast inside the finishing request;
 * CAST gives PostgreSQL the column's type for the bound numbers (SQLite reads it as REAL).
 */
export function answerEvidenceStatements(attemptId: string, evidence: readonly AnswerEvidence[]) {
  const statements = [];
  for (let start = 0; start < evidence.length; start += ANSWERS_PER_STATEMENT) {
    const chunk = evidence.slice(start, start + ANSWERS_PER_STATEMENT);
    const first = chunk[0] as AnswerEvidence;
    const cases = (value: (answer: AnswerEvidence) => Prisma.Sql) =>
      Prisma.join(
        chunk.map((answer) => Prisma.sql`WHEN ${answer.questionId} THEN ${value(answer)}`),
        " ",
      );
    statements.push(db.$executeRaw`UPDATE "Answer" SET "evidence" = ${evidenceMark(first.demo)},
        "calibrationVersion" = ${first.calibrationVersion},
        "abilityOther" = CASE "questionId" ${cases((answer) => Prisma.sql`CAST(${answer.abilityOther} AS DOUBLE PRECISION)`)} END,
        "abilitySdOther" = CASE "questionId" ${cases((answer) => Prisma.sql`CAST(${answer.abilitySdOther} AS DOUBLE PRECISION)`)} END,
        "itemHash" = CASE "questionId" ${cases((answer) => Prisma.sql`${answer.itemHash}`)} END
      WHERE "attemptId" = ${attemptId} AND "questionId" IN (${Prisma.join(chunk.map((answer) => answer.questionId))})
        AND EXISTS (SELECT 1 FROM "Attempt" WHERE "id" = ${attemptId} AND "status" = 'scoring')`);
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

/** One answer as item statistics read it, from a record or from a live scored attempt. */
export interface EvidenceRow {
  questionId: string;
  itemHash: string;
  chosenOptionIds: string;
  isDontKnow: boolean;
  isCorrect: boolean;
  abilityOther: number | null;
  abilitySdOther: number | null;
  msOnItem: number | null;
}

/**
 * Every answer to `questionIds` that statistics may use, from both places it lives: the records,
 * and the answers of scored attempts still stored. Demo and live evidence never mix: `demo`
 * chooses one. `timedOnly` keeps the answers with a time on item.
 */
export async function listItemEvidence(
  questionIds: readonly string[],
  { demo, timedOnly = false }: { demo: boolean; timedOnly?: boolean },
): Promise<EvidenceRow[]> {
  const timed = timedOnly ? { msOnItem: { not: null } } : {};
  const select = {
    questionId: true,
    itemHash: true,
    chosenOptionIds: true,
    isDontKnow: true,
    isCorrect: true,
    abilityOther: true,
    abilitySdOther: true,
    msOnItem: true,
  } as const;
  const [records, answers] = await Promise.all([
    db.responseRecord.findMany({ where: { demo, questionId: { in: [...questionIds] }, ...timed }, select }),
    db.answer.findMany({
      where: { evidence: evidenceMark(demo), questionId: { in: [...questionIds] }, ...timed },
      select,
    }),
  ]);
  return [...records, ...answers.map((answer) => ({ ...answer, itemHash: answer.itemHash ?? "" }))];
}

/**
 * A fingerprint of the evidence of one source (live or demo): the records' count and id range and
 * the evidence answers' count and id range. Evidence only grows — scoring marks answers, deleting an
 * attempt moves its answers into records (the record count grows) and a demo reseed replaces the
 * demo rows under new random ids — so any change anywhere changes the fingerprint.
 */
export async function evidenceState(demo: boolean): Promise<string> {
  const [records, answers] = await Promise.all([
    db.responseRecord.aggregate({
      where: { demo },
      _count: { _all: true },
      _min: { id: true },
      _max: { id: true },
    }),
    db.answer.aggregate({
      where: { evidence: evidenceMark(demo) },
      _count: { _all: true },
      _min: { id: true },
      _max: { id: true },
    }),
  ]);
  return JSON.stringify([
    records._count._all,
    records._min.id,
    records._max.id,
    answers._count._all,
    answers._min.id,
    answers._max.id,
  ]);
}

/** One record as calibration reads it: item, outcome, the ability from the other answers. */
export interface CalibrationEvidence {
  questionId: string;
  itemHash: string;
  isCorrect: boolean;
  isDontKnow: boolean;
  abilityOther: number;
  abilitySdOther: number;
}

/** A live scored attempt as calibration reads it: what its prior is built from, and its evidence answers. */
export interface LiveAttemptEvidence extends SpecSource {
  selfRatings: StoredSelfRating[];
  answers: {
    questionId: string;
    skillId: string;
    itemHash: string;
    isCorrect: boolean;
    isDontKnow: boolean;
  }[];
}

/**
 * Attempts one read of listLiveAttemptEvidence fetches, so no single query loads them all;
 * calibration then keeps every pattern in memory (its answers, and a prior shared by attempts
 * from the same role without self-ratings), and each EM round refits all of them.
 */
const ATTEMPTS_PER_READ = 500;

/**
 * Every scored attempt still stored whose answers are evidence (live, or demo with `{ demo: true }`),
 * with its answers in the order asked, page by page.
 */
export async function* listLiveAttemptEvidence({ demo = false } = {}): AsyncGenerator<LiveAttemptEvidence[]> {
  let cursor: string | undefined;
  for (;;) {
    const page = await db.attempt.findMany({
      where: {
        answers: { some: { evidence: evidenceMark(demo) } },
        ...(cursor ? { id: { gt: cursor } } : {}),
      },
      orderBy: { id: "asc" },
      take: ATTEMPTS_PER_READ,
      select: {
        id: true,
        ...specSourceSelect,
        answers: {
          where: { evidence: evidenceMark(demo) },
          orderBy: { position: "asc" },
          select: { questionId: true, skillId: true, itemHash: true, isCorrect: true, isDontKnow: true },
        },
      },
    });
    if (page.length === 0) return;
    cursor = page[page.length - 1]?.id;
    yield page.map(({ id: _id, answers, ...attempt }) => ({
      ...attempt,
      answers: answers.map((answer) => ({ ...answer, itemHash: answer.itemHash ?? "" })),
    }));
    if (page.length < ATTEMPTS_PER_READ) return;
  }
}

/**
 * Every record calibration may use: demo-seeded answers never enter it, nor a record without the
 * other-answers ability (nothing to compare the answer with). `{ demo: true }` reads the demo
 * seed's records instead, and only them, for `npm run calibrate -- --demo` (which writes nothing).
 * The answers of attempts still stored are read by listLiveAttemptEvidence.
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

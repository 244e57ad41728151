import "server-only";
import { retryOnConflict } from "@/lib/deadlock-retry";
import { Prisma } from "@/generated/prisma/client";
import { env, type Env } from "@/env";
import { createRowId, databaseProvider, db, postgresRows, runWrite, sqliteRows, writeStatement } from "./db";
import { answerEvidenceStatements, type AnswerEvidence } from "./response-records";
import { ownerColumns, ownerWhere, type Owner } from "./identity/owner";
import { listSelfRatings } from "./self-ratings";

/**
 * Attempt and Answer rows. Every read takes the owner hash: an attempt that belongs to someone
 * else is indistinguishable from one that does not exist.
 */
const attemptSelect = {
  id: true,
  currentRoleId: true,
  targetRoleId: true,
  contentHash: true,
  engineSeed: true,
  budget: true,
  currentQuestionId: true,
  questionShownAt: true,
  status: true,
  hoursPerWeek: true,
  timeZone: true,
  stopReason: true,
  readiness: true,
  resultJson: true,
  createdAt: true,
  completedAt: true,
  seenQuestionIds: true,
  teamId: true,
  teamRoundId: true,
  cohortAssessmentId: true,
  selfRatingStep: true,
  selfRatingBiasMean: true,
  selfRatingBiasSd: true,
  selfRatingNoiseSd: true,
  calibrationVersion: true,
} as const;

export type AttemptRow = Awaited<ReturnType<typeof findOwnedAttempt>> & {};

export interface NewAttempt {
  owner: Owner;
  currentRoleId: string | null;
  targetRoleId: string;
  contentHash: string;
  engineSeed: number;
  budget: number;
  hoursPerWeek: number | null;
  timeZone: string;
  currentQuestionId: string | null;
  seenQuestionIds: ReadonlySet<string>;
  /** Team context: the team and the round open when the attempt started. */
  teamId?: string | null;
  teamRoundId?: string | null;
  /** Cohort context: the cohort assessment whose window was open when the attempt started. */
  cohortAssessmentId?: string | null;
  /** "offered" shows the self-rating screen before the first question. */
  selfRatingStep: "none" | "offered";
  /** The self-rating model the attempt replays with, recorded for good (later calibration changes defaults, not this). */
  selfRatingModel: { biasMean: number; biasSd: number; noiseSd: number } | null;
  /** The calibration set the attempt runs on to the end (null: nominal parameters). */
  calibrationVersion?: string | null;
}

export async function createAttempt(attempt: NewAttempt) {
  const { owner, seenQuestionIds, selfRatingModel, ...data } = attempt;
  return db.attempt.create({
    data: {
      ...data,
      ...ownerColumns(owner),
      seenQuestionIds: JSON.stringify([...seenQuestionIds]),
      selfRatingBiasMean: selfRatingModel?.biasMean ?? null,
      selfRatingBiasSd: selfRatingModel?.biasSd ?? null,
      selfRatingNoiseSd: selfRatingModel?.noiseSd ?? null,
      // The first question is on screen from now: its time on item counts from here.
      questionShownAt: data.currentQuestionId ? new Date() : null,
    },
    select: attemptSelect,
  });
}

export async function findOwnedAttempt(id: string, owner: Owner | null) {
  if (!owner) return null;
  return db.attempt.findFirst({ where: { id, ...ownerWhere(owner) }, select: attemptSelect });
}

const answerSelect = {
  questionId: true,
  skillId: true,
  chosenOptionIds: true,
  isDontKnow: true,
  isCorrect: true,
  position: true,
  difficulty: true,
  discrimination: true,
  guessing: true,
  msOnItem: true,
  itemHash: true,
} as const;

const ATTEMPT_COLUMNS = `"id", "currentRoleId", "targetRoleId", "contentHash", "engineSeed", "budget", "currentQuestionId", "questionShownAt", "status",
  "hoursPerWeek", "timeZone", "stopReason", "readiness", "resultJson", "createdAt", "completedAt", "seenQuestionIds", "teamId", "teamRoundId", "cohortAssessmentId",
  "selfRatingStep", "selfRatingBiasMean", "selfRatingBiasSd", "selfRatingNoiseSd", "calibrationVersion"`;

/**
 * The attempt with its answers in order: the quiz's hot path (every page view and answer), in raw
 * SQL outside Prisma's query compiler (~3 ms per call on the JS engine): on SQLite straight through
 * better-sqlite3 on Prisma's own connection (sqliteRows, tens of microseconds a statement), on
 * PostgreSQL through pg in one round trip. Column names follow schema.prisma; the row mappers
 * convert each database's types.
 */
export async function findOwnedAttemptWithAnswers(id: string, owner: Owner | null) {
  if (!owner) return null;
  if (databaseProvider === "postgresql") return findOwnedAttemptWithAnswersPostgres(id, owner);
  const [row] = await sqliteRows<RawAttempt>(
    owner.userId ? SQLITE_READ_USER_ATTEMPT : SQLITE_READ_ANONYMOUS_ATTEMPT,
    [id, owner.userId ?? owner.tokenHash],
  );
  if (!row) return null;
  const answers = await sqliteRows<RawAnswer>(SQLITE_READ_ANSWERS, [id]);
  // Ratings only count (and so are only read) once the person took the step.
  const selfRatings = row.selfRatingStep === "done" ? await listSelfRatings(id) : [];
  return { attempt: toAttemptRow(row), answers: answers.map(toAnswerRow), selfRatings };
}

const SQLITE_READ_USER_ATTEMPT = `SELECT ${ATTEMPT_COLUMNS} FROM "Attempt" WHERE "id" = ? AND "userId" = ?`;
const SQLITE_READ_ANONYMOUS_ATTEMPT = `SELECT ${ATTEMPT_COLUMNS} FROM "Attempt" WHERE "id" = ? AND "userId" IS NULL AND "anonymousTokenHash" = ?`;
/** The Answer columns the quiz reads (findOwnedAttemptWithAnswers), in AnswerRow's order. */
const ANSWER_TUPLE = [
  "questionId",
  "skillId",
  "chosenOptionIds",
  "isDontKnow",
  "isCorrect",
  "position",
  "difficulty",
  "discrimination",
  "guessing",
  "msOnItem",
  "itemHash",
] as const;
const SQLITE_READ_ANSWERS = `SELECT ${ANSWER_TUPLE.map((column) => `"${column}"`).join(", ")}
  FROM "Answer" WHERE "attemptId" = ? ORDER BY "position"`;
type AnswerTuple = [
  string,
  string,
  string,
  boolean,
  boolean,
  number,
  number,
  number,
  number,
  number | null,
  string | null,
];
const readAttemptWithAnswers = (ownerCondition: string) =>
  `SELECT ${ATTEMPT_COLUMNS},
     (SELECT json_agg(json_build_array(${ANSWER_TUPLE.map((column) => `a."${column}"`).join(", ")}) ORDER BY a."position")
      FROM "Answer" a WHERE a."attemptId" = t."id") AS "answers",
     (SELECT json_agg(json_build_array(r."skillId", r."level") ORDER BY r."skillId")
      FROM "SelfRating" r WHERE r."attemptId" = t."id" AND t."selfRatingStep" = 'done') AS "selfRatings"
   FROM "Attempt" t WHERE t."id" = $1 AND ${ownerCondition}`;
const READ_USER_ATTEMPT = {
  name: "waypoint_read_user_attempt",
  text: readAttemptWithAnswers(`t."userId" = $2`),
};
const READ_ANONYMOUS_ATTEMPT = {
  name: "waypoint_read_anonymous_attempt",
  text: readAttemptWithAnswers(`t."userId" IS NULL AND t."anonymousTokenHash" = $2`),
};

/**
 * PostgreSQL: the attempt and its answers in one statement (each answer a JSON array in position
 * order, which parses faster than an object per answer), through pg itself (postgresRows). Every
 * round trip to a PostgreSQL server costs far more than a call into SQLite, and this read opens
 * every answer and every page view of the quiz.
 */
async function findOwnedAttemptWithAnswersPostgres(id: string, owner: Owner) {
  const [row] = await postgresRows<
    RawAttempt & { answers: AnswerTuple[] | null; selfRatings: [string, number | null][] | null }
  >(owner.userId ? READ_USER_ATTEMPT : READ_ANONYMOUS_ATTEMPT, [id, owner.userId ?? owner.tokenHash]);
  if (!row) return null;
  const { answers: tuples, selfRatings, ...attempt } = row;
  return {
    attempt: toAttemptRow(attempt),
    answers: (tuples ?? []).map(answerFromTuple),
    // Ratings only count (and so are only read) once the person took the step.
    selfRatings: (selfRatings ?? []).map(([skillId, level]) => ({ skillId, level })),
  };
}

/** An answer from the json_agg above: its values in ANSWER_TUPLE's order. */
function answerFromTuple(tuple: AnswerTuple): AnswerRow {
  return Object.fromEntries(ANSWER_TUPLE.map((column, index) => [column, tuple[index]])) as AnswerRow;
}

type RawAttempt = Omit<AttemptRow, "createdAt" | "completedAt" | "questionShownAt"> & {
  createdAt: string | Date;
  completedAt: string | Date | null;
  questionShownAt: string | Date | null;
};
type RawAnswer = Omit<AnswerRow, "isDontKnow" | "isCorrect"> & {
  isDontKnow: number | boolean;
  isCorrect: number | boolean;
};

function toAttemptRow(row: RawAttempt): AttemptRow {
  return {
    ...row,
    engineSeed: Number(row.engineSeed),
    budget: Number(row.budget),
    hoursPerWeek: row.hoursPerWeek === null ? null : Number(row.hoursPerWeek),
    readiness: row.readiness === null ? null : Number(row.readiness),
    selfRatingBiasMean: row.selfRatingBiasMean === null ? null : Number(row.selfRatingBiasMean),
    selfRatingBiasSd: row.selfRatingBiasSd === null ? null : Number(row.selfRatingBiasSd),
    selfRatingNoiseSd: row.selfRatingNoiseSd === null ? null : Number(row.selfRatingNoiseSd),
    createdAt: new Date(row.createdAt),
    completedAt: row.completedAt === null ? null : new Date(row.completedAt),
    questionShownAt: row.questionShownAt === null ? null : new Date(row.questionShownAt),
  };
}

function toAnswerRow(row: RawAnswer): AnswerRow {
  return {
    ...row,
    isDontKnow: Boolean(row.isDontKnow),
    isCorrect: Boolean(row.isCorrect),
    position: Number(row.position),
    difficulty: Number(row.difficulty),
    discrimination: Number(row.discrimination),
    guessing: Number(row.guessing),
    msOnItem: row.msOnItem === null ? null : Number(row.msOnItem),
  };
}

export type AnswerRow = Awaited<ReturnType<typeof listAnswers>>[number];

export async function listAnswers(attemptId: string) {
  return db.answer.findMany({ where: { attemptId }, orderBy: { position: "asc" }, select: answerSelect });
}

export interface NewAnswer {
  attemptId: string;
  questionId: string;
  skillId: string;
  chosenOptionIds: string[];
  isDontKnow: boolean;
  isCorrect: boolean;
  position: number;
  difficulty: number;
  discrimination: number;
  guessing: number;
  /** Milliseconds the question was on screen before this answer; null when unknown. */
  msOnItem: number | null;
  /** The question's own content hash as answered. */
  itemHash: string | null;
}

/**
 * Records an answer once and returns the stored row. The unique (attempt, question) key makes a
 * double click, a retry or a replayed request a no-op: the first stored answer wins, is never
 * changed, and is what every caller gets back.
 */
export async function recordAnswer(answer: NewAnswer): Promise<AnswerRow> {
  return (await insertAnswer(answer)).stored;
}

async function insertAnswer(answer: NewAnswer): Promise<{ stored: AnswerRow; inserted: boolean }> {
  const chosen = JSON.stringify(answer.chosenOptionIds);
  // One INSERT … ON CONFLICT DO NOTHING instead of Prisma's upsert (a read, then a write, about
  // three times slower on the JS engine): the hot path of bench:server. Columns as in schema.prisma.
  const values = [...answerColumnValues(answer, chosen), new Date(), answer.msOnItem, answer.itemHash];
  const inserted = await runWrite(INSERT_ANSWER, values);
  if (inserted === 1) return { stored: newAnswerRow(answer, chosen), inserted: true };
  return { stored: await storedAnswer(answer), inserted: false };
}

/** A new Answer row's values from "id" to "guessing", in ANSWER_INSERT_COLUMNS' order (a new row id). */
function answerColumnValues(answer: NewAnswer, chosenOptionIds: string) {
  return [
    createRowId("a"),
    answer.attemptId,
    answer.questionId,
    answer.skillId,
    chosenOptionIds,
    answer.isDontKnow,
    answer.isCorrect,
    answer.position,
    answer.difficulty,
    answer.discrimination,
    answer.guessing,
  ];
}

/** The row an answer this request inserted is stored as. */
function newAnswerRow(answer: NewAnswer, chosenOptionIds: string): AnswerRow {
  const { attemptId: _attempt, ...row } = answer;
  return { ...row, chosenOptionIds };
}

/** The answer stored first for the same attempt and question. */
function storedAnswer(answer: NewAnswer): Promise<AnswerRow> {
  return db.answer.findUniqueOrThrow({
    where: { attemptId_questionId: { attemptId: answer.attemptId, questionId: answer.questionId } },
    select: answerSelect,
  });
}

const ANSWER_INSERT_COLUMNS = `"id", "attemptId", "questionId", "skillId", "chosenOptionIds", "isDontKnow", "isCorrect", "position", "difficulty", "discrimination", "guessing", "answeredAt", "msOnItem", "itemHash"`;
const INSERT_ANSWER = writeStatement(
  (placeholder) => `INSERT INTO "Answer" (${ANSWER_INSERT_COLUMNS})
   VALUES (${Array.from({ length: 14 }, (_, index) => placeholder(index + 1)).join(", ")})
   ON CONFLICT ("attemptId", "questionId") DO NOTHING`,
);

/**
 * ANSWER_COMMIT=fast (the default): the answer's transaction commits without waiting for the WAL
 * flush (`set_config(…, true)`: this transaction only; PostgreSQL flushes it within three
 * wal_writer_delay, 0.6 s by default). An answer then survives any crash of Waypoint, and a crash
 * of the database server may roll back the last fraction of a second of answers — never a result,
 * which commits with the flush (and so flushes the answers before it): the guarantee SQLite gives
 * every commit here. The flush was most of a warm answer's time and all of its tail (decision 012).
 */
const commitClause = (commit: Env["ANSWER_COMMIT"]) =>
  commit === "fast" ? `, set_config('synchronous_commit', 'off', true) AS "commitMode"` : "";

/**
 * The answer path's write on PostgreSQL: insert, then advance only if the insert stored a row.
 * With `guard` (a SELECT), the insert — and so the advance — happens only when the guard finds its
 * row; the statement then also says whether it did. Parameters: $1 row id, $2 attempt, $3 question,
 * $4–$11 the answer, $12 now, $13 the next question, $14 msOnItem, $15 itemHash; the guard's own
 * from $16. The guarded insert is a SELECT, whose bare parameters PostgreSQL cannot type: cast.
 */
const recordAndAdvance = (
  guard: string | null,
  commit: Env["ANSWER_COMMIT"],
) => `WITH ${guard ? `guard AS (${guard}), ` : ""}ins AS (
       INSERT INTO "Answer" (${ANSWER_INSERT_COLUMNS})
       ${
         guard
           ? `SELECT $1::text, $2::text, $3::text, $4::text, $5::text, $6::boolean, $7::boolean, $8::int, $9::float8, $10::float8, $11::float8, $12::timestamp(3), $14::int, $15::text
       WHERE EXISTS (SELECT 1 FROM guard)`
           : "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $14, $15)"
       }
       ON CONFLICT ("attemptId", "questionId") DO NOTHING
       RETURNING "attemptId"
     ), advanced AS (
       UPDATE "Attempt" SET "currentQuestionId" = $13, "questionShownAt" = $12, "updatedAt" = $12
       WHERE "id" = $2 AND "status" = 'in_progress' AND "currentQuestionId" = $3 AND EXISTS (SELECT 1 FROM ins)
       RETURNING "id"
     )
     SELECT (SELECT count(*) FROM ins)::int AS "inserted", (SELECT count(*) FROM advanced)::int AS "advanced"${
       guard ? `, (SELECT count(*) FROM guard)::int AS "guarded"` : ""
     }${commitClause(commit)}`;

/**
 * The answer path's three writes on PostgreSQL — insert-and-advance, and the same guarded for an
 * account's or an anonymous owner's attempt — as `commit` commits them (exported for its test).
 */
export function answerWriteStatements(commit: Env["ANSWER_COMMIT"]) {
  return {
    advance: { name: "waypoint_record_answer_and_advance", text: recordAndAdvance(null, commit) },
    /**
     * The guard of recordAnswerIfUnchanged: the attempt row is still what the caller last saw — the
     * same owner (the condition of findOwnedAttemptWithAnswers, $16 the user id or token hash), in
     * progress, on the answered question, shown at the same moment ($17), and holding exactly the
     * answers before this one (position − 1).
     */
    ifUnchangedUser: {
      name: "waypoint_record_answer_if_unchanged_user",
      text: recordAndAdvance(unchangedAttempt(`t."userId" = $16`), commit),
    },
    ifUnchangedAnonymous: {
      name: "waypoint_record_answer_if_unchanged_anonymous",
      text: recordAndAdvance(unchangedAttempt(`t."userId" IS NULL AND t."anonymousTokenHash" = $16`), commit),
    },
  };
}
const unchangedAttempt = (ownerCondition: string) =>
  `SELECT 1 FROM "Attempt" t
       WHERE t."id" = $2 AND ${ownerCondition} AND t."status" = 'in_progress' AND t."currentQuestionId" = $3
         AND t."questionShownAt" IS NOT DISTINCT FROM $17::timestamp(3)
         AND (SELECT count(*) FROM "Answer" a WHERE a."attemptId" = $2) = $8::int - 1`;
const ANSWER_WRITES = answerWriteStatements(env.ANSWER_COMMIT);

/** What storing an answer did: the stored row, whether this call stored it, and when it moved the attempt on. */
export interface RecordedAnswerResult {
  stored: AnswerRow;
  inserted: boolean;
  /** The new questionShownAt, as written, when this call moved the attempt on (PostgreSQL only; null otherwise). */
  advancedAt: Date | null;
}

/**
 * Records an answer and, only when this call stored it, moves the attempt from the answered
 * question to `next` (if the attempt is still on it): what submitting an answer writes, with the
 * next question chosen beforehand as if this answer is the one stored. `inserted` false: an
 * answer to the question was already stored (a duplicate fired at once, a retry), `stored` is that
 * first answer, nothing was written, and the caller works from the stored row as before.
 * PostgreSQL does both in one statement (a data-modifying CTE: one round trip, one transaction,
 * so a duplicate that finds the answer stored also finds the attempt moved on); SQLite, in process,
 * runs recordAnswer and advanceQuestion.
 */
export async function recordAnswerAndAdvance(answer: NewAnswer, next: string): Promise<RecordedAnswerResult> {
  if (databaseProvider !== "postgresql") {
    const { stored, inserted } = await insertAnswer(answer);
    if (inserted) await advanceQuestion(answer.attemptId, answer.questionId, next);
    return { stored, inserted, advancedAt: null };
  }
  return (await recordOnPostgres(ANSWER_WRITES.advance, answer, next)) as RecordedAnswerResult;
}

/**
 * Whether recordAnswerIfUnchanged exists: on PostgreSQL, where the read it saves is a round trip
 * (on SQLite a read is a call into the same process, and its path stays as it is).
 */
export const guardedAnswerWrites = databaseProvider === "postgresql";

/**
 * recordAnswerAndAdvance for a caller that did not read the attempt first but remembers it as this
 * process last wrote or read it (assessment/attempt-states.ts): one statement that writes only if
 * the attempt row still is what the caller remembers — `owner`'s, in progress, on the answered
 * question, shown at `shownAt`, holding position − 1 answers. null: it is not (another instance or
 * request changed it, it was finished, deleted or claimed into an account); nothing was written and
 * the caller reads the attempt as usual. PostgreSQL only (guardedAnswerWrites).
 */
export async function recordAnswerIfUnchanged(
  answer: NewAnswer,
  next: string,
  owner: Owner,
  shownAt: Date | null,
): Promise<RecordedAnswerResult | null> {
  const statement = owner.userId ? ANSWER_WRITES.ifUnchangedUser : ANSWER_WRITES.ifUnchangedAnonymous;
  return recordOnPostgres(statement, answer, next, { owner, shownAt });
}

/** What the guarded statements check the attempt row against. */
interface AnswerWriteGuard {
  owner: Owner;
  shownAt: Date | null;
}

/**
 * The parameters of answerWriteStatements' statements, in their order: $1–$15 for the answer
 * written at `now` (an ISO string) moving the attempt to `next`, and with `guard` the guard's
 * $16 (the owner's user id or token hash) and $17 (the remembered questionShownAt).
 */
export function answerWriteValues(
  answer: NewAnswer,
  next: string,
  now: string,
  guard?: AnswerWriteGuard,
): unknown[] {
  return [
    ...answerColumnValues(answer, JSON.stringify(answer.chosenOptionIds)),
    now,
    next,
    answer.msOnItem,
    answer.itemHash,
    ...(guard
      ? [
          guard.owner.userId ?? guard.owner.tokenHash,
          guard.shownAt === null ? null : guard.shownAt.toISOString(),
        ]
      : []),
  ];
}

/** Runs one of the CTEs above; null when its guard did not hold. */
async function recordOnPostgres(
  statement: { name: string; text: string },
  answer: NewAnswer,
  next: string,
  guard?: AnswerWriteGuard,
): Promise<RecordedAnswerResult | null> {
  const now = new Date().toISOString();
  const values = answerWriteValues(answer, next, now, guard);
  // One statement: a deadlock rolls all of it back, so running it again is safe.
  const [row] = await retryOnConflict(() =>
    postgresRows<{ inserted: number; advanced: number; guarded?: number }>(statement, values),
  );
  if (row?.guarded === 0) return null;
  if (row?.inserted === 1)
    return {
      stored: newAnswerRow(answer, JSON.stringify(answer.chosenOptionIds)),
      inserted: true,
      advancedAt: row.advanced === 1 ? new Date(now) : null,
    };
  return { stored: await storedAnswer(answer), inserted: false, advancedAt: null };
}

/** Moves the attempt to its next question, only if it is still on `expected` (a stale request changes nothing); its time on screen starts now. */
export async function advanceQuestion(
  attemptId: string,
  expected: string | null,
  next: string | null,
): Promise<void> {
  const now = new Date();
  // Raw for the same reason as findOwnedAttemptWithAnswers. `IS NOT DISTINCT FROM` matches NULL as
  // well as values on both databases (SQLite's bare `IS <value>` is a syntax error on PostgreSQL).
  const values = [next, next === null ? null : now, now, attemptId, expected];
  await runWrite(ADVANCE_QUESTION, values);
}
const ADVANCE_QUESTION = writeStatement(
  (
    placeholder,
  ) => `UPDATE "Attempt" SET "currentQuestionId" = ${placeholder(1)}, "questionShownAt" = ${placeholder(2)}, "updatedAt" = ${placeholder(3)}
   WHERE "id" = ${placeholder(4)} AND "status" = 'in_progress' AND "currentQuestionId" IS NOT DISTINCT FROM ${placeholder(5)}`,
);

export interface ScoredSkill {
  skillId: string;
  mean: number;
  sd: number;
  band: number;
  bandLow: number;
  bandHigh: number;
  targetLevel: number | null;
  pMeets: number | null;
  answerCount: number;
}

/**
 * Stores the result of an attempt in one batch: estimates replaced, attempt marked completed, and
 * — the first time only — its answers marked as evidence (response-records.ts).
 * Raw statements in a batch transaction: this runs inside the answer request that ends a quiz,
 * and Prisma's compiled deleteMany/createMany/update cost ~20 ms there against ~2 ms raw.
 */
export async function saveAttemptResult(
  attemptId: string,
  result: { stopReason: string; readiness: number; resultJson: string; skills: ScoredSkill[] },
  evidence: readonly AnswerEvidence[] = [],
) {
  const now = new Date();
  const rows = result.skills.map(
    (skill) =>
      Prisma.sql`(${attemptId}, ${skill.skillId}, ${skill.mean}, ${skill.sd}, ${skill.band}, ${skill.bandLow}, ${skill.bandHigh}, ${skill.targetLevel}, ${skill.pMeets}, ${skill.answerCount > 0}, ${skill.answerCount})`,
  );
  // Again should PostgreSQL still fail it as a deadlock or serialisation conflict (idempotent).
  await retryOnConflict(() =>
    db.$transaction([
      // The claim the evidence statements test (response-records.ts): only the transaction that
      // moves the attempt out of in_progress marks its answers. Nobody outside this
      // transaction ever sees "scoring": the last statement below sets "completed".
      // It locks the attempt row even when the attempt was already scored (the CASE keeps the
      // status), so every scoring of one attempt takes its locks in one order, attempt row first.
      // A duplicate that skipped the lock took the SkillEstimate rows first and the attempt row
      // last, the claimant the other way round: on PostgreSQL, a deadlock (seen in CI).
      db.$executeRaw`UPDATE "Attempt" SET "status" = CASE WHEN "status" = 'in_progress' THEN 'scoring' ELSE "status" END WHERE "id" = ${attemptId}`,
      ...answerEvidenceStatements(attemptId, evidence),
      db.$executeRaw`DELETE FROM "SkillEstimate" WHERE "attemptId" = ${attemptId}`,
      ...(rows.length === 0
        ? []
        : [
            // ON CONFLICT: a duplicate of the last answer finishing at the same moment on another
            // connection (PostgreSQL: its rows appear after our DELETE ran) — the later commit wins,
            // together with its UPDATE of the attempt below.
            db.$executeRaw`INSERT INTO "SkillEstimate" ("attemptId", "skillId", "mean", "sd", "band", "bandLow", "bandHigh", "targetLevel", "pMeets", "isAssessed", "answerCount")
            VALUES ${Prisma.join(rows)}
            ON CONFLICT ("attemptId", "skillId") DO UPDATE SET "mean" = excluded."mean", "sd" = excluded."sd",
              "band" = excluded."band", "bandLow" = excluded."bandLow", "bandHigh" = excluded."bandHigh",
              "targetLevel" = excluded."targetLevel", "pMeets" = excluded."pMeets",
              "isAssessed" = excluded."isAssessed", "answerCount" = excluded."answerCount"`,
          ]),
      db.$executeRaw`UPDATE "Attempt" SET "status" = 'completed', "completedAt" = ${now}, "updatedAt" = ${now}, "currentQuestionId" = NULL,
      "stopReason" = ${result.stopReason}, "readiness" = ${result.readiness}, "resultJson" = ${result.resultJson}
      WHERE "id" = ${attemptId}`,
    ]),
  );
}

/** Every stored column of a skill estimate but its attempt: what results and the data export read. */
export const skillEstimateSelect = {
  skillId: true,
  mean: true,
  sd: true,
  band: true,
  bandLow: true,
  bandHigh: true,
  targetLevel: true,
  pMeets: true,
  isAssessed: true,
  answerCount: true,
} as const;

export async function listSkillEstimates(attemptId: string) {
  return db.skillEstimate.findMany({ where: { attemptId }, select: skillEstimateSelect });
}

/** Questions this owner answered in other attempts: the engine prefers fresh ones. */
export async function listSeenQuestionIds(owner: Owner): Promise<Set<string>> {
  const rows = await db.answer.findMany({
    where: { attempt: { is: ownerWhere(owner) } },
    select: { questionId: true },
    distinct: ["questionId"],
  });
  return new Set(rows.map((row) => row.questionId));
}

/** The owner's last completed attempt for the same target before this one (for "progress since"). */
export async function findPreviousCompletedAttempt(owner: Owner, targetRoleId: string, before: Date) {
  return db.attempt.findFirst({
    where: { ...ownerWhere(owner), targetRoleId, status: "completed", createdAt: { lt: before } },
    orderBy: { createdAt: "desc" },
    select: { id: true, completedAt: true },
  });
}

export async function listOwnedAttempts(owner: Owner | null) {
  if (!owner) return [];
  return db.attempt.findMany({
    where: ownerWhere(owner),
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true,
      currentRoleId: true,
      targetRoleId: true,
      status: true,
      readiness: true,
      createdAt: true,
      completedAt: true,
    },
  });
}

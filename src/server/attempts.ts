import "server-only";
import { db } from "./db";

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
  status: true,
  hoursPerWeek: true,
  timeZone: true,
  stopReason: true,
  readiness: true,
  resultJson: true,
  createdAt: true,
  completedAt: true,
  anonymousTokenHash: true,
} as const;

export type AttemptRow = Awaited<ReturnType<typeof findOwnedAttempt>> & {};

export interface NewAttempt {
  ownerHash: string;
  currentRoleId: string | null;
  targetRoleId: string;
  contentHash: string;
  engineSeed: number;
  budget: number;
  hoursPerWeek: number | null;
  timeZone: string;
  currentQuestionId: string | null;
}

export async function createAttempt(attempt: NewAttempt) {
  const { ownerHash, ...data } = attempt;
  return db.attempt.create({ data: { ...data, anonymousTokenHash: ownerHash }, select: attemptSelect });
}

export async function findOwnedAttempt(id: string, ownerHash: string | null) {
  if (!ownerHash) return null;
  return db.attempt.findFirst({ where: { id, anonymousTokenHash: ownerHash }, select: attemptSelect });
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
} as const;

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
}

/**
 * Records an answer once. The unique (attempt, question) key makes a double click, a retry or a
 * replayed request a no-op: the first stored answer wins and is never changed.
 */
export async function recordAnswer(answer: NewAnswer): Promise<void> {
  const { chosenOptionIds, ...rest } = answer;
  await db.answer.upsert({
    where: { attemptId_questionId: { attemptId: answer.attemptId, questionId: answer.questionId } },
    create: { ...rest, chosenOptionIds: JSON.stringify(chosenOptionIds) },
    update: {},
  });
}

/** Moves the attempt to its next question, only if it is still on `expected` (a stale request changes nothing). */
export async function advanceQuestion(attemptId: string, expected: string | null, next: string | null): Promise<void> {
  await db.attempt.updateMany({ where: { id: attemptId, status: "in_progress", currentQuestionId: expected }, data: { currentQuestionId: next } });
}

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

/** Stores the result of an attempt in one batch: estimates replaced, attempt marked completed. */
export async function saveAttemptResult(attemptId: string, result: { stopReason: string; readiness: number; resultJson: string; skills: ScoredSkill[] }) {
  await db.$transaction([
    db.skillEstimate.deleteMany({ where: { attemptId } }),
    db.skillEstimate.createMany({
      data: result.skills.map((skill) => ({ ...skill, attemptId, isAssessed: skill.answerCount > 0 })),
    }),
    db.attempt.update({
      where: { id: attemptId },
      data: { status: "completed", completedAt: new Date(), currentQuestionId: null, stopReason: result.stopReason, readiness: result.readiness, resultJson: result.resultJson },
    }),
  ]);
}

export async function listSkillEstimates(attemptId: string) {
  return db.skillEstimate.findMany({
    where: { attemptId },
    select: { skillId: true, mean: true, sd: true, band: true, bandLow: true, bandHigh: true, targetLevel: true, pMeets: true, isAssessed: true, answerCount: true },
  });
}

/** Questions this owner answered in other attempts: the engine prefers fresh ones. */
export async function listSeenQuestionIds(ownerHash: string, exceptAttemptId?: string): Promise<Set<string>> {
  const rows = await db.answer.findMany({
    where: { attempt: { anonymousTokenHash: ownerHash, ...(exceptAttemptId ? { id: { not: exceptAttemptId } } : {}) } },
    select: { questionId: true },
    distinct: ["questionId"],
  });
  return new Set(rows.map((row) => row.questionId));
}

/** The owner's last completed attempt for the same target before this one (for "progress since"). */
export async function findPreviousCompletedAttempt(ownerHash: string, targetRoleId: string, before: Date) {
  return db.attempt.findFirst({
    where: { anonymousTokenHash: ownerHash, targetRoleId, status: "completed", createdAt: { lt: before } },
    orderBy: { createdAt: "desc" },
    select: { id: true, completedAt: true },
  });
}

export async function listOwnedAttempts(ownerHash: string | null) {
  if (!ownerHash) return [];
  return db.attempt.findMany({
    where: { anonymousTokenHash: ownerHash },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, currentRoleId: true, targetRoleId: true, status: true, readiness: true, createdAt: true, completedAt: true },
  });
}

import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { replayAttempt } from "@/domain/engine/assess";
import { nominalParameters } from "@/domain/engine/model";
import {
  attemptSnapshot,
  attemptStateStats,
  clearAttemptStates,
  rememberAttemptSnapshot,
} from "@/server/assessment/attempt-states";
import { getEngine } from "@/server/assessment/engine";
import {
  clearAnswerPathCaches,
  finishEarly,
  loadQuiz,
  startAssessment,
  submitAnswer,
  type QuestionView,
} from "@/server/assessment/quiz";
import { submitSelfRatings } from "@/server/assessment/self-rating-step";
import { specOf } from "@/server/assessment/spec";
import { toRecordedAnswers } from "@/server/assessment/scoring";
import { findOwnedAttemptWithAnswers, guardedAnswerWrites, recordAnswer } from "@/server/attempts";
import { db } from "@/server/db";
import { anonymousOwner, userOwner, type Owner } from "@/server/identity/owner";
import { claimAnonymousWork } from "@/server/plans";
import { createPerson } from "../../factories/people";
import { mixedAnswerFor } from "../../factories/answers";

/**
 * Answers computed from what this process remembers of an attempt (attempt-states.ts snapshots;
 * on PostgreSQL one guarded statement instead of a read and a write). On SQLite nothing is
 * remembered and every case takes the path that reads: the expectations are the same on both,
 * because nothing a person sees may depend on which path answered.
 */
const run = promisify(execFile);
const newToken = () => `owner-${randomUUID()}`;

/** Right, wrong and "I don't know" in turn (tests/factories/answers.ts). */
const answerFor = (view: QuestionView, turn: number) => mixedAnswerFor(view.attemptId, view.questionId, turn);

async function shown(attemptId: string, owner: Owner): Promise<QuestionView> {
  const state = await loadQuiz(attemptId, owner);
  if (state.kind !== "question") throw new Error(`expected a question, got ${state.kind}`);
  return state.view;
}

async function answer(view: QuestionView, owner: Owner, turn: number): Promise<QuestionView> {
  const result = await submitAnswer(view.attemptId, owner, answerFor(view, turn));
  if (result.kind !== "next" || !result.view)
    throw new Error(`expected the next question, got ${result.kind}`);
  return result.view;
}

/** An anonymous attempt answered three times in this process: on PostgreSQL it is remembered. */
async function warmAttempt() {
  const tokenHash = newToken();
  const owner = anonymousOwner(tokenHash);
  const started = await startAssessment({ from: "data-scientist", to: "ai-engineer", budget: "30" }, owner);
  if (!started.ok) throw new Error(JSON.stringify(started.fieldErrors));
  let view = await shown(started.attemptId, owner);
  for (let turn = 0; turn < 3; turn++) view = await answer(view, owner, turn);
  expect(attemptSnapshot(started.attemptId, owner) !== undefined).toBe(guardedAnswerWrites);
  return { attemptId: started.attemptId, owner, tokenHash, view };
}

/**
 * Runs `work` as another instance would — knowing nothing of the attempt — and then puts back
 * what this process remembered before, which `work` makes stale.
 */
async function elsewhere(attemptId: string, owner: Owner, work: () => Promise<unknown>): Promise<void> {
  const remembered = attemptSnapshot(attemptId, owner);
  clearAttemptStates();
  await work();
  clearAttemptStates();
  if (remembered) rememberAttemptSnapshot(remembered);
}

const answerCount = (attemptId: string) => db.answer.count({ where: { attemptId } });
const statsNow = () => ({ ...attemptStateStats });

describe("answering from what this process remembers of the attempt", () => {
  it("remembers exactly what the database holds after each answer, and answers as a fresh read would", async () => {
    const owner = anonymousOwner(newToken());
    const started = await startAssessment({ from: "data-scientist", to: "ai-engineer", budget: "30" }, owner);
    if (!started.ok) throw new Error(JSON.stringify(started.fieldErrors));
    const { attemptId } = started;
    // Rated, so the remembered ratings count in every state too.
    const rated = getEngine().graph.roles.get("ai-engineer")?.requires[0]?.skill ?? "";
    expect(await submitSelfRatings(attemptId, owner, { ratings: { [rated]: "3" } })).toEqual({
      kind: "saved",
    });
    let view = await shown(attemptId, owner);
    for (let turn = 0; turn < 8; turn++) {
      const before = statsNow();
      view = await answer(view, owner, turn);
      // From the third answer on PostgreSQL writes from what it remembers, without reading.
      expect(attemptStateStats.snapshotWrites - before.snapshotWrites).toBe(
        guardedAnswerWrites && turn >= 2 ? 1 : 0,
      );
      expect(attemptStateStats.snapshotFallbacks - before.snapshotFallbacks).toBe(0);
      const fresh = await findOwnedAttemptWithAnswers(attemptId, owner);
      if (!fresh) throw new Error("attempt not found");
      // Remembered only once the ratings are locked by a stored answer before this one.
      expect(attemptSnapshot(attemptId, owner)).toEqual(
        guardedAnswerWrites && turn >= 1 ? { owner, ...fresh } : undefined,
      );
      expect(fresh.selfRatings).toContainEqual({ skillId: rated, level: 3 });
      const truth = replayAttempt(
        getEngine(),
        specOf(fresh.attempt, fresh.selfRatings),
        toRecordedAnswers(fresh.answers),
      );
      expect(view.questionId).toBe(truth.next?.id);
      expect(fresh.attempt.currentQuestionId).toBe(view.questionId);
      expect(view.answered).toBe(turn + 1);
    }
    // Time on item counts from when the question was shown: never more than the gap between answers.
    const rows = await db.answer.findMany({ where: { attemptId }, orderBy: { position: "asc" } });
    expect(rows.map((row) => row.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (let i = 1; i < rows.length; i++) {
      const gap = (rows[i]?.answeredAt.getTime() ?? 0) - (rows[i - 1]?.answeredAt.getTime() ?? 0);
      expect(rows[i]?.msOnItem).not.toBeNull();
      expect(rows[i]?.msOnItem ?? Infinity).toBeLessThanOrEqual(gap);
    }
    // A restart (nothing remembered) shows the same question the last reply did.
    clearAnswerPathCaches();
    expect(await shown(attemptId, owner)).toEqual(view);
  });

  it("after another instance answered the question, stores nothing twice and continues from the database", async () => {
    const { attemptId, owner, tokenHash, view } = await warmAttempt();
    const count = await answerCount(attemptId);
    // A second process with its own connection answers the question on screen ("I don't know").
    const { stdout } = await run(
      "npx",
      ["tsx", "--conditions=react-server", "tests/support/answer-worker.ts", attemptId, tokenHash],
      { env: process.env },
    );
    const other = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as {
      answered: string;
      kind: string;
      next: string | null;
    };
    expect(other).toMatchObject({ answered: view.questionId, kind: "next" });

    // This process still remembers the question as open: answering it here stores nothing and
    // reports, as ever, that the quiz has moved on.
    const before = statsNow();
    expect(await submitAnswer(attemptId, owner, answerFor(view, 0))).toEqual({ kind: "next" });
    expect(attemptStateStats.snapshotFallbacks - before.snapshotFallbacks).toBe(guardedAnswerWrites ? 1 : 0);
    expect(attemptStateStats.snapshotWrites).toBe(before.snapshotWrites);
    expect(await answerCount(attemptId)).toBe(count + 1);
    const kept = await db.answer.findFirstOrThrow({ where: { attemptId, questionId: view.questionId } });
    expect(kept).toMatchObject({ isDontKnow: true, position: count + 1 });

    // The question the other instance's reply showed is answered here in its place.
    const moved = { ...view, questionId: other.next ?? "" };
    const next = await answer(moved, owner, 0);
    const fresh = await findOwnedAttemptWithAnswers(attemptId, owner);
    if (!fresh) throw new Error("attempt not found");
    expect(fresh.answers.map((row) => row.position)).toEqual(
      Array.from({ length: count + 2 }, (_, i) => i + 1),
    );
    expect(fresh.answers.at(-1)?.questionId).toBe(other.next);
    expect(next.questionId).toBe(
      replayAttempt(getEngine(), specOf(fresh.attempt, fresh.selfRatings), toRecordedAnswers(fresh.answers))
        .next?.id,
    );
    expect(next.answered).toBe(count + 2);
  }, 120_000);

  it("reports completed and stores nothing when the quiz was finished in another instance", async () => {
    const { attemptId, owner, view } = await warmAttempt();
    const count = await answerCount(attemptId);
    await elsewhere(attemptId, owner, () => finishEarly(attemptId, owner));
    expect(await submitAnswer(attemptId, owner, answerFor(view, 0))).toEqual({ kind: "completed" });
    expect(await answerCount(attemptId)).toBe(count);
    expect((await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).status).toBe("completed");
  });

  it("reports completed for an attempt whose status alone changed elsewhere, its question left in place", async () => {
    const { attemptId, owner, view } = await warmAttempt();
    const count = await answerCount(attemptId);
    await elsewhere(attemptId, owner, () =>
      db.attempt.update({ where: { id: attemptId }, data: { status: "completed" } }),
    );
    expect(await submitAnswer(attemptId, owner, answerFor(view, 0))).toEqual({ kind: "completed" });
    expect(await answerCount(attemptId)).toBe(count);
  });

  it("answers a deleted attempt exactly like someone else's: not found, nothing stored", async () => {
    const { attemptId, owner, view } = await warmAttempt();
    const theirs = await warmAttempt();
    await elsewhere(attemptId, owner, () => db.attempt.delete({ where: { id: attemptId } }));
    const reply = await submitAnswer(attemptId, owner, answerFor(view, 0));
    expect(reply).toEqual({ kind: "notFound" });
    expect(await submitAnswer(theirs.attemptId, owner, answerFor(theirs.view, 0))).toEqual(reply);
    expect(await answerCount(attemptId)).toBe(0);
  });

  it("after the attempt was claimed into an account, the anonymous browser gets not found and the account answers on", async () => {
    const { attemptId, owner, tokenHash, view } = await warmAttempt();
    const count = await answerCount(attemptId);
    const person = await createPerson();
    await elsewhere(attemptId, owner, () => claimAnonymousWork(tokenHash, person.id));
    expect(await submitAnswer(attemptId, owner, answerFor(view, 0))).toEqual({ kind: "notFound" });
    expect(await answerCount(attemptId)).toBe(count);
    const next = await answer(view, userOwner(person.id), 0);
    expect(next.answered).toBe(count + 1);
    expect(await answerCount(attemptId)).toBe(count + 1);
  });

  it("counts an answer the database holds that this process never saw, the attempt still on the same question", async () => {
    const { attemptId, owner, view } = await warmAttempt();
    const count = await answerCount(attemptId);
    // E.g. written by an instance of another version: stored, the attempt left where it was.
    const engine = getEngine();
    const fresh = await findOwnedAttemptWithAnswers(attemptId, owner);
    const answeredIds = new Set(fresh?.answers.map((row) => row.questionId));
    const extra = [...engine.graph.questions.values()].find(
      (question) => question.id !== view.questionId && !answeredIds.has(question.id),
    );
    if (!extra) throw new Error("no unanswered question");
    await elsewhere(attemptId, owner, () =>
      recordAnswer({
        attemptId,
        questionId: extra.id,
        skillId: extra.skill,
        chosenOptionIds: [],
        isDontKnow: true,
        isCorrect: false,
        position: count + 1,
        ...nominalParameters(extra),
        msOnItem: null,
        itemHash: extra.contentHash,
      }),
    );
    const next = await answer(view, owner, 0);
    const after = await findOwnedAttemptWithAnswers(attemptId, owner);
    if (!after) throw new Error("attempt not found");
    expect(after.answers.map((row) => row.position)).toEqual(
      Array.from({ length: count + 2 }, (_, i) => i + 1),
    );
    expect(next.answered).toBe(count + 2);
    expect(next.questionId).toBe(
      replayAttempt(engine, specOf(after.attempt, after.selfRatings), toRecordedAnswers(after.answers)).next
        ?.id,
    );
  });

  it("takes the question's time on screen from the database, not from memory", async () => {
    const { attemptId, owner, view } = await warmAttempt();
    const shownAt = new Date(Date.now() - 90_000);
    await elsewhere(attemptId, owner, () =>
      db.attempt.update({ where: { id: attemptId }, data: { questionShownAt: shownAt } }),
    );
    await answer(view, owner, 0);
    const row = await db.answer.findFirstOrThrow({ where: { attemptId, questionId: view.questionId } });
    expect(row.msOnItem).toBeGreaterThanOrEqual(90_000);
  });

  it("stores nothing for a question another instance has taken off the screen", async () => {
    const { attemptId, owner, view } = await warmAttempt();
    const count = await answerCount(attemptId);
    // The other instance's content no longer has the question, so it chose another one.
    const fresh = await findOwnedAttemptWithAnswers(attemptId, owner);
    const answeredIds = new Set(fresh?.answers.map((row) => row.questionId));
    const other = [...getEngine().graph.questions.keys()].find(
      (id) => id !== view.questionId && !answeredIds.has(id),
    );
    await elsewhere(attemptId, owner, () =>
      db.attempt.update({ where: { id: attemptId }, data: { currentQuestionId: other } }),
    );
    expect(await submitAnswer(attemptId, owner, answerFor(view, 0))).toEqual({ kind: "next" });
    expect(await answerCount(attemptId)).toBe(count);
    expect((await shown(attemptId, owner)).questionId).toBe(other);
  });

  it("after a restart reads the attempt, answers the same, and remembers it again", async () => {
    const { attemptId, owner, view } = await warmAttempt();
    const count = await answerCount(attemptId);
    clearAnswerPathCaches();
    const before = statsNow();
    const next = await answer(view, owner, 0);
    expect(attemptStateStats.snapshotWrites).toBe(before.snapshotWrites);
    expect(attemptStateStats.snapshotFallbacks).toBe(before.snapshotFallbacks);
    expect(next.answered).toBe(count + 1);
    const fresh = await findOwnedAttemptWithAnswers(attemptId, owner);
    expect(attemptSnapshot(attemptId, owner)).toEqual(guardedAnswerWrites ? { owner, ...fresh } : undefined);
    await answer(next, owner, 1);
    expect(attemptStateStats.snapshotWrites - before.snapshotWrites).toBe(guardedAnswerWrites ? 1 : 0);
  });

  it("stores one of a right, a wrong and an “I don't know” fired at once, and each reply names its next question", async () => {
    const { attemptId, owner, view } = await warmAttempt();
    const count = await answerCount(attemptId);
    const before = statsNow();
    const replies = await Promise.all(
      [0, 1, 2].map((turn) => submitAnswer(attemptId, owner, answerFor(view, turn))),
    );
    // Every request started from the snapshot: each wrote from it (one stored, the others found
    // the answer stored) or found the row changed and read it.
    const fromSnapshot =
      attemptStateStats.snapshotWrites -
      before.snapshotWrites +
      attemptStateStats.snapshotFallbacks -
      before.snapshotFallbacks;
    expect(fromSnapshot).toBe(guardedAnswerWrites ? 3 : 0);
    expect(await answerCount(attemptId)).toBe(count + 1);
    const now = await shown(attemptId, owner);
    for (const reply of replies) {
      expect(reply.kind).toBe("next");
      if (reply.kind === "next" && reply.view) expect(reply.view).toEqual(now);
    }
    expect(replies.filter((reply) => reply.kind === "next" && reply.view).length).toBeGreaterThan(0);
  });
});

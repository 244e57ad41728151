import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { replayAttempt, type AttemptState } from "@/domain/engine/assess";
import { nominalParameters } from "@/domain/engine/model";
import {
  attemptStateKey,
  attemptStateStats,
  cachedAttemptState,
  clearAttemptStates,
  lookAheadSettled,
  rememberAttemptState,
} from "@/server/assessment/attempt-states";
import { getEngine } from "@/server/assessment/engine";
import {
  clearAnswerPathCaches,
  loadQuiz,
  startAssessment,
  submitAnswer,
  type QuestionView,
} from "@/server/assessment/quiz";
import { specOf } from "@/server/assessment/spec";
import { toRecordedAnswers } from "@/server/assessment/scoring";
import { advanceQuestion, findOwnedAttemptWithAnswers, recordAnswer } from "@/server/attempts";
import { anonymousOwner, type Owner } from "@/server/identity/owner";
import { requestsInHand } from "@/lib/requests-in-hand";
import { mixedAnswerFor } from "../../factories/answers";

const newOwner = () => anonymousOwner(`owner-${randomUUID()}`);

async function start(owner: Owner, to = "ai-engineer"): Promise<string> {
  const started = await startAssessment({ from: "data-scientist", to, budget: "30" }, owner);
  if (!started.ok) throw new Error(JSON.stringify(started.fieldErrors));
  return started.attemptId;
}

/** Right, wrong and "I don't know" in turn (tests/factories/answers.ts). */
const answerFor = (view: QuestionView, turn: number) => mixedAnswerFor(view.attemptId, view.questionId, turn);

/** The replay of what the database holds now (the source of truth) and the key it is kept under. */
async function replayed(attemptId: string, owner: Owner): Promise<{ key: string; state: AttemptState }> {
  const found = await findOwnedAttemptWithAnswers(attemptId, owner);
  if (!found) throw new Error("attempt not found");
  const engine = getEngine();
  const spec = specOf(found.attempt, found.selfRatings);
  const answers = toRecordedAnswers(found.answers);
  return {
    key: attemptStateKey(engine.graph.contentHash, spec, answers),
    state: replayAttempt(engine, spec, answers),
  };
}

async function shown(attemptId: string, owner: Owner): Promise<QuestionView> {
  const state = await loadQuiz(attemptId, owner);
  if (state.kind !== "question") throw new Error(`expected a question, got ${state.kind}`);
  return state.view;
}

describe("engine states kept per attempt", () => {
  it("serves each answer from the look-ahead, and what it serves is the replay after every answer", async () => {
    const owner = newOwner();
    const attemptId = await start(owner);
    let view = await shown(attemptId, owner);
    for (let turn = 0; ; turn++) {
      await lookAheadSettled(); // the person reads the question; the process is idle
      const before = { ...attemptStateStats };
      const result = await submitAnswer(attemptId, owner, answerFor(view, turn));
      if (result.kind === "completed") break;
      expect(result.kind).toBe("next");
      // The state this answer needed was computed ahead, not replayed in the request.
      expect(attemptStateStats.hits - before.hits).toBe(1);
      expect(attemptStateStats.misses - before.misses).toBe(0);
      const truth = await replayed(attemptId, owner);
      expect(cachedAttemptState(attemptId, truth.key)).toEqual(truth.state);
      if (result.kind !== "next" || !result.view) throw new Error("expected the next question");
      expect(result.view.questionId).toBe(truth.state.next?.id);
      expect(result.view.answered).toBe(turn + 1);
      view = result.view;
    }
  });

  it("answers the same after a restart: same next question, same state as without it", async () => {
    const owner = newOwner();
    const attemptId = await start(owner);
    let view = await shown(attemptId, owner);
    for (let turn = 0; turn < 5; turn++) {
      const result = await submitAnswer(attemptId, owner, answerFor(view, turn));
      if (result.kind !== "next" || !result.view) throw new Error("expected the next question");
      view = result.view;
    }
    await lookAheadSettled();
    // What the process without a restart holds for the coming answer (a right one).
    const found = await findOwnedAttemptWithAnswers(attemptId, owner);
    if (!found) throw new Error("attempt not found");
    const engine = getEngine();
    const question = engine.graph.questions.get(view.questionId);
    if (!question) throw new Error("unknown question");
    const spec = specOf(found.attempt, found.selfRatings);
    const coming = [
      ...toRecordedAnswers(found.answers),
      {
        questionId: question.id,
        skillId: question.skill,
        outcome: "correct" as const,
        parameters: nominalParameters(question),
      },
    ];
    const withoutRestart = cachedAttemptState(
      attemptId,
      attemptStateKey(engine.graph.contentHash, spec, coming),
    );
    expect(withoutRestart).toBeDefined();

    clearAnswerPathCaches(); // a restart: this process remembers nothing
    const before = { ...attemptStateStats };
    const result = await submitAnswer(attemptId, owner, answerFor(view, 0));
    expect(attemptStateStats.misses - before.misses).toBe(1);
    if (result.kind !== "next" || !result.view) throw new Error("expected the next question");
    const truth = await replayed(attemptId, owner);
    expect(truth.state).toEqual(withoutRestart);
    expect(cachedAttemptState(attemptId, truth.key)).toEqual(withoutRestart);
    expect(result.view.questionId).toBe(withoutRestart?.next?.id);
  });

  it("looks ahead only while no request is in hand, so under load it costs nothing", async () => {
    const owner = newOwner();
    const attemptId = await start(owner);
    await lookAheadSettled();
    const before = attemptStateStats.lookAheads;
    requestsInHand.count++; // a request the server script is still answering
    try {
      await shown(attemptId, owner); // queues the look-ahead for the question on screen
      let settled = false;
      void lookAheadSettled().then(() => (settled = true));
      // Many turns of the event loop and retries later, nothing has run.
      for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(settled).toBe(false);
      expect(attemptStateStats.lookAheads).toBe(before);
    } finally {
      requestsInHand.count--;
    }
    await lookAheadSettled();
    expect(attemptStateStats.lookAheads - before).toBe(3);
  });

  it("never uses a kept state once the attempt has an answer it did not see (stored by another instance)", async () => {
    const owner = newOwner();
    const attemptId = await start(owner);
    const view = await shown(attemptId, owner);
    await lookAheadSettled();
    clearAttemptStates();
    // A state kept under the current key is used as it is (a wrong one, to tell it apart)…
    const current = await replayed(attemptId, owner);
    const planted: AttemptState = { ...current.state, answered: 99 };
    rememberAttemptState(attemptId, current.key, planted);
    expect((await shown(attemptId, owner)).answered).toBe(99);
    clearAttemptStates(); // nor anything the look-ahead computes for the coming answer
    rememberAttemptState(attemptId, current.key, planted);
    // …but another instance stores the answer and moves the attempt on: the key no longer matches.
    const question = getEngine().graph.questions.get(view.questionId);
    if (!question) throw new Error("unknown question");
    await recordAnswer({
      attemptId,
      questionId: question.id,
      skillId: question.skill,
      chosenOptionIds: [],
      isDontKnow: true,
      isCorrect: false,
      position: 1,
      ...nominalParameters(question),
      msOnItem: null,
      itemHash: question.contentHash,
    });
    const truth = await replayed(attemptId, owner);
    await advanceQuestion(attemptId, question.id, truth.state.next?.id ?? null);
    const before = { ...attemptStateStats };
    const next = await shown(attemptId, owner);
    expect(attemptStateStats.misses - before.misses).toBe(1);
    expect(next.answered).toBe(1);
    expect(next.questionId).toBe(truth.state.next?.id);
    expect(cachedAttemptState(attemptId, truth.key)).toEqual(truth.state);
  });
});

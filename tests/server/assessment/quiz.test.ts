import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { replayAttempt } from "@/domain/engine/assess";
import { nominalParameters } from "@/domain/engine/model";
import { getEngine } from "@/server/assessment/engine";
import {
  finishEarly,
  loadQuiz,
  regeneratePlanFromAttempt,
  startAssessment,
  submitAnswer,
  type QuestionView,
} from "@/server/assessment/quiz";
import { specOf } from "@/server/assessment/spec";
import { getSkillsGraph } from "@/server/content-loader";
import { keyCodes } from "../../factories/answers";
import { optionCode, orderOptions } from "@/server/assessment/option-codes";
import { toRecordedAnswers } from "@/server/assessment/scoring";
import { findOwnedAttemptWithAnswers } from "@/server/attempts";
import { db } from "@/server/db";
import { findOwnedPlan, findPlanIdFor, loadPlan, setPlanItemDone } from "@/server/plans";
import { anonymousOwner, type Owner } from "@/server/identity/owner";
import { reportQuestion } from "@/server/question-reports";
import { loadResults } from "@/server/results";

const newOwner = () => anonymousOwner(`owner-${randomUUID()}`);

async function start(owner: Owner, from = "data-scientist", to = "ai-engineer", hoursPerWeek = "6") {
  const result = await startAssessment({ from, to, hoursPerWeek, timeZone: "Europe/Berlin" }, owner);
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.attemptId;
}

async function shown(attemptId: string, owner: Owner): Promise<QuestionView> {
  const state = await loadQuiz(attemptId, owner);
  if (state.kind !== "question") throw new Error(`expected a question, got ${state.kind}`);
  return state.view;
}

/** Submits `answer`: "completed" when it (or a duplicate fired with it) ended the quiz, else "next". */
async function finishOrAnswer(
  attemptId: string,
  owner: Owner,
  answer: { questionId: string; choice: string[] },
) {
  const result = await submitAnswer(attemptId, owner, answer);
  if (result.kind === "completed") return "completed";
  if (result.kind !== "next") throw new Error(`unexpected ${result.kind}`);
  const state = await loadQuiz(attemptId, owner);
  return state.kind === "completed" ? "completed" : "next";
}

/** Answers every question with its key until the engine stops; returns how many were asked. */
async function answerAllCorrectly(attemptId: string, owner: Owner): Promise<number> {
  for (let count = 0; count <= 30; count++) {
    const state = await loadQuiz(attemptId, owner);
    if (state.kind !== "question") return count;
    await submitAnswer(attemptId, owner, {
      questionId: state.view.questionId,
      choice: keyCodes(attemptId, state.view.questionId),
    });
  }
  throw new Error("the quiz did not stop within its budget");
}

describe("starting an assessment", () => {
  it("rejects unknown roles and out-of-range hours with field errors", async () => {
    const result = await startAssessment({ from: "astronaut", to: "", hoursPerWeek: "0" }, newOwner());
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        from: expect.stringContaining("current role"),
        to: expect.stringContaining("move into"),
        hoursPerWeek: expect.stringContaining("between 1 and 40"),
      },
    });
  });

  it("takes a shorter quiz length and stops at it; refuses lengths it does not offer", async () => {
    const owner = newOwner();
    const result = await startAssessment({ to: "ai-engineer", budget: "15" }, owner);
    expect(result.ok).toBe(true);
    const attemptId = result.ok ? result.attemptId : "";
    expect((await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).budget).toBe(15);
    for (let count = 0; count < 15; count++) {
      const state = await loadQuiz(attemptId, owner);
      if (state.kind !== "question") break;
      await submitAnswer(attemptId, owner, {
        questionId: state.view.questionId,
        choice: [state.view.options[count % state.view.options.length]?.id ?? ""],
      });
    }
    expect(await db.answer.count({ where: { attemptId } })).toBeLessThanOrEqual(15);
    expect(await loadQuiz(attemptId, owner)).toEqual({ kind: "completed" });
    expect(await startAssessment({ to: "ai-engineer", budget: "99" }, owner)).toEqual({
      ok: false,
      fieldErrors: { budget: "Choose 15, 20, 30 questions at most." },
    });
  });

  it("shows a first question with option ids and text only — no key, no parameters", async () => {
    const owner = newOwner();
    const view = await shown(await start(owner), owner);
    expect(view.answered).toBe(0);
    expect(view.options.length).toBeGreaterThanOrEqual(3);
    for (const option of view.options) expect(Object.keys(option).sort()).toEqual(["html", "id"]);
    expect(Object.keys(view).sort()).toEqual([
      "answered",
      "attemptId",
      "budget",
      "expectedRemaining",
      "options",
      "questionId",
      "requiredSkills",
      "skillTitle",
      "stemHtml",
      "type",
      "unaskedSkills",
    ]);
    expect(JSON.stringify(view)).not.toMatch(
      /"(correct|difficulty|discrimination|guessing|explanation)"\s*:/,
    );
  });
});

describe("answering", () => {
  it("stores one row when the same answer is fired 20 times at once, and every response agrees", async () => {
    const owner = newOwner();
    const attemptId = await start(owner);
    const { questionId } = await shown(attemptId, owner);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        submitAnswer(attemptId, owner, { questionId, choice: keyCodes(attemptId, questionId) }),
      ),
    );
    expect(new Set(results.map((result) => result.kind))).toEqual(new Set(["next"]));
    expect(await db.answer.count({ where: { attemptId } })).toBe(1);
    const next = await shown(attemptId, owner);
    expect(next.answered).toBe(1);
    expect(next.questionId).not.toBe(questionId);
  });

  it("answers alike when every answer, the last included, is fired 10 times at once: one row each, one result, one plan", async () => {
    const owner = newOwner();
    const attemptId = await start(owner);
    // Every answer, the last one included, arrives 10 times at once (double clicks, retries, two
    // instances): each burst is answered alike, and the quiz ends exactly once.
    let outcome = "next";
    for (let count = 0; count <= 30 && outcome === "next"; count++) {
      const { questionId } = await shown(attemptId, owner);
      const answer = { questionId, choice: keyCodes(attemptId, questionId) };
      const results = await Promise.all(
        Array.from({ length: 10 }, () => finishOrAnswer(attemptId, owner, answer)),
      );
      expect(new Set(results).size).toBe(1);
      outcome = results[0] ?? "next";
    }
    expect(outcome).toBe("completed");
    const attempt = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(attempt.status).toBe("completed");
    const answered = await db.answer.count({ where: { attemptId } });
    expect(
      new Set((await db.answer.findMany({ where: { attemptId } })).map((row) => row.questionId)).size,
    ).toBe(answered);
    const estimates = await db.skillEstimate.findMany({ where: { attemptId } });
    expect(new Set(estimates.map((row) => row.skillId)).size).toBe(estimates.length);
    expect(estimates.length).toBeGreaterThan(0);
    const planId = await findPlanIdFor(owner, "ai-engineer");
    expect(planId).toBeTruthy();
    const items = await db.planItem.findMany({ where: { planId: planId ?? "" } });
    expect(new Set(items.map((row) => row.moduleId)).size).toBe(items.length);
  });

  it("answers every caller with the stored answer's next question when different answers to one question arrive at once", async () => {
    const owner = newOwner();
    const attemptId = await start(owner);
    const engine = getEngine();
    let diverging = 0;
    for (let count = 0; count < 12; count++) {
      const state = await loadQuiz(attemptId, owner);
      if (state.kind !== "question") break;
      const { questionId, options } = state.view;
      const right = keyCodes(attemptId, questionId);
      const wrong = options.map((option) => option.id).find((id) => !right.includes(id)) ?? "";
      // Where a right and a wrong answer would lead: the race matters when they differ.
      const found = await findOwnedAttemptWithAnswers(attemptId, owner);
      if (!found) throw new Error("attempt vanished");
      const question = engine.graph.questions.get(questionId);
      if (!question) throw new Error(`unknown question ${questionId}`);
      const after = (outcome: "correct" | "incorrect") =>
        replayAttempt(engine, specOf(found.attempt), [
          ...toRecordedAnswers(found.answers),
          { questionId, skillId: question.skill, outcome, parameters: nominalParameters(question) },
        ]).next?.id;
      if (after("correct") !== after("incorrect")) diverging++;

      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          submitAnswer(
            attemptId,
            owner,
            i % 3 === 2
              ? { questionId, dontKnow: true }
              : { questionId, choice: i % 3 === 0 ? right : [wrong] },
          ),
        ),
      );
      expect(await db.answer.count({ where: { attemptId, questionId } })).toBe(1);
      const now = await loadQuiz(attemptId, owner);
      if (now.kind !== "question") break;
      for (const result of results) {
        expect(result.kind).toBe("next");
        if (result.kind === "next" && result.view) expect(result.view).toEqual(now.view);
      }
    }
    expect(diverging).toBeGreaterThan(0);
  });

  it("never changes a stored answer: a replay with another choice is ignored", async () => {
    const owner = newOwner();
    const attemptId = await start(owner);
    const { questionId, options } = await shown(attemptId, owner);
    const wrong =
      options.map((option) => option.id).find((id) => !keyCodes(attemptId, questionId).includes(id)) ?? "";
    await submitAnswer(attemptId, owner, { questionId, choice: [wrong] });
    await submitAnswer(attemptId, owner, { questionId, choice: keyCodes(attemptId, questionId) });
    const rows = await db.answer.findMany({ where: { attemptId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.isCorrect).toBe(false);
    // Stored answers keep the content's option id, not the code the client sent.
    const wrongId = getSkillsGraph()
      .questions.get(questionId)
      ?.options.find((option) => optionCode(attemptId, questionId, option) === wrong)?.id;
    expect(JSON.parse(rows[0]?.chosenOptionIds ?? "[]")).toEqual([wrongId]);
  });

  it("sends opaque per-attempt option codes in a per-attempt order that a reload keeps", async () => {
    const owner = newOwner();
    const attemptId = await start(owner);
    const view = await shown(attemptId, owner);
    const question = getSkillsGraph().questions.get(view.questionId);
    const contentIds = new Set(question?.options.map((option) => option.id));
    for (const option of view.options) {
      expect(contentIds.has(option.id)).toBe(false);
      expect(option.id).toMatch(/^[A-Za-z0-9_-]{16}$/); // 96 bits
    }
    const again = await shown(attemptId, owner);
    expect(again.options).toEqual(view.options);
    // Another attempt at the same question gets other codes and, across a few attempts, other orders.
    const orders = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const other = await start(newOwner());
      const codes = question
        ? orderOptions(other, question.id, question.options)
            .map((option) => option.id)
            .join(",")
        : "";
      orders.add(codes);
      if (question)
        expect(question.options.map((option) => optionCode(other, question.id, option))).not.toEqual(
          question.options.map((option) => optionCode(attemptId, question.id, option)),
        );
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  it("refuses a content option id sent in place of a code, and a code of another attempt", async () => {
    const owner = newOwner();
    const attemptId = await start(owner);
    const view = await shown(attemptId, owner);
    const question = getSkillsGraph().questions.get(view.questionId);
    const keyId = question?.options.find((option) => option.correct)?.id ?? "";
    expect(
      await submitAnswer(attemptId, owner, { questionId: view.questionId, choice: [keyId] }),
    ).toMatchObject({ kind: "invalid" });
    const other = await start(newOwner());
    expect(
      await submitAnswer(attemptId, owner, {
        questionId: view.questionId,
        choice: keyCodes(other, view.questionId),
      }),
    ).toMatchObject({ kind: "invalid" });
    expect(await db.answer.count({ where: { attemptId } })).toBe(0);
  });

  it("explains what is wrong with an empty, foreign or double choice and stores nothing", async () => {
    const owner = newOwner();
    const attemptId = await start(owner);
    const view = await shown(attemptId, owner);
    expect(await submitAnswer(attemptId, owner, { questionId: view.questionId, choice: [] })).toMatchObject({
      kind: "invalid",
    });
    expect(
      await submitAnswer(attemptId, owner, { questionId: view.questionId, choice: ["not-an-option"] }),
    ).toMatchObject({ kind: "invalid" });
    if (view.type === "single") {
      const two = view.options.slice(0, 2).map((option) => option.id);
      expect(
        await submitAnswer(attemptId, owner, { questionId: view.questionId, choice: two }),
      ).toMatchObject({ kind: "invalid", message: "Choose one answer." });
    }
    expect(await db.answer.count({ where: { attemptId } })).toBe(0);
  });

  it("records “I don't know” as an answer without a choice", async () => {
    const owner = newOwner();
    const attemptId = await start(owner);
    const { questionId } = await shown(attemptId, owner);
    await submitAnswer(attemptId, owner, { questionId, dontKnow: true });
    const row = await db.answer.findFirstOrThrow({ where: { attemptId } });
    expect(row).toMatchObject({ isDontKnow: true, isCorrect: false, chosenOptionIds: "[]", position: 1 });
  });

  it("resumes at the same question after a reload, and ignores an answer to a question no longer shown", async () => {
    const owner = newOwner();
    const attemptId = await start(owner);
    const first = await shown(attemptId, owner);
    expect((await shown(attemptId, owner)).questionId).toBe(first.questionId);
    await submitAnswer(attemptId, owner, {
      questionId: first.questionId,
      choice: keyCodes(attemptId, first.questionId),
    });
    const second = await shown(attemptId, owner);
    expect((await shown(attemptId, owner)).questionId).toBe(second.questionId);
    const other =
      [...getSkillsGraph().questions.keys()].find(
        (id) => id !== first.questionId && id !== second.questionId,
      ) ?? "";
    expect(
      await submitAnswer(attemptId, owner, { questionId: other, choice: keyCodes(attemptId, other) }),
    ).toEqual({ kind: "next" });
    expect(await db.answer.count({ where: { attemptId } })).toBe(1);
  });

  it("moves on when the question on screen was removed from content", async () => {
    const owner = newOwner();
    const attemptId = await start(owner);
    await db.attempt.update({
      where: { id: attemptId },
      data: { currentQuestionId: "a-question-that-was-deleted" },
    });
    expect(
      await submitAnswer(attemptId, owner, { questionId: "a-question-that-was-deleted", choice: ["x"] }),
    ).toEqual({ kind: "next" });
    const view = await shown(attemptId, owner);
    expect(getSkillsGraph().questions.has(view.questionId)).toBe(true);
  });
});

describe("ownership", () => {
  it("answers someone else's attempt, results and plan exactly like a missing one", async () => {
    const owner = newOwner();
    const attemptId = await start(owner);
    const { questionId } = await shown(attemptId, owner);
    const stranger = newOwner();
    expect(await loadQuiz(attemptId, stranger)).toEqual(await loadQuiz("no-such-attempt", stranger));
    expect(await loadQuiz(attemptId, null)).toEqual({ kind: "notFound" });
    expect(
      await submitAnswer(attemptId, stranger, { questionId, choice: keyCodes(attemptId, questionId) }),
    ).toEqual({ kind: "notFound" });
    expect(await finishEarly(attemptId, stranger)).toBe("notFound");
    expect(await db.answer.count({ where: { attemptId } })).toBe(0);
    await finishEarly(attemptId, owner);
    expect(await loadResults(attemptId, stranger)).toBeNull();
    const planId = await findPlanIdFor(owner, "ai-engineer");
    expect(planId).not.toBeNull();
    expect(await findOwnedPlan(planId ?? "", stranger)).toBeNull();
    expect(await setPlanItemDone(planId ?? "", "anything", stranger, true)).toBe(false);
  });
});

describe("finishing and results", () => {
  it("someone who answers everything right stops early, meets the target and reloads identically", async () => {
    const owner = newOwner();
    const attemptId = await start(owner);
    const asked = await answerAllCorrectly(attemptId, owner);
    expect(asked).toBeGreaterThan(3);
    expect(asked).toBeLessThan(30);
    const first = await loadResults(attemptId, owner);
    const again = await loadResults(attemptId, owner);
    expect(again).toEqual(first);
    expect(first?.attempt.stopReason).toBe("confident");
    expect(first?.readiness).toBeGreaterThan(0.5);
    expect(first?.required.every((row) => row.targetLevel !== null && row.pMeets !== null)).toBe(true);
    expect(first?.roles.map((role) => role.roleId).sort()).toEqual(
      getSkillsGraph()
        .roleList.map((role) => role.id)
        .sort(),
    );
    expect(first?.review).toHaveLength(asked);
    expect(first?.review.every((item) => item.outcome === "correct")).toBe(true);
    expect(await db.skillEstimate.count({ where: { attemptId } })).toBe(getSkillsGraph().skills.size);
  });

  it("finishing early is honest: the result says so and keeps unasked skills apart as not assessed", async () => {
    const owner = newOwner();
    const attemptId = await start(owner);
    const { questionId } = await shown(attemptId, owner);
    await submitAnswer(attemptId, owner, { questionId, dontKnow: true });
    expect(await finishEarly(attemptId, owner)).toBe("completed");
    const results = await loadResults(attemptId, owner);
    expect(results?.attempt.stopReason).toBe("finished");
    expect(results?.required.filter((row) => row.answerCount === 0).length).toBeGreaterThan(0);
    expect(await loadQuiz(attemptId, owner)).toEqual({ kind: "completed" });
    expect(
      await submitAnswer(attemptId, owner, { questionId, choice: keyCodes(attemptId, questionId) }),
    ).toEqual({ kind: "completed" });
  });
});

describe("learning plan", () => {
  it("is built from the gaps, keeps done modules through regeneration and reassessment, and stays one plan per role", async () => {
    const owner = newOwner();
    const attemptId = await start(owner, "data-analyst", "ai-engineer", "4");
    const { questionId } = await shown(attemptId, owner);
    await submitAnswer(attemptId, owner, { questionId, dontKnow: true });
    await finishEarly(attemptId, owner);
    const planId = (await findPlanIdFor(owner, "ai-engineer")) ?? "";
    const graph = getSkillsGraph();
    const plan = await loadPlan(planId, owner, graph);
    expect(plan?.items.length).toBeGreaterThan(0);
    expect(plan?.hoursPerWeek).toBe(4);
    expect(plan?.timeZone).toBe("Europe/Berlin");
    expect(new Set(plan?.items.map((item) => item.moduleId)).size).toBe(plan?.items.length);
    expect(plan?.weeks[0]?.hours).toBeLessThanOrEqual(4);

    const done = plan?.items[0]?.moduleId ?? "";
    expect(await setPlanItemDone(planId, done, owner, true, new Date("2026-11-01T10:00:00Z"))).toBe(true);
    await regeneratePlanFromAttempt(attemptId, owner);
    const regenerated = await loadPlan(planId, owner, graph);
    expect(regenerated?.items.find((item) => item.moduleId === done)?.doneAt?.toISOString()).toBe(
      "2026-11-01T10:00:00.000Z",
    );

    const second = await start(owner, "data-analyst", "ai-engineer");
    await answerAllCorrectly(second, owner);
    expect(await findPlanIdFor(owner, "ai-engineer")).toBe(planId);
    const after = await loadPlan(planId, owner, graph);
    expect(after?.items.find((item) => item.moduleId === done)?.isDone).toBe(true);
    expect(after?.remainingHours).toBeLessThan(regenerated?.remainingHours ?? 0);
    const progress = await loadResults(second, owner);
    expect(progress?.previous?.attemptId).toBe(attemptId);
    expect(progress?.required.some((row) => row.previous !== null)).toBe(true);
  });
});

describe("reporting a problem with a question", () => {
  it("stores a report and lists field errors for a bad one", async () => {
    const questionId = [...getSkillsGraph().questions.keys()][0] ?? "";
    expect(
      await reportQuestion(
        { questionId, reason: "unclear", details: "Option B reads two ways." },
        null,
        "192.0.2.10",
      ),
    ).toEqual({ ok: true });
    expect(await db.questionReport.count({ where: { questionId, reason: "unclear" } })).toBeGreaterThan(0);
    const bad = await reportQuestion(
      { questionId, reason: "rude", details: "x".repeat(2001) },
      null,
      "192.0.2.10",
    );
    expect(bad).toEqual({
      ok: false,
      fieldErrors: { reason: "Choose what is wrong.", details: "Keep it under 2,000 characters." },
    });
  });
});

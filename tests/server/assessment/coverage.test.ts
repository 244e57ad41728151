import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadQuiz, startAssessment, submitAnswer, type QuestionView } from "@/server/assessment/quiz";
import { getSkillsGraph } from "@/server/content-loader";
import { db } from "@/server/db";
import { anonymousOwner, type Owner } from "@/server/identity/owner";
import { loadResults } from "@/server/results";
import { keyCodes } from "../../factories/answers";

/**
 * Coverage, end to end on the real bank: for every pair of roles (and no current role) and three
 * ways of answering, the quiz asks every skill the target requires before it gives a verdict, and
 * a reload shows a question's options in the same order.
 */
type Strategy = "first option shown" | "I don't know" | "always correct";
const STRATEGIES: Strategy[] = ["first option shown", "I don't know", "always correct"];

function answerFor(strategy: Strategy, attemptId: string, view: QuestionView) {
  if (strategy === "I don't know") return { questionId: view.questionId, dontKnow: true };
  if (strategy === "always correct")
    return { questionId: view.questionId, choice: keyCodes(attemptId, view.questionId) };
  return { questionId: view.questionId, choice: [view.options[0]?.id ?? ""] };
}

async function runQuiz(owner: Owner, from: string, to: string, strategy: Strategy) {
  const started = await startAssessment({ from, to, hoursPerWeek: "", timeZone: "UTC" }, owner);
  if (!started.ok) throw new Error(JSON.stringify(started.fieldErrors));
  const { attemptId } = started;
  for (let step = 0; step <= 30; step++) {
    const state = await loadQuiz(attemptId, owner);
    if (state.kind !== "question") return attemptId;
    const reloaded = await loadQuiz(attemptId, owner);
    expect(reloaded.kind === "question" && reloaded.view.options).toEqual(state.view.options);
    const result = await submitAnswer(attemptId, owner, answerFor(strategy, attemptId, state.view));
    expect(result.kind).not.toBe("invalid");
  }
  throw new Error("the quiz did not stop within its budget");
}

const graph = getSkillsGraph();
const roles = graph.roleList.map((role) => role.id);
const pairs = [null, ...roles].flatMap((from) => roles.map((to) => [from, to] as const));

describe("every required skill is asked before the verdict", () => {
  it.each(pairs.map(([from, to]) => [from ?? "no current role", to, from ?? ""]))(
    "%s → %s",
    { timeout: 60_000 },
    async (_label, to, from) => {
      const requiredWithQuestions = (graph.roles.get(to)?.requires ?? [])
        .map((requirement) => requirement.skill)
        .filter((skill) => [...graph.questions.values()].some((question) => question.skill === skill));
      for (const strategy of STRATEGIES) {
        const owner = anonymousOwner(`coverage-${randomUUID()}`);
        const attemptId = await runQuiz(owner, from, to, strategy);
        const attempt = await db.attempt.findUniqueOrThrow({
          where: { id: attemptId },
          select: { status: true, stopReason: true },
        });
        expect(attempt.status, strategy).toBe("completed");
        const asked = new Set(
          (await db.answer.findMany({ where: { attemptId }, select: { skillId: true } })).map(
            (row) => row.skillId,
          ),
        );
        for (const skill of requiredWithQuestions)
          expect(asked.has(skill), `${strategy}: ${skill} never asked`).toBe(true);
        const results = await loadResults(attemptId, owner);
        expect(
          results?.required.every((row) => row.answerCount > 0),
          strategy,
        ).toBe(true);
      }
    },
  );
});

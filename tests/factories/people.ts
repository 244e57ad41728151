import { randomUUID } from "node:crypto";
import { finishEarly, loadQuiz, startAssessment, submitAnswer } from "@/server/assessment/quiz";
import { submitSelfRatings } from "@/server/assessment/self-rating-step";
import { getSkillsGraph } from "@/server/content-loader";
import { db } from "@/server/db";
import type { Owner } from "@/server/identity/owner";

/** A user row (no credentials): enough for every owner-, team- and cohort-scoped query. */
export async function createPerson(name = "Person"): Promise<{ id: string; name: string; email: string }> {
  const id = `u-${randomUUID()}`;
  const email = `${id}@example.com`;
  await db.user.create({ data: { id, name, email } });
  return { id, name, email };
}

/**
 * A real attempt through the quiz functions: `answers` "I don't know" answers, then finished
 * early (unless `finish` is false). `context` is the team or cohort context, as the app passes it.
 */
export async function dontKnowAttempt(
  owner: Owner,
  options: {
    to: string;
    from?: string;
    answers?: number;
    finish?: boolean;
    context?: Parameters<typeof startAssessment>[2];
    /** Rate every required skill of the target at this level before answering. */
    rateEverything?: 0 | 1 | 2 | 3 | 4;
  },
): Promise<string> {
  const started = await startAssessment(
    {
      from: options.from ?? "data-scientist",
      to: options.to,
      hoursPerWeek: "",
      timeZone: "UTC",
      budget: "15",
    },
    owner,
    options.context ?? null,
  );
  if (!started.ok) throw new Error(`not started: ${JSON.stringify(started.fieldErrors)}`);
  if (options.rateEverything !== undefined) {
    const requires = getSkillsGraph().roles.get(options.to)?.requires ?? [];
    const level = String(options.rateEverything);
    const rated = await submitSelfRatings(started.attemptId, owner, {
      ratings: Object.fromEntries(requires.map((requirement) => [requirement.skill, level])),
    });
    if (rated.kind !== "saved") throw new Error(`not rated: ${JSON.stringify(rated)}`);
  }
  for (let index = 0; index < (options.answers ?? 2); index++) {
    const state = await loadQuiz(started.attemptId, owner);
    if (state.kind === "question")
      await submitAnswer(started.attemptId, owner, { questionId: state.view.questionId, dontKnow: true });
  }
  if (options.finish ?? true) await finishEarly(started.attemptId, owner);
  return started.attemptId;
}

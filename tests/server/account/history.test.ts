import { describe, expect, it } from "vitest";
import { finishEarly, loadQuiz, startAssessment, submitAnswer } from "@/server/assessment/quiz";
import { getSkillsGraph } from "@/server/content-loader";
import { keyCodes } from "../../factories/answers";
import { db } from "@/server/db";
import { createPerson } from "../../factories/people";
import { listHistory, progressByRole } from "@/server/history";
import { userOwner } from "@/server/identity/owner";
import { setPlanItemDone } from "@/server/plans";

const createUser = async (name: string) => (await createPerson(name)).id;

/**
 * Starts an attempt for the user, answers `answers` questions with their key (or "I don't know"
 * when `unsure`), optionally finishes it.
 */
async function runAttempt(
  userId: string,
  to: string,
  options: { answers: number; finish: boolean; at: Date; unsure?: boolean },
) {
  const owner = userOwner(userId);
  const started = await startAssessment(
    { from: "data-scientist", to, hoursPerWeek: "5", timeZone: "UTC" },
    owner,
  );
  if (!started.ok) throw new Error(JSON.stringify(started.fieldErrors));
  for (let count = 0; count < options.answers; count++) {
    const state = await loadQuiz(started.attemptId, owner);
    if (state.kind !== "question") break;
    const key = keyCodes(started.attemptId, state.view.questionId);
    await submitAnswer(
      started.attemptId,
      owner,
      options.unsure
        ? { questionId: state.view.questionId, choice: [], dontKnow: true }
        : { questionId: state.view.questionId, choice: key },
    );
  }
  if (options.finish) await finishEarly(started.attemptId, owner);
  // Pin the dates so "newest first" does not depend on how fast the machine runs the quiz.
  await db.attempt.update({
    where: { id: started.attemptId },
    data: {
      createdAt: options.at,
      ...(options.finish ? { completedAt: new Date(options.at.getTime() + 600_000) } : {}),
    },
  });
  return started.attemptId;
}

describe("listHistory", () => {
  it("lists every attempt of the user newest first with role titles, status, readiness and answer count, and nothing of another user", async () => {
    const userId = await createUser("Ada");
    const stranger = await createUser("Grace");
    const first = await runAttempt(userId, "ai-engineer", {
      answers: 2,
      finish: true,
      at: new Date("2026-01-05T10:00:00Z"),
    });
    const second = await runAttempt(userId, "ml-engineer", {
      answers: 1,
      finish: true,
      at: new Date("2026-02-05T10:00:00Z"),
    });
    const unfinished = await runAttempt(userId, "ai-engineer", {
      answers: 1,
      finish: false,
      at: new Date("2026-03-05T10:00:00Z"),
    });
    await runAttempt(stranger, "ai-engineer", {
      answers: 1,
      finish: true,
      at: new Date("2026-04-05T10:00:00Z"),
    });

    const history = await listHistory(userId);
    expect(history.attempts.map((attempt) => attempt.id)).toEqual([unfinished, second, first]);
    expect(history.attempts[0]).toMatchObject({
      status: "in_progress",
      readiness: null,
      completedAt: null,
      answered: 1,
      to: { id: "ai-engineer", title: getSkillsGraph().roles.get("ai-engineer")?.title },
    });
    expect(history.attempts[2]).toMatchObject({
      status: "completed",
      answered: 2,
      from: { id: "data-scientist" },
    });
    expect(history.attempts[2]?.readiness).toEqual(expect.any(Number));
    expect(history.attempts[2]?.completedAt).toBeInstanceOf(Date);
  });

  it("lists one plan per target role with done and total modules and the hours still to go", async () => {
    const userId = await createUser("Ada");
    // Unsure answers: gaps with evidence, so the plan has modules.
    await runAttempt(userId, "ai-engineer", {
      answers: 2,
      unsure: true,
      finish: true,
      at: new Date("2026-01-05T10:00:00Z"),
    });
    await runAttempt(userId, "ml-engineer", {
      answers: 1,
      finish: true,
      at: new Date("2026-02-05T10:00:00Z"),
    });
    const history = await listHistory(userId);
    expect(history.plans.map((plan) => plan.targetRoleId).sort()).toEqual(["ai-engineer", "ml-engineer"]);
    const plan = history.plans.find((entry) => entry.targetRoleId === "ai-engineer");
    const items = await db.planItem.findMany({
      where: { planId: plan?.id },
      select: { moduleId: true, hours: true },
      orderBy: { position: "asc" },
    });
    expect(plan).toMatchObject({ doneCount: 0, totalCount: items.length });
    expect(items.length).toBeGreaterThan(0);

    const done = items[0];
    await setPlanItemDone(plan?.id ?? "", done?.moduleId ?? "", userOwner(userId), true);
    const after = (await listHistory(userId)).plans.find((entry) => entry.targetRoleId === "ai-engineer");
    expect(after?.doneCount).toBe(1);
    expect(after?.remainingHours).toBeCloseTo((plan?.remainingHours ?? 0) - (done?.hours ?? 0), 5);
    expect((await listHistory(await createUser("Nobody"))).plans).toEqual([]);
  });
});

describe("progressByRole", () => {
  it("has one point per completed attempt for each required skill of the role, oldest first, and skips unfinished attempts", async () => {
    const userId = await createUser("Ada");
    const first = await runAttempt(userId, "ai-engineer", {
      answers: 1,
      finish: true,
      at: new Date("2026-01-05T10:00:00Z"),
    });
    const second = await runAttempt(userId, "ai-engineer", {
      answers: 3,
      finish: true,
      at: new Date("2026-02-05T10:00:00Z"),
    });
    await runAttempt(userId, "ai-engineer", {
      answers: 1,
      finish: false,
      at: new Date("2026-03-05T10:00:00Z"),
    });
    const other = await runAttempt(userId, "ml-engineer", {
      answers: 1,
      finish: true,
      at: new Date("2026-01-01T10:00:00Z"),
    });

    const progress = await progressByRole(userId);
    expect(progress.map((role) => role.roleId)).toEqual(["ai-engineer", "ml-engineer"]);
    const ai = progress[0];
    expect(ai?.attempts.map((attempt) => attempt.id)).toEqual([first, second]);
    const required =
      getSkillsGraph()
        .roles.get("ai-engineer")
        ?.requires.map((requirement) => requirement.skill) ?? [];
    expect(ai?.skills.map((skill) => skill.skillId).sort()).toEqual([...required].sort());
    for (const skill of ai?.skills ?? []) {
      expect(skill.points).toHaveLength(2);
      for (const point of skill.points) {
        expect(point).toEqual({
          band: expect.any(Number),
          bandLow: expect.any(Number),
          bandHigh: expect.any(Number),
          pMeets: expect.any(Number),
          targetLevel: expect.any(Number),
          isAssessed: expect.any(Boolean),
        });
      }
    }
    expect(ai?.skills.findIndex((skill) => !skill.isCore)).toBeGreaterThan(
      ai?.skills.findLastIndex((skill) => skill.isCore) ?? Infinity,
    );
    expect(progress[1]?.attempts.map((attempt) => attempt.id)).toEqual([other]);
  });

  it("is empty for a user without completed attempts", async () => {
    const userId = await createUser("Ada");
    await runAttempt(userId, "ai-engineer", {
      answers: 1,
      finish: false,
      at: new Date("2026-01-05T10:00:00Z"),
    });
    expect(await progressByRole(userId)).toEqual([]);
  });
});

import { createHash, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { env } from "@/env";
import { purgeAnonymousIn } from "@/lib/retention";
import { finishEarly, loadQuiz, startAssessment, submitAnswer } from "@/server/assessment/quiz";
import { saveAttemptResult } from "@/server/attempts";
import { getSkillsGraph } from "@/server/content-loader";
import { db } from "@/server/db";
import { anonymousOwner, userOwner, type Owner } from "@/server/identity/owner";
import type { NewResponseRecord } from "@/server/response-records";
import { createTeam } from "@/server/teams/teams";
import { keyCodes } from "../../factories/answers";
import { createPerson, dontKnowAttempt } from "../../factories/people";

const DAY = 24 * 60 * 60 * 1000;

async function start(owner: Owner, context: Parameters<typeof startAssessment>[2] = null) {
  const result = await startAssessment(
    { from: "data-scientist", to: "ai-engineer", budget: "15" },
    owner,
    context,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.attemptId;
}

/** Answers until the quiz ends: keys on even positions, "I don't know" on every third, a wrong option otherwise. */
async function takeQuiz(attemptId: string, owner: Owner) {
  const graph = getSkillsGraph();
  for (let count = 0; count <= 30; count++) {
    const state = await loadQuiz(attemptId, owner);
    if (state.kind !== "question") return;
    const { questionId, options } = state.view;
    const keys = keyCodes(attemptId, questionId);
    const question = graph.questions.get(questionId);
    if (count % 3 === 2 || !question) await submitAnswer(attemptId, owner, { questionId, dontKnow: true });
    else if (count % 2 === 0) await submitAnswer(attemptId, owner, { questionId, choice: keys });
    else {
      const wrong = options.find((option) => !keys.includes(option.id));
      await submitAnswer(attemptId, owner, { questionId, choice: [wrong?.id ?? ""] });
    }
  }
  throw new Error("the quiz did not end");
}

const recordIds = async () =>
  new Set((await db.responseRecord.findMany({ select: { id: true } })).map((row) => row.id));

/** Runs `action` and returns the response records it wrote (the table has no link to tell them by). */
async function recordsWrittenBy(action: () => Promise<unknown>) {
  const before = await recordIds();
  await action();
  const rows = await db.responseRecord.findMany();
  return rows.filter((row) => !before.has(row.id));
}

describe("the anonymised response record", () => {
  it("has no column that could link a row to an attempt, an owner or a team", async () => {
    const owner = anonymousOwner(`owner-${randomUUID()}`);
    const [written] = await recordsWrittenBy(() => dontKnowAttempt(owner, { to: "ai-engineer", answers: 1 }));
    // The table as the database has it (the migrations, not only the Prisma model).
    const [row] = await db.$queryRaw<
      Record<string, unknown>[]
    >`SELECT * FROM "ResponseRecord" WHERE "id" = ${written?.id ?? ""}`;
    expect(Object.keys(row ?? {}).sort()).toEqual(
      [
        "abilityOther",
        "abilitySdOther",
        "calibrationVersion",
        "chosenOptionIds",
        "createdAt",
        "demo",
        "difficulty",
        "discrimination",
        "guessing",
        "id",
        "isCorrect",
        "isDontKnow",
        "itemHash",
        "msOnItem",
        "questionId",
        "skillId",
      ].sort(),
    );
  });

  it("gets one row per answer when the quiz ends, with the item, its hash, the choice, the leave-one-out ability and the time", async () => {
    const owner = anonymousOwner(`owner-${randomUUID()}`);
    const attemptId = await start(owner);
    const records = await recordsWrittenBy(() => takeQuiz(attemptId, owner));
    const answers = await db.answer.findMany({ where: { attemptId }, orderBy: { position: "asc" } });
    const attempt = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(attempt.status).toBe("completed");
    expect(records).toHaveLength(answers.length);
    const graph = getSkillsGraph();
    const byQuestion = new Map(records.map((record) => [record.questionId, record]));
    for (const answer of answers) {
      const record = byQuestion.get(answer.questionId);
      const question = graph.questions.get(answer.questionId);
      expect(record).toMatchObject({
        itemHash: question?.contentHash,
        skillId: answer.skillId,
        chosenOptionIds: answer.chosenOptionIds,
        isDontKnow: answer.isDontKnow,
        isCorrect: answer.isCorrect,
        difficulty: answer.difficulty,
        discrimination: answer.discrimination,
        guessing: answer.guessing,
        calibrationVersion: null,
        demo: false,
      });
      // Content option ids, never the per-attempt codes the quiz sent.
      const chosen = JSON.parse(record?.chosenOptionIds ?? "null") as string[];
      const contentIds = new Set(question?.options.map((option) => option.id));
      expect(chosen.every((id) => contentIds.has(id))).toBe(true);
      expect(chosen.length === 0).toBe(answer.isDontKnow);
      expect(record?.abilityOther).toEqual(expect.any(Number));
      expect(record?.abilitySdOther).toBeGreaterThan(0);
      expect(record?.msOnItem).toBe(answer.msOnItem);
      expect(record?.msOnItem).toBeGreaterThanOrEqual(0);
    }
    expect(records.some((record) => record.isCorrect)).toBe(true);
    expect(records.some((record) => record.isDontKnow)).toBe(true);
    expect(records.some((record) => !record.isCorrect && !record.isDontKnow)).toBe(true);
    // Only the day: a finer time would match the attempt's completion.
    for (const record of records) expect(record.createdAt.toISOString()).toMatch(/T00:00:00\.000Z$/);
  });

  it("holds nothing of the attempt, its owner or its team, only anonymous values", async () => {
    const person = await createPerson("Recorded");
    const owner = userOwner(person.id);
    const created = await createTeam(person.id, {
      name: `Team ${randomUUID()}`,
      targetRoleId: "ai-engineer",
    });
    if (!created.ok) throw new Error("team not created");
    let attemptId = "";
    const records = await recordsWrittenBy(async () => {
      attemptId = await dontKnowAttempt(owner, {
        to: "ai-engineer",
        answers: 3,
        context: { teamId: created.teamId },
      });
    });
    expect(records).toHaveLength(3);
    const secrets = [attemptId, person.id, person.email, person.name, created.teamId];
    for (const record of records) {
      const text = JSON.stringify(record);
      for (const secret of secrets) expect(text).not.toContain(secret);
      expect(record.id).not.toMatch(/^c[a-z0-9]{20,}$/); // random, not a time-ordered cuid
    }
  });

  it("measures the time from showing a question to its answer", async () => {
    const owner = anonymousOwner(`owner-${randomUUID()}`);
    const attemptId = await start(owner);
    const state = await loadQuiz(attemptId, owner);
    if (state.kind !== "question") throw new Error("no question");
    const shownAt = (await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).questionShownAt;
    expect(shownAt).toBeInstanceOf(Date);
    // As if the question had been on screen for 42 seconds.
    await db.attempt.update({
      where: { id: attemptId },
      data: { questionShownAt: new Date(Date.now() - 42_000) },
    });
    const result = await submitAnswer(attemptId, owner, {
      questionId: state.view.questionId,
      choice: keyCodes(attemptId, state.view.questionId),
    });
    const first = await db.answer.findFirstOrThrow({ where: { attemptId, position: 1 } });
    expect(first.msOnItem).toBeGreaterThanOrEqual(42_000);
    expect(first.msOnItem).toBeLessThan(60_000);
    // The next question's clock starts when it is put on screen.
    expect(result.kind).toBe("next");
    const next = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(next.questionShownAt?.getTime()).toBeGreaterThan(Date.now() - 10_000);
  });

  it("keeps time on item unknown (null) for a question shown before the time was recorded", async () => {
    const owner = anonymousOwner(`owner-${randomUUID()}`);
    const attemptId = await start(owner);
    const state = await loadQuiz(attemptId, owner);
    if (state.kind !== "question") throw new Error("no question");
    await db.attempt.update({ where: { id: attemptId }, data: { questionShownAt: null } });
    await submitAnswer(attemptId, owner, { questionId: state.view.questionId, dontKnow: true });
    const records = await recordsWrittenBy(() => finishEarly(attemptId, owner));
    expect(records).toHaveLength(1);
    expect(records[0]?.msOnItem).toBeNull();
  });

  it("is written once however often and however concurrently the attempt is scored", async () => {
    const owner = anonymousOwner(`owner-${randomUUID()}`);
    const attemptId = await start(owner);
    for (let count = 0; count < 2; count++) {
      const state = await loadQuiz(attemptId, owner);
      if (state.kind === "question")
        await submitAnswer(attemptId, owner, { questionId: state.view.questionId, dontKnow: true });
    }
    const records = await recordsWrittenBy(() =>
      Promise.all([
        finishEarly(attemptId, owner),
        finishEarly(attemptId, owner),
        finishEarly(attemptId, owner),
        loadQuiz(attemptId, owner),
      ]),
    );
    expect(records).toHaveLength(2);
    expect(await recordsWrittenBy(() => finishEarly(attemptId, owner))).toHaveLength(0);
  });

  it("is written by only one of several scorings of the same attempt fired at once", async () => {
    const owner = anonymousOwner(`owner-${randomUUID()}`);
    const attemptId = await start(owner);
    const record = (questionId: string): NewResponseRecord => ({
      questionId,
      itemHash: "h",
      skillId: "s",
      chosenOptionIds: "[]",
      isDontKnow: true,
      isCorrect: false,
      abilityOther: 0,
      abilitySdOther: 1,
      msOnItem: 1000,
      calibrationVersion: null,
      difficulty: 0,
      discrimination: 1,
      guessing: 0.25,
      demo: false,
    });
    const marker = `q-${randomUUID()}`;
    const result = { stopReason: "finished", readiness: 0.5, resultJson: "{}", skills: [] };
    await Promise.all(
      Array.from({ length: 8 }, () =>
        saveAttemptResult(attemptId, result, [record(marker), record(`${marker}-2`)]),
      ),
    );
    expect(await db.responseRecord.count({ where: { questionId: { startsWith: marker } } })).toBe(2);
    expect((await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).status).toBe("completed");
  });

  it("outlives the purge of anonymous work and the deletion of the account that gave it", async () => {
    const token = `owner-${randomUUID()}`;
    const anonymous = anonymousOwner(token);
    const person = await createPerson("Leaving");
    let anonymousAttempt = "";
    let accountAttempt = "";
    const records = await recordsWrittenBy(async () => {
      anonymousAttempt = await dontKnowAttempt(anonymous, { to: "ai-engineer", answers: 2 });
      accountAttempt = await dontKnowAttempt(userOwner(person.id), { to: "ai-engineer", answers: 3 });
    });
    expect(records).toHaveLength(5);
    await db.attempt.update({
      where: { id: anonymousAttempt },
      data: { updatedAt: new Date(Date.now() - 120 * DAY) },
    });
    await db.learningPlan.updateMany({
      where: { anonymousTokenHash: createHash("sha256").update(token).digest("hex") },
      data: { updatedAt: new Date(Date.now() - 120 * DAY) },
    });
    await purgeAnonymousIn(env, 90);
    await db.user.delete({ where: { id: person.id } });
    expect(await db.attempt.count({ where: { id: { in: [anonymousAttempt, accountAttempt] } } })).toBe(0);
    expect(await db.answer.count({ where: { attemptId: { in: [anonymousAttempt, accountAttempt] } } })).toBe(
      0,
    );
    expect(await db.responseRecord.count({ where: { id: { in: records.map((record) => record.id) } } })).toBe(
      5,
    );
  });

  it("marks the answers of demo teams as demo", async () => {
    const person = await createPerson("Demo person");
    const created = await createTeam(
      person.id,
      { name: `Demo ${randomUUID()}`, targetRoleId: "ai-engineer" },
      { isDemo: true },
    );
    if (!created.ok) throw new Error("team not created");
    const records = await recordsWrittenBy(() =>
      dontKnowAttempt(userOwner(person.id), {
        to: "ai-engineer",
        answers: 2,
        context: { teamId: created.teamId },
      }),
    );
    expect(records.map((record) => record.demo)).toEqual([true, true]);
  });
});

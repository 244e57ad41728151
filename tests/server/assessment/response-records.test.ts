import { createHash, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { env } from "@/env";
import { purgeAnonymousIn } from "@/lib/retention";
import { finishEarly, loadQuiz, startAssessment, submitAnswer } from "@/server/assessment/quiz";
import { saveAttemptResult } from "@/server/attempts";
import { getSkillsGraph } from "@/server/content-loader";
import { db } from "@/server/db";
import { anonymousOwner, userOwner, type Owner } from "@/server/identity/owner";
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

/** Deletes the attempt as the purge or an account deletion would: the database cascades to its answers. */
const deleteAttempt = (attemptId: string) => db.attempt.delete({ where: { id: attemptId } });

describe("the evidence of scored answers and the anonymised response record", () => {
  it("has no column that could link a row to an attempt, an owner or a team", async () => {
    const owner = anonymousOwner(`owner-${randomUUID()}`);
    const attemptId = await dontKnowAttempt(owner, { to: "ai-engineer", answers: 1 });
    const [written] = await recordsWrittenBy(() => deleteAttempt(attemptId));
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

  it("marks every answer as live evidence when the quiz ends, with its hash and leave-one-out ability, and writes no record while the attempt lives", async () => {
    const owner = anonymousOwner(`owner-${randomUUID()}`);
    const attemptId = await start(owner);
    const during = await recordsWrittenBy(() => takeQuiz(attemptId, owner));
    expect(during).toHaveLength(0);
    const answers = await db.answer.findMany({ where: { attemptId } });
    expect(answers.length).toBeGreaterThan(3);
    const graph = getSkillsGraph();
    for (const answer of answers) {
      expect(answer).toMatchObject({
        evidence: "live",
        itemHash: graph.questions.get(answer.questionId)?.contentHash,
        calibrationVersion: null,
      });
      expect(answer.abilityOther).toEqual(expect.any(Number));
      expect(answer.abilitySdOther).toBeGreaterThan(0);
    }
  });

  it("leaves unscored answers unmarked, and deleting an unfinished attempt writes no record", async () => {
    const owner = anonymousOwner(`owner-${randomUUID()}`);
    const attemptId = await dontKnowAttempt(owner, { to: "ai-engineer", answers: 2, finish: false });
    const answers = await db.answer.findMany({ where: { attemptId } });
    expect(answers).toHaveLength(2);
    expect(answers.map((answer) => answer.evidence)).toEqual([null, null]);
    expect(await recordsWrittenBy(() => deleteAttempt(attemptId))).toHaveLength(0);
  });

  it("copies each answer into one anonymised record when the attempt is deleted, with the item, its hash, the choice, the ability and the time", async () => {
    const owner = anonymousOwner(`owner-${randomUUID()}`);
    const attemptId = await start(owner);
    await takeQuiz(attemptId, owner);
    const answers = await db.answer.findMany({ where: { attemptId }, orderBy: { position: "asc" } });
    const records = await recordsWrittenBy(() => deleteAttempt(attemptId));
    expect(await db.answer.count({ where: { attemptId } })).toBe(0);
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
        abilityOther: answer.abilityOther,
        abilitySdOther: answer.abilitySdOther,
        difficulty: answer.difficulty,
        discrimination: answer.discrimination,
        guessing: answer.guessing,
        calibrationVersion: null,
        msOnItem: answer.msOnItem,
        demo: false,
      });
      // Content option ids, never the per-attempt codes the quiz sent.
      const chosen = JSON.parse(record?.chosenOptionIds ?? "null") as string[];
      const contentIds = new Set(question?.options.map((option) => option.id));
      expect(chosen.every((id) => contentIds.has(id))).toBe(true);
      expect(chosen.length === 0).toBe(answer.isDontKnow);
      expect(record?.msOnItem).toBeGreaterThanOrEqual(0);
      // Only the UTC day it was answered: a finer time would match the attempt.
      expect(record?.createdAt.toISOString()).toBe(
        `${answer.answeredAt.toISOString().slice(0, 10)}T00:00:00.000Z`,
      );
    }
    expect(records.some((record) => record.isCorrect)).toBe(true);
    expect(records.some((record) => record.isDontKnow)).toBe(true);
    expect(records.some((record) => !record.isCorrect && !record.isDontKnow)).toBe(true);
  });

  it("holds nothing of the attempt, its owner or its team, only anonymous values", async () => {
    const person = await createPerson("Recorded");
    const owner = userOwner(person.id);
    const created = await createTeam(person.id, {
      name: `Team ${randomUUID()}`,
      targetRoleId: "ai-engineer",
    });
    if (!created.ok) throw new Error("team not created");
    const attemptId = await dontKnowAttempt(owner, {
      to: "ai-engineer",
      answers: 3,
      context: { teamId: created.teamId },
    });
    const records = await recordsWrittenBy(() => db.user.delete({ where: { id: person.id } }));
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
    await finishEarly(attemptId, owner);
    const records = await recordsWrittenBy(() => deleteAttempt(attemptId));
    expect(records).toHaveLength(1);
    expect(records[0]?.msOnItem).toBeNull();
  });

  it("is recorded once however often and however concurrently the attempt is scored", async () => {
    const owner = anonymousOwner(`owner-${randomUUID()}`);
    const attemptId = await start(owner);
    for (let count = 0; count < 2; count++) {
      const state = await loadQuiz(attemptId, owner);
      if (state.kind === "question")
        await submitAnswer(attemptId, owner, { questionId: state.view.questionId, dontKnow: true });
    }
    await Promise.all([
      finishEarly(attemptId, owner),
      finishEarly(attemptId, owner),
      finishEarly(attemptId, owner),
      loadQuiz(attemptId, owner),
    ]);
    await finishEarly(attemptId, owner);
    expect(await recordsWrittenBy(() => deleteAttempt(attemptId))).toHaveLength(2);
  });

  it("is marked by only one of several scorings of the same attempt fired at once", async () => {
    const owner = anonymousOwner(`owner-${randomUUID()}`);
    const attemptId = await dontKnowAttempt(owner, { to: "ai-engineer", answers: 2, finish: false });
    const questionIds = (
      await db.answer.findMany({ where: { attemptId }, orderBy: { position: "asc" } })
    ).map((answer) => answer.questionId);
    // Each scoring carries its own abilities: the answers must end up with one scoring's, both of them.
    const evidence = (scoring: number) =>
      questionIds.map((questionId, index) => ({
        questionId,
        itemHash: `h${index}`,
        abilityOther: scoring,
        abilitySdOther: 1,
        calibrationVersion: null,
        demo: false,
      }));
    const result = { stopReason: "finished", readiness: 0.5, resultJson: "{}", skills: [] };
    await Promise.all(
      Array.from({ length: 8 }, (_, scoring) => saveAttemptResult(attemptId, result, evidence(scoring))),
    );
    const answers = await db.answer.findMany({ where: { attemptId } });
    expect(answers.map((answer) => answer.evidence)).toEqual(["live", "live"]);
    expect(new Set(answers.map((answer) => answer.abilityOther)).size).toBe(1);
    expect((await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).status).toBe("completed");
    // A scoring after completion changes nothing.
    const before = answers[0]?.abilityOther;
    await saveAttemptResult(attemptId, result, evidence(99));
    expect((await db.answer.findFirstOrThrow({ where: { attemptId } })).abilityOther).toBe(before);
  });

  it("gives each answer its own values, however many answers one scoring marks", async () => {
    const owner = anonymousOwner(`owner-${randomUUID()}`);
    const attemptId = await dontKnowAttempt(owner, { to: "ai-engineer", answers: 2, finish: false });
    const [first, second] = await db.answer.findMany({ where: { attemptId }, orderBy: { position: "asc" } });
    const entry = (questionId: string, ability: number) => ({
      questionId,
      itemHash: `hash-of-${questionId}`,
      abilityOther: ability,
      abilitySdOther: ability / 10,
      calibrationVersion: "c9-20261206T0000Z",
      demo: false,
    });
    // The second real answer comes after 300 others, past what one statement carries.
    const filler = Array.from({ length: 300 }, (_, index) => entry(`not-in-this-attempt-${index}`, 9));
    await saveAttemptResult(
      attemptId,
      { stopReason: "finished", readiness: 0.5, resultJson: "{}", skills: [] },
      [entry(first!.questionId, 1.25), ...filler, entry(second!.questionId, -0.5)],
    );
    const marked = await db.answer.findMany({ where: { attemptId }, orderBy: { position: "asc" } });
    expect(
      marked.map(({ evidence, abilityOther, abilitySdOther, itemHash, calibrationVersion }) => ({
        evidence,
        abilityOther,
        abilitySdOther,
        itemHash,
        calibrationVersion,
      })),
    ).toEqual([
      {
        evidence: "live",
        abilityOther: 1.25,
        abilitySdOther: 0.125,
        itemHash: `hash-of-${first!.questionId}`,
        calibrationVersion: "c9-20261206T0000Z",
      },
      {
        evidence: "live",
        abilityOther: -0.5,
        abilitySdOther: -0.05,
        itemHash: `hash-of-${second!.questionId}`,
        calibrationVersion: "c9-20261206T0000Z",
      },
    ]);
  });

  it("outlives the purge of anonymous work and the deletion of the account that gave it", async () => {
    const token = `owner-${randomUUID()}`;
    const anonymous = anonymousOwner(token);
    const person = await createPerson("Leaving");
    const anonymousAttempt = await dontKnowAttempt(anonymous, { to: "ai-engineer", answers: 2 });
    const accountAttempt = await dontKnowAttempt(userOwner(person.id), { to: "ai-engineer", answers: 3 });
    await db.attempt.update({
      where: { id: anonymousAttempt },
      data: { updatedAt: new Date(Date.now() - 120 * DAY) },
    });
    await db.learningPlan.updateMany({
      where: { anonymousTokenHash: createHash("sha256").update(token).digest("hex") },
      data: { updatedAt: new Date(Date.now() - 120 * DAY) },
    });
    const purged = await recordsWrittenBy(() => purgeAnonymousIn(env, 90));
    const deleted = await recordsWrittenBy(() => db.user.delete({ where: { id: person.id } }));
    expect(await db.attempt.count({ where: { id: { in: [anonymousAttempt, accountAttempt] } } })).toBe(0);
    expect(await db.answer.count({ where: { attemptId: { in: [anonymousAttempt, accountAttempt] } } })).toBe(
      0,
    );
    expect(purged).toHaveLength(2);
    expect(deleted).toHaveLength(3);
  });

  it("never records twice an answer scored before evidence was kept on answers (its record was written then)", async () => {
    const owner = anonymousOwner(`owner-${randomUUID()}`);
    const attemptId = await dontKnowAttempt(owner, { to: "ai-engineer", answers: 2 });
    // As the migration leaves an attempt scored earlier: its answers carry no evidence mark.
    await db.answer.updateMany({
      where: { attemptId },
      data: { evidence: null, abilityOther: null, abilitySdOther: null },
    });
    expect(await recordsWrittenBy(() => deleteAttempt(attemptId))).toHaveLength(0);
  });

  it("marks the answers of demo teams as demo, in the attempt and in the record", async () => {
    const person = await createPerson("Demo person");
    const created = await createTeam(
      person.id,
      { name: `Demo ${randomUUID()}`, targetRoleId: "ai-engineer" },
      { isDemo: true },
    );
    if (!created.ok) throw new Error("team not created");
    const attemptId = await dontKnowAttempt(userOwner(person.id), {
      to: "ai-engineer",
      answers: 2,
      context: { teamId: created.teamId },
    });
    expect((await db.answer.findMany({ where: { attemptId } })).map((answer) => answer.evidence)).toEqual([
      "demo",
      "demo",
    ]);
    const records = await recordsWrittenBy(() => deleteAttempt(attemptId));
    expect(records.map((record) => record.demo)).toEqual([true, true]);
  });
});

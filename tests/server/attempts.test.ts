import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import {
  answerWriteStatements,
  answerWriteValues,
  createAttempt,
  findOwnedAttempt,
  findOwnedAttemptWithAnswers,
  listAnswers,
  recordAnswerAndAdvance,
  recordAnswerIfUnchanged,
  type NewAnswer,
} from "@/server/attempts";
import { db } from "@/server/db";
import { anonymousOwner, userOwner, type Owner } from "@/server/identity/owner";
import { createPerson } from "../factories/people";
import { onPostgres } from "../support/postgres";

/**
 * The answer path's own statements (attempts.ts): raw SQL with one variant per database, so each
 * is checked against what Prisma's generated queries read and write on the same rows.
 */
const originalTimeZone = process.env.TZ;
afterEach(() => {
  if (originalTimeZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalTimeZone;
});

async function newAttempt(owner: Owner, currentQuestionId: string | null = "q-1") {
  return createAttempt({
    owner,
    currentRoleId: "data-scientist",
    targetRoleId: "ai-engineer",
    contentHash: "c".repeat(64),
    engineSeed: 1234567,
    budget: 20,
    hoursPerWeek: 6,
    timeZone: "Europe/Berlin",
    currentQuestionId,
    seenQuestionIds: new Set(["seen-a", "seen-b"]),
    selfRatingStep: "offered",
    selfRatingModel: { biasMean: 0.3, biasSd: 0.7, noiseSd: 0.8 },
    calibrationVersion: null,
  });
}

function answerTo(attemptId: string, questionId: string, position: number, isCorrect = true): NewAnswer {
  return {
    attemptId,
    questionId,
    skillId: "python",
    chosenOptionIds: isCorrect ? ["right"] : ["wrong"],
    isDontKnow: false,
    isCorrect,
    position,
    difficulty: -1.35,
    discrimination: 1.3,
    guessing: 0.05,
    msOnItem: 4000 + position,
    itemHash: `hash-${questionId}`,
  };
}

const currentQuestion = async (attemptId: string) =>
  (await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).currentQuestionId;

describe("reading an attempt with its answers", () => {
  it("returns exactly what Prisma's queries return, in position order, whatever the process's time zone", async () => {
    // Timestamps are stored as UTC wall time without a zone; a reader in local time shifts them.
    process.env.TZ = "America/New_York";
    const owner = anonymousOwner(`owner-${randomUUID()}`);
    const attempt = await newAttempt(owner);
    for (const position of [3, 1, 2])
      await db.answer.create({
        data: {
          ...answerTo(attempt.id, `q-${position}`, position, position !== 2),
          chosenOptionIds: JSON.stringify([`option-${position}`]),
          isDontKnow: position === 3,
        },
      });
    const found = await findOwnedAttemptWithAnswers(attempt.id, owner);
    expect(found).toEqual({
      attempt: await findOwnedAttempt(attempt.id, owner),
      answers: await listAnswers(attempt.id),
      selfRatings: [],
    });
    expect(found?.answers.map((row) => row.position)).toEqual([1, 2, 3]);
    expect(found?.answers.map((row) => [row.msOnItem, row.itemHash])).toEqual([
      [4001, "hash-q-1"],
      [4002, "hash-q-2"],
      [4003, "hash-q-3"],
    ]);
    expect(found?.answers[0]?.difficulty).toBe(-1.35);
    expect(found?.attempt.createdAt.getTime()).toBe(attempt.createdAt.getTime());
  });

  it("returns an attempt without answers with an empty list", async () => {
    const owner = anonymousOwner(`owner-${randomUUID()}`);
    const attempt = await newAttempt(owner, null);
    expect(await findOwnedAttemptWithAnswers(attempt.id, owner)).toEqual({
      attempt: await findOwnedAttempt(attempt.id, owner),
      answers: [],
      selfRatings: [],
    });
  });

  it("returns the self-ratings in skill order once the step is done, and none while it is only offered", async () => {
    const owner = anonymousOwner(`owner-${randomUUID()}`);
    const attempt = await newAttempt(owner);
    await db.selfRating.createMany({
      data: [
        { attemptId: attempt.id, skillId: "python", level: 3 },
        { attemptId: attempt.id, skillId: "llm-apps", level: null },
        { attemptId: attempt.id, skillId: "evaluation", level: 0 },
      ],
    });
    expect((await findOwnedAttemptWithAnswers(attempt.id, owner))?.selfRatings).toEqual([]);
    await db.attempt.update({ where: { id: attempt.id }, data: { selfRatingStep: "done" } });
    const found = await findOwnedAttemptWithAnswers(attempt.id, owner);
    expect(found?.selfRatings).toEqual([
      { skillId: "evaluation", level: 0 },
      { skillId: "llm-apps", level: null },
      { skillId: "python", level: 3 },
    ]);
    expect(found?.attempt).toEqual(await findOwnedAttempt(attempt.id, owner));
  });

  it("finds nothing for another owner, an anonymous token on a signed-in person's attempt, or an unknown id", async () => {
    const user = await createPerson();
    const owner = userOwner(user.id);
    const attempt = await newAttempt(owner);
    expect((await findOwnedAttemptWithAnswers(attempt.id, owner))?.attempt.id).toBe(attempt.id);
    expect(await findOwnedAttemptWithAnswers(attempt.id, userOwner("someone-else"))).toBeNull();
    expect(await findOwnedAttemptWithAnswers(attempt.id, anonymousOwner(user.id))).toBeNull();
    expect(await findOwnedAttemptWithAnswers(attempt.id, null)).toBeNull();
    expect(await findOwnedAttemptWithAnswers(`missing-${randomUUID()}`, owner)).toBeNull();
  });
});

describe("storing an answer and moving on", () => {
  it("stores the answer, stamped now, and moves the attempt to the next question", async () => {
    process.env.TZ = "Asia/Kolkata";
    const owner = anonymousOwner(`owner-${randomUUID()}`);
    const attempt = await newAttempt(owner);
    const answer = answerTo(attempt.id, "q-1", 1);
    const before = Date.now();
    const result = await recordAnswerAndAdvance(answer, "q-2");
    const { attemptId: _attempt, ...row } = answer;
    expect(result).toMatchObject({ inserted: true, stored: { ...row, chosenOptionIds: '["right"]' } });
    expect(await listAnswers(attempt.id)).toEqual([result.stored]);
    expect(await currentQuestion(attempt.id)).toBe("q-2");
    const stored = await db.answer.findFirstOrThrow({ where: { attemptId: attempt.id } });
    expect(Math.abs(stored.answeredAt.getTime() - before)).toBeLessThan(60_000);
    // The next question's time on screen starts when the attempt moves to it.
    const moved = await db.attempt.findUniqueOrThrow({ where: { id: attempt.id } });
    expect(moved.questionShownAt?.getTime()).toBeGreaterThanOrEqual(stored.answeredAt.getTime());
    expect(Math.abs((moved.questionShownAt?.getTime() ?? 0) - before)).toBeLessThan(60_000);
    // PostgreSQL reports the moment it wrote, to the millisecond, for the process to remember.
    expect(result.advancedAt).toEqual(onPostgres ? moved.questionShownAt : null);
  });

  it("keeps the first answer and moves nothing when the question was already answered", async () => {
    const owner = anonymousOwner(`owner-${randomUUID()}`);
    const attempt = await newAttempt(owner);
    const first = await recordAnswerAndAdvance(answerTo(attempt.id, "q-1", 1, true), "q-2");
    await db.attempt.update({ where: { id: attempt.id }, data: { currentQuestionId: "q-1" } });
    const again = await recordAnswerAndAdvance(answerTo(attempt.id, "q-1", 1, false), "q-3");
    expect(again).toEqual({ inserted: false, stored: first.stored, advancedAt: null });
    expect(await currentQuestion(attempt.id)).toBe("q-1");
    expect(await db.answer.count({ where: { attemptId: attempt.id } })).toBe(1);
  });

  it("stores but does not move an attempt that is on another question or no longer in progress", async () => {
    const owner = anonymousOwner(`owner-${randomUUID()}`);
    const moved = await newAttempt(owner, "q-5");
    expect(await recordAnswerAndAdvance(answerTo(moved.id, "q-1", 1), "q-2")).toMatchObject({
      inserted: true,
      advancedAt: null,
    });
    expect(await currentQuestion(moved.id)).toBe("q-5");
    const finished = await newAttempt(owner);
    await db.attempt.update({ where: { id: finished.id }, data: { status: "completed" } });
    await recordAnswerAndAdvance(answerTo(finished.id, "q-1", 1), "q-2");
    expect(await currentQuestion(finished.id)).toBe("q-1");
  });

  it("stores one of ten different answers fired at once, and every caller gets that one back", async () => {
    const owner = anonymousOwner(`owner-${randomUUID()}`);
    const attempt = await newAttempt(owner);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        recordAnswerAndAdvance(answerTo(attempt.id, "q-1", 1, i % 2 === 0), `q-next-${i}`),
      ),
    );
    expect(results.filter((result) => result.inserted)).toHaveLength(1);
    const winner = results.findIndex((result) => result.inserted);
    const [row] = await listAnswers(attempt.id);
    for (const result of results) expect(result.stored).toEqual(row);
    expect(await currentQuestion(attempt.id)).toBe(`q-next-${winner}`);
  });
});

describe.runIf(onPostgres)("storing an answer only if the attempt is unchanged (PostgreSQL)", () => {
  /** An attempt on q-1 with one answer stored and moved on to q-2: what a snapshot would hold. */
  async function movedOnce(owner: Owner) {
    const attempt = await newAttempt(owner);
    const first = await recordAnswerAndAdvance(answerTo(attempt.id, "q-1", 1), "q-2");
    if (!first.advancedAt) throw new Error("expected the attempt to move on");
    return { attempt, shownAt: first.advancedAt };
  }

  it("stores and moves on exactly as recordAnswerAndAdvance does while the row is as remembered", async () => {
    process.env.TZ = "Pacific/Auckland";
    const user = await createPerson();
    const owner = userOwner(user.id);
    const { attempt, shownAt } = await movedOnce(owner);
    const answer = answerTo(attempt.id, "q-2", 2, false);
    const result = await recordAnswerIfUnchanged(answer, "q-3", owner, shownAt);
    const { attemptId: _attempt, ...row } = answer;
    expect(result).toMatchObject({ inserted: true, stored: { ...row, chosenOptionIds: '["wrong"]' } });
    expect(await listAnswers(attempt.id)).toEqual([expect.anything(), result?.stored]);
    const moved = await db.attempt.findUniqueOrThrow({ where: { id: attempt.id } });
    expect(moved.currentQuestionId).toBe("q-3");
    expect(result?.advancedAt).toEqual(moved.questionShownAt);
  });

  it("writes nothing and returns null when any remembered part of the row differs", async () => {
    const owner = anonymousOwner(`owner-${randomUUID()}`);
    const cases: [string, (id: string) => Promise<unknown>, Owner?][] = [
      ["another owner", async () => undefined, anonymousOwner(`owner-${randomUUID()}`)],
      [
        "claimed into an account",
        async (id) => {
          const person = await createPerson();
          await db.attempt.update({ where: { id }, data: { userId: person.id, anonymousTokenHash: null } });
        },
      ],
      ["finished", (id) => db.attempt.update({ where: { id }, data: { status: "completed" } })],
      ["another question", (id) => db.attempt.update({ where: { id }, data: { currentQuestionId: "q-9" } })],
      ["shown again", (id) => db.attempt.update({ where: { id }, data: { questionShownAt: new Date(0) } })],
      [
        "an unseen answer",
        (id) =>
          db.answer.create({ data: { ...answerTo(id, "q-7", 2), chosenOptionIds: "[]", attemptId: id } }),
      ],
      ["deleted", (id) => db.attempt.delete({ where: { id } })],
    ];
    for (const [, change, asWhom] of cases) {
      const { attempt, shownAt } = await movedOnce(owner);
      await change(attempt.id);
      const count = await db.answer.count({ where: { attemptId: attempt.id } });
      expect(
        await recordAnswerIfUnchanged(answerTo(attempt.id, "q-2", 2), "q-3", asWhom ?? owner, shownAt),
      ).toBeNull();
      expect(await db.answer.count({ where: { attemptId: attempt.id } })).toBe(count);
    }
  });
});

describe.runIf(onPostgres)("an answer's commit (PostgreSQL)", () => {
  /**
   * Runs each of the answer writes for a real attempt inside an explicit transaction on a
   * connection of its own, and reads synchronous_commit before and after its commit.
   */
  async function commitSettings(commit: "fast" | "durable") {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const setting = async () =>
      (await client.query<{ synchronous_commit: string }>("SHOW synchronous_commit")).rows[0]
        ?.synchronous_commit;
    try {
      const seen: { during?: string; after?: string }[] = [];
      const statements = answerWriteStatements(commit);
      for (const [kind, statement] of Object.entries(statements)) {
        const user = kind === "ifUnchangedUser" ? await createPerson() : null;
        const owner = user ? userOwner(user.id) : anonymousOwner(`owner-${randomUUID()}`);
        const attempt = await newAttempt(owner);
        const values = answerWriteValues(
          answerTo(attempt.id, "q-1", 1),
          "q-2",
          new Date().toISOString(),
          kind === "advance" ? undefined : { owner, shownAt: attempt.questionShownAt },
        );
        await client.query("BEGIN");
        const { rows } = await client.query<{ inserted: number }>(statement.text, values);
        const during = await setting();
        await client.query("COMMIT");
        expect(rows[0]?.inserted, kind).toBe(1);
        seen.push({ during, after: await setting() });
      }
      return seen;
    } finally {
      await client.end();
    }
  }

  it("by default does not wait for the WAL flush, for the answer's own transaction only", async () => {
    expect(await commitSettings("fast")).toEqual(Array(3).fill({ during: "off", after: "on" }));
  });

  it("waits for the flush like every other transaction with ANSWER_COMMIT=durable", async () => {
    expect(await commitSettings("durable")).toEqual(Array(3).fill({ during: "on", after: "on" }));
  });
});

import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { env } from "@/env";
import { purgeAnonymousIn } from "@/lib/retention";
import { db } from "@/server/db";

// The purge `npm start` and the server's daily timer run, on whichever database the tests use
// (SQLite, or PostgreSQL under npm run test:server:pg).
describe("retention of anonymous work on the configured database", () => {
  it("deletes unclaimed attempts and plans idle past the period, with their answers, and keeps the rest", async () => {
    const day = 24 * 60 * 60 * 1000;
    const now = new Date();
    const token = randomUUID();
    const user = await db.user.create({
      data: { id: randomUUID(), name: "Ada", email: `${randomUUID()}@example.com` },
    });
    const attempt = (id: string, owner: { userId?: string; anonymousTokenHash?: string }, idleDays: number) =>
      db.attempt.create({
        data: {
          id,
          ...owner,
          targetRoleId: "ai-engineer",
          contentHash: "h",
          engineSeed: 1,
          updatedAt: new Date(now.getTime() - idleDays * day),
        },
      });
    const oldAnonymous = await attempt(randomUUID(), { anonymousTokenHash: token }, 91);
    const recentAnonymous = await attempt(randomUUID(), { anonymousTokenHash: token }, 89);
    const oldClaimed = await attempt(randomUUID(), { userId: user.id }, 400);
    await db.answer.create({
      data: {
        attemptId: oldAnonymous.id,
        questionId: "q",
        skillId: "s",
        chosenOptionIds: "[]",
        isCorrect: false,
        position: 1,
        difficulty: 0,
        discrimination: 1,
        guessing: 0,
      },
    });
    await db.learningPlan.create({
      data: {
        anonymousTokenHash: token,
        targetRoleId: "ai-engineer",
        contentHash: "h",
        hoursPerWeek: 5,
        updatedAt: new Date(now.getTime() - 95 * day),
      },
    });

    const purged = await purgeAnonymousIn(env, 90, now);

    expect(purged).toEqual({ attempts: 1, plans: 1 });
    const left = await db.attempt.findMany({
      where: { id: { in: [oldAnonymous.id, recentAnonymous.id, oldClaimed.id] } },
      select: { id: true },
    });
    expect(left.map((row) => row.id).sort()).toEqual([recentAnonymous.id, oldClaimed.id].sort());
    expect(await db.answer.count({ where: { attemptId: oldAnonymous.id } })).toBe(0);
    expect(await db.learningPlan.count({ where: { anonymousTokenHash: token } })).toBe(0);
  });
});

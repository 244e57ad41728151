import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { env } from "@/env";
import { purgeAnonymousIn } from "@/lib/retention";
import { db } from "@/server/db";
import { TMP_DIR } from "../support/paths";

const run = promisify(execFile);
const DAY = 24 * 60 * 60 * 1000;

// The purge `npm start` and the server's daily timer run, on whichever database the tests use
// (SQLite, or PostgreSQL under npm run test:server:pg).

/** One wrong answer on `attemptId`: what the purge must take with its attempt. */
const wrongAnswer = (attemptId: string) => ({
  attemptId,
  questionId: "q",
  skillId: "s",
  chosenOptionIds: "[]",
  isCorrect: false,
  position: 1,
  difficulty: 0,
  discrimination: 1,
  guessing: 0,
});

describe("retention of anonymous work on the configured database", () => {
  it("deletes unclaimed attempts and plans idle past the period, with their answers and self-ratings, and keeps the rest", async () => {
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
    await db.answer.create({ data: wrongAnswer(oldAnonymous.id) });
    await db.selfRating.create({ data: { attemptId: oldAnonymous.id, skillId: "python", level: 3 } });
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
    expect(await db.selfRating.count({ where: { attemptId: oldAnonymous.id } })).toBe(0);
    expect(await db.learningPlan.count({ where: { anonymousTokenHash: token } })).toBe(0);
  });

  it("lets two instances purge at the same moment: each row is deleted once and both succeed", async () => {
    const now = new Date();
    const old = new Date(now.getTime() - 200 * DAY);
    const token = randomUUID();
    const ids = Array.from({ length: 40 }, () => randomUUID());
    await db.attempt.createMany({
      data: ids.map((id) => ({
        id,
        anonymousTokenHash: token,
        targetRoleId: "ai-engineer",
        contentHash: "h",
        engineSeed: 1,
        updatedAt: old,
      })),
    });
    await db.answer.createMany({ data: ids.map(wrongAnswer) });
    const cutoff = new Date(now.getTime() - 90 * DAY);
    const due = await db.attempt.count({ where: { userId: null, updatedAt: { lt: cutoff } } });
    expect(due).toBeGreaterThanOrEqual(ids.length);

    const barrier = fs.mkdtempSync(path.join(TMP_DIR, "purge-"));
    const purges = await Promise.all(
      [1, 2].map(() =>
        run(
          "npx",
          [
            "tsx",
            "--conditions=react-server",
            "tests/support/purge-worker.ts",
            barrier,
            "2",
            "90",
            now.toISOString(),
          ],
          { env: process.env },
        ),
      ),
    );
    const purged = purges.map(
      (result) => JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "{}") as { attempts: number },
    );
    // Both exited 0 (execFile rejects otherwise) and between them deleted each due attempt once.
    expect(purged[0]!.attempts + purged[1]!.attempts).toBe(due);
    expect(await db.attempt.count({ where: { id: { in: ids } } })).toBe(0);
    expect(await db.answer.count({ where: { attemptId: { in: ids } } })).toBe(0);
  }, 60_000);
});

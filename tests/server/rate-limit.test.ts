import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it, vi } from "vitest";
import type { RateDecision } from "@/domain/rate-limit";
import { db } from "@/server/db";
import {
  RATE_RULES,
  checkRate,
  resetRateLimits,
  sweepRateCounters,
  tooManyRequests,
} from "@/server/rate-limit";
import { TMP_DIR } from "../support/paths";

// Rate-limit counters live in the database (RateCounter) so that every instance and worker counts
// against one limit. Each test uses a rule name of its own, so tests in one worker's database do
// not share counters.
const run = promisify(execFile);
const MINUTE = 60_000;
const NOW = Date.parse("2100-01-01T00:00:00Z");
const newRule = (limit: number, windowSeconds = 60) => ({
  name: `test:${randomUUID().slice(0, 8)}`,
  limit,
  windowSeconds,
});
const allowedIn = (decisions: readonly RateDecision[]) => decisions.filter((d) => d.allowed).length;

/** `hits` checks at once from another process: another instance, with its own connections. */
async function hitFromAnotherInstance(
  rule: { name: string; limit: number; windowSeconds: number },
  subject: string,
  hits: number,
  now: number,
  barrier?: { dir: string; count: number },
): Promise<RateDecision[]> {
  const args = [rule.name, rule.limit, rule.windowSeconds, subject, hits, now].map(String);
  if (barrier) args.push(barrier.dir, String(barrier.count));
  const result = await run(
    "npx",
    ["tsx", "--conditions=react-server", "tests/support/rate-worker.ts", ...args],
    {
      env: process.env,
    },
  );
  return JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "[]") as RateDecision[];
}

describe("rate limits counted in the database", () => {
  it("allows exactly the limit, then answers 429 with Retry-After and logs the refusal", async () => {
    const rule = newRule(5);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    for (let hit = 0; hit < 5; hit++)
      expect(await checkRate([{ rule, subject: "203.0.113.9" }], NOW + hit * 1000)).toEqual({
        allowed: true,
      });
    const refused = await checkRate([{ rule, subject: "203.0.113.9" }], NOW + 10_000);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 50, rule: rule.name });
    expect(warn.mock.calls.map((call) => JSON.parse(String(call[0])) as Record<string, unknown>)).toEqual([
      expect.objectContaining({
        level: "warn",
        event: "rate-limit.refused",
        rule: rule.name,
        retryAfterSeconds: 50,
      }),
    ]);
    warn.mockRestore();
    if (refused.allowed) throw new Error("not refused");
    const response = tooManyRequests(refused);
    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).toBe("50");
    expect(await response.json()).toEqual({
      error: "Too many attempts. Try again in 50 seconds.",
      retryAfterSeconds: 50,
    });
    // Another subject under the same rule has its own count.
    expect(await checkRate([{ rule, subject: "203.0.113.10" }], NOW + 10_000)).toEqual({ allowed: true });
  });

  it("stores a keyed hash of the subject, never the email or address itself", async () => {
    const rule = newRule(3);
    const email = `ada-${randomUUID()}@example.com`;
    await checkRate([{ rule, subject: email }], NOW);
    const rows = await db.rateCounter.findMany({ where: { rule: rule.name } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(rows[0]?.key).not.toContain("ada");
    expect(rows[0]).toMatchObject({ count: 1, endsAt: new Date(NOW + MINUTE) });
  });

  it("lets exactly the limit through when limit + 10 hits arrive at once", async () => {
    const rule = newRule(12);
    const decisions = await Promise.all(
      Array.from({ length: 22 }, () => checkRate([{ rule, subject: "burst" }], NOW)),
    );
    expect(allowedIn(decisions)).toBe(12);
    expect(await db.rateCounter.findMany({ where: { rule: rule.name }, select: { count: true } })).toEqual([
      { count: 22 },
    ]);
  });

  it("shares one count between two instances hitting at the same moment", async () => {
    // Two processes, each with its own Prisma client and connections to the one database, are what
    // two instances (or two workers) are; one client in one process could not show that the count
    // is shared, and on SQLite its single connection would serialize the hits anyway.
    const rule = newRule(15);
    const barrier = { dir: fs.mkdtempSync(path.join(TMP_DIR, "rate-")), count: 2 };
    const [one, two] = await Promise.all([
      hitFromAnotherInstance(rule, "flood", 25, NOW, barrier),
      hitFromAnotherInstance(rule, "flood", 25, NOW, barrier),
    ]);
    expect(one).toHaveLength(25);
    expect(two).toHaveLength(25);
    expect(allowedIn([...(one ?? []), ...(two ?? [])])).toBe(15);
    // And the next hit, from this process, is refused too.
    expect(await checkRate([{ rule, subject: "flood" }], NOW + 1000)).toMatchObject({
      allowed: false,
      retryAfterSeconds: 59,
    });
  }, 60_000);

  it("keeps counting across a restart: a fresh process sees the hits made before it started", async () => {
    const rule = newRule(4, 15 * 60);
    for (let hit = 0; hit < 4; hit++) await checkRate([{ rule, subject: "ada@example.com" }], NOW);
    const [afterRestart] = await hitFromAnotherInstance(rule, "ada@example.com", 1, NOW + 5 * MINUTE);
    expect(afterRestart).toEqual({ allowed: false, retryAfterSeconds: 600, rule: rule.name });
  }, 60_000);

  it("opens a new window once the old one ends, and sweeps the counters of ended windows", async () => {
    const rule = newRule(2);
    const other = newRule(2, 3600);
    for (let hit = 0; hit < 3; hit++) await checkRate([{ rule, subject: "a" }], NOW);
    await checkRate([{ rule: other, subject: "a" }], NOW);
    expect(await checkRate([{ rule, subject: "a" }], NOW + MINUTE - 1)).toMatchObject({
      allowed: false,
      retryAfterSeconds: 1,
    });
    expect(await checkRate([{ rule, subject: "a" }], NOW + MINUTE)).toEqual({ allowed: true });
    expect(await checkRate([{ rule, subject: "a" }], NOW + MINUTE)).toEqual({ allowed: true });
    expect(await checkRate([{ rule, subject: "a" }], NOW + MINUTE)).toMatchObject({ allowed: false });

    const ours = { rule: { in: [rule.name, other.name] } };
    expect(await db.rateCounter.count({ where: ours })).toBe(2);
    await sweepRateCounters(new Date(NOW + 2 * MINUTE - 1));
    expect(await db.rateCounter.count({ where: ours })).toBe(2);
    await sweepRateCounters(new Date(NOW + 2 * MINUTE));
    expect(await db.rateCounter.findMany({ where: ours, select: { rule: true } })).toEqual([
      { rule: other.name },
    ]);
  });

  it("forgets every counter on resetRateLimits (tests)", async () => {
    const rule = newRule(1);
    await checkRate([{ rule, subject: "x" }], NOW);
    expect(await checkRate([{ rule, subject: "x" }], NOW)).toMatchObject({ allowed: false });
    await resetRateLimits();
    expect(await db.rateCounter.count()).toBe(0);
    expect(await checkRate([{ rule, subject: "x" }], NOW)).toEqual({ allowed: true });
  });

  it("counts an invitation request as one hit per address (its cost)", async () => {
    const subject = randomUUID();
    const rule = RATE_RULES.teamInvitesPerUser;
    expect(await checkRate([{ rule, subject, cost: rule.limit }], NOW)).toEqual({ allowed: true });
    expect(await checkRate([{ rule, subject, cost: 1 }], NOW + 3_600_000)).toMatchObject({
      allowed: false,
      retryAfterSeconds: 23 * 3600,
    });
  });
});

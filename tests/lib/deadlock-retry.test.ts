import { describe, expect, it } from "vitest";
import { DEADLOCK_RETRY, isTransientConflict, retryOnConflict } from "@/lib/deadlock-retry";

const deadlock = Object.assign(new Error("Raw query failed. Code: `40P01`. Message: `deadlock detected`"), {
  code: "P2010",
});
const noWait = { wait: async () => {}, random: () => 0 };

describe("retryOnConflict: PostgreSQL's deadlock and serialisation failures are run again", () => {
  it("recognises them from pg (code), from Prisma (meta or message), and nothing else", () => {
    expect(isTransientConflict({ code: "40P01" })).toBe(true);
    expect(isTransientConflict({ code: "40001" })).toBe(true);
    expect(isTransientConflict({ code: "P2010", meta: { code: "40P01" } })).toBe(true);
    expect(isTransientConflict(deadlock)).toBe(true);
    expect(
      isTransientConflict({ code: "23505", message: "duplicate key value violates unique constraint" }),
    ).toBe(false);
    expect(isTransientConflict(new Error("connection refused"))).toBe(false);
    expect(isTransientConflict("40P01")).toBe(false);
    expect(isTransientConflict(null)).toBe(false);
  });

  it("runs the work again after a deadlock and returns what the retry returned", async () => {
    let calls = 0;
    const result = await retryOnConflict(async () => {
      calls++;
      if (calls < 3) throw deadlock;
      return "stored";
    }, noWait);
    expect(result).toBe("stored");
    expect(calls).toBe(3);
  });

  it("throws any other error at once, without running the work again", async () => {
    let calls = 0;
    const failure = new Error("unique constraint failed");
    await expect(
      retryOnConflict(async () => {
        calls++;
        throw failure;
      }, noWait),
    ).rejects.toBe(failure);
    expect(calls).toBe(1);
  });

  it("gives up after a bounded number of tries, with the conflict itself", async () => {
    let calls = 0;
    const waits: number[] = [];
    await expect(
      retryOnConflict(
        async () => {
          calls++;
          throw deadlock;
        },
        { wait: async (ms) => void waits.push(ms), random: () => 0.5 },
      ),
    ).rejects.toBe(deadlock);
    expect(calls).toBe(DEADLOCK_RETRY.attempts);
    // Waits grow, so the two sides do not meet again in step.
    expect(waits).toHaveLength(DEADLOCK_RETRY.attempts - 1);
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThan(waits[i - 1]!);
  });
});

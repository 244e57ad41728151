import { describe, expect, it } from "vitest";
import { isOverdue, moduleCompletion, tally } from "@/domain/cohort/progress";

const row = (userId: string, moduleId: string, dueDate: string, isDone = false, isWaived = false) => ({
  userId,
  moduleId,
  dueDate,
  isDone,
  isWaived,
});

describe("cohort progress", () => {
  it("is overdue only past the due day, not done and not waived", () => {
    expect(isOverdue(row("u", "m", "2026-03-01"), "2026-03-01")).toBe(false);
    expect(isOverdue(row("u", "m", "2026-03-01"), "2026-03-02")).toBe(true);
    expect(isOverdue(row("u", "m", "2026-03-01", true), "2026-03-02")).toBe(false);
    expect(isOverdue(row("u", "m", "2026-03-01", false, true), "2026-03-02")).toBe(false);
  });

  it("tallies per learner and per module, leaving waived rows out", () => {
    const rows = [
      row("a", "m1", "2026-03-01", true),
      row("b", "m1", "2026-03-01"),
      row("a", "m2", "2026-04-01"),
      row("b", "m2", "2026-03-01", false, true),
    ];
    expect(tally(rows, "2026-03-10")).toEqual({ assigned: 3, done: 1, overdue: 1 });
    expect(moduleCompletion(rows, "2026-03-10")).toEqual([
      { moduleId: "m1", tally: { assigned: 2, done: 1, overdue: 1 }, rate: 0.5 },
      { moduleId: "m2", tally: { assigned: 1, done: 0, overdue: 0 }, rate: 0 },
    ]);
  });
});

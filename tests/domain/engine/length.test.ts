import { describe, expect, it } from "vitest";
import { estimateQuizLengths } from "@/domain/engine/length";
import { engineOf } from "./engine-fixtures";

const engine = engineOf();

describe("estimateQuizLengths", () => {
  const lengths = estimateQuizLengths(engine, [8, 15, 30], 12, 3);

  it("states every role's floor as its number of required skills with questions", () => {
    expect(lengths.map((entry) => entry.targetRoleId).sort()).toEqual(engine.graph.roleList.map((role) => role.id).sort());
    expect(lengths.find((entry) => entry.targetRoleId === "test-role")?.required).toBe(8);
  });

  it("keeps every figure between the floor and the budget, ordered low ≤ median ≤ high", () => {
    for (const entry of lengths) {
      for (const [budget, range] of Object.entries(entry.byBudget)) {
        expect(range.low).toBeGreaterThanOrEqual(Math.min(entry.required, Number(budget)));
        expect(range.high).toBeLessThanOrEqual(Number(budget));
        expect(range.low).toBeLessThanOrEqual(range.median);
        expect(range.median).toBeLessThanOrEqual(range.high);
      }
      // A budget no larger than the role is spent entirely on coverage.
      if (entry.required >= 8) expect(entry.byBudget[8]).toEqual({ low: 8, median: 8, high: 8 });
    }
  });

  it("is the same for the same seed", () => {
    expect(estimateQuizLengths(engine, [8, 15, 30], 12, 3)).toEqual(lengths);
  });
});

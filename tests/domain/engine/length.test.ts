import { describe, expect, it } from "vitest";
import { estimateQuizLengths } from "@/domain/engine/length";
import { engineOf } from "./engine-fixtures";

const engine = engineOf();

describe("estimateQuizLengths", () => {
  const lengths = estimateQuizLengths(engine, [8, 15, 30], 12, 3);

  it("states every role's floor as its number of required skills with questions", () => {
    expect(lengths.map((entry) => entry.targetRoleId).sort()).toEqual(
      engine.graph.roleList.map((role) => role.id).sort(),
    );
    expect(lengths.find((entry) => entry.targetRoleId === "test-role")?.required).toBe(8);
  });

  it("keeps the mean between the floor and the budget and the two shares between 0 and 1", () => {
    for (const entry of lengths) {
      for (const [budget, figures] of Object.entries(entry.byBudget)) {
        expect(figures.mean).toBeGreaterThanOrEqual(Math.min(entry.required, Number(budget)));
        expect(figures.mean).toBeLessThanOrEqual(Number(budget));
        for (const share of [figures.nearFloor, figures.atBudget])
          expect(share >= 0 && share <= 1).toBe(true);
      }
      // A budget no larger than the role is spent entirely on coverage.
      if (entry.required >= 8) expect(entry.byBudget[8]).toEqual({ mean: 8, nearFloor: 1, atBudget: 1 });
    }
  });

  it("is the same for the same seed", () => {
    expect(estimateQuizLengths(engine, [8, 15, 30], 12, 3)).toEqual(lengths);
  });
});

import { describe, expect, it } from "vitest";
import { describeChance, chanceTone } from "@/components/results/chance";
import { belowTarget, chanceOf, meetsTarget, MEETS_THRESHOLD, verdictOf } from "@/domain/engine/verdict";

describe("whether a skill meets its target", () => {
  it("calls 'meets' from P(meets) = ½ up, and a gap below it", () => {
    expect(MEETS_THRESHOLD).toBe(0.5);
    expect([0, 0.49, 0.5, 0.51, 1].map(meetsTarget)).toEqual([false, false, true, true, true]);
    expect([0, 0.49, 0.5, 0.51, 1].map(belowTarget)).toEqual([true, true, false, false, false]);
  });

  it("makes no call without an estimate: neither met nor a gap", () => {
    for (const missing of [null, undefined]) {
      expect(meetsTarget(missing)).toBe(false);
      expect(belowTarget(missing)).toBe(false);
    }
  });
});

describe("the bands of a probability", () => {
  it("puts each cut-off where decision 004 says", () => {
    expect([1, 0.9, 0.89, 0.7, 0.69, 0.31, 0.3, 0.11, 0.1, 0].map(chanceOf)).toEqual([
      "very-likely",
      "very-likely",
      "likely",
      "likely",
      "undecided",
      "undecided",
      "unlikely",
      "unlikely",
      "very-unlikely",
      "very-unlikely",
    ]);
  });

  it("reads readiness as ready from 0.7, not yet at 0.3 and below, and undecided in between", () => {
    expect([0.95, 0.7, 0.69, 0.5, 0.31, 0.3, 0].map(verdictOf)).toEqual([
      "ready",
      "ready",
      "uncertain",
      "uncertain",
      "uncertain",
      "not-yet",
      "not-yet",
    ]);
  });

  it("gives the results page's words and colours from the same bands", () => {
    expect([0.95, 0.7, 0.5, 0.2, 0.05].map((p) => describeChance(p))).toEqual([
      "Very likely meets",
      "Likely meets",
      "Too close to call",
      "Likely below",
      "Very likely below",
    ]);
    expect([0.7, 0.69, 0.3].map(chanceTone)).toEqual(["bg-emerald-600", "bg-amber-500", "bg-rose-600"]);
  });
});

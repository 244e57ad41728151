import { describe, expect, it } from "vitest";
import { DEFAULT_USE_POLICY, isUsable } from "@/domain/calibration";
import { describeNotUsed, DRIFT_WORDS, notUsedReasons, parseDrift } from "@/domain/calibration/explain";

const usable = { n: 250, difficultySe: 0.2, discrimination: 1.2, discriminationSe: 0.3 };
const policy = { ...DEFAULT_USE_POLICY, minResponses: 200 };

describe("why a set does not use an item", () => {
  it("names nothing for an item the set uses, and each failed threshold otherwise", () => {
    expect(notUsedReasons(usable, policy)).toEqual([]);
    expect(notUsedReasons({ ...usable, n: 199 }, policy)).toEqual(["responses"]);
    expect(notUsedReasons({ ...usable, difficultySe: 0.36 }, policy)).toEqual(["difficulty-se"]);
    expect(notUsedReasons({ ...usable, discriminationSe: 0.61 }, policy)).toEqual(["discrimination-se"]);
    expect(
      notUsedReasons({ n: 12, difficultySe: 0.9, discrimination: 0.4, discriminationSe: 0.5 }, policy),
    ).toEqual(["responses", "difficulty-se", "discrimination-se"]);
  });

  it("agrees with isUsable on every combination, under the set's own thresholds", () => {
    const strict = { minResponses: 500, maxDifficultySe: 0.2, maxRelativeDiscriminationSe: 0.25 };
    for (const n of [10, 200, 499, 500, 900])
      for (const difficultySe of [0.1, 0.2, 0.21, 0.35, 0.5])
        for (const discriminationSe of [0.1, 0.3, 0.6, 0.61, 1]) {
          const estimate = { n, difficultySe, discrimination: 1.2, discriminationSe };
          for (const bounds of [policy, strict])
            expect(notUsedReasons(estimate, bounds).length === 0).toBe(isUsable(estimate, bounds));
        }
  });

  it("says each reason with the item's figure and the set's bound", () => {
    expect(describeNotUsed("responses", { ...usable, n: 40 }, policy)).toBe(
      "too few responses (40 of the 200 the set requires)",
    );
    expect(describeNotUsed("difficulty-se", { ...usable, difficultySe: 0.5 }, policy)).toContain(
      "0.50 is above the set's bound of 0.35",
    );
    expect(describeNotUsed("discrimination-se", { ...usable, discriminationSe: 0.9 }, policy)).toContain(
      "0.90 is above the set's bound of 0.60",
    );
  });
});

describe("the stored drift column", () => {
  it("reads the reasons a set wrote, and nothing from anything else", () => {
    expect(parseDrift('["difficulty","discrimination"]')).toEqual(["difficulty", "discrimination"]);
    expect(parseDrift("[]")).toEqual([]);
    expect(parseDrift('["guessing", 3]')).toEqual([]);
    expect(parseDrift("not json")).toEqual([]);
    expect(parseDrift('{"difficulty":true}')).toEqual([]);
    expect(DRIFT_WORDS.difficulty).toMatch(/more than 0.5 logits/);
  });
});

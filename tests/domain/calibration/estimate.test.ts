import { describe, expect, it } from "vitest";
import {
  calibrateItem,
  calibrateResponses,
  DEFAULT_USE_POLICY,
  driftReasons,
  isUsable,
  type CalibrationResponse,
} from "@/domain/calibration";
import type { ItemParameters } from "@/domain/engine/model";
import { createRandom, type Random } from "@/domain/engine/random";

/**
 * Responses to an item with known true parameters from people whose ability is known only as the
 * engine knows it: a posterior N(mean, sd²) from their other answers, the truth drawn from it.
 */
function simulate(
  truth: ItemParameters,
  count: number,
  random: Random,
  { sd = 0.7, spread = 1, center = 0, dontKnowShare = 0 } = {},
): CalibrationResponse[] {
  return Array.from({ length: count }, () => {
    const abilityMean = center + spread * random.normal();
    const theta = abilityMean + sd * random.normal();
    if (random.next() < dontKnowShare) {
      // "I don't know" from someone who does not know the answer: no guessing floor.
      const known = 1 / (1 + Math.exp(-truth.discrimination * (theta - truth.difficulty)));
      const knows = random.next() < known;
      return { isCorrect: knows, isDontKnow: !knows, abilityMean, abilitySd: sd };
    }
    const p =
      truth.guessing +
      (1 - truth.guessing) / (1 + Math.exp(-truth.discrimination * (theta - truth.difficulty)));
    return { isCorrect: random.next() < p, isDontKnow: false, abilityMean, abilitySd: sd };
  });
}

const nominal: ItemParameters = { difficulty: 0.5, discrimination: 1.3, guessing: 0.25 };

describe("calibrateItem: fixed-parameter marginal MAP", () => {
  it("recovers known difficulty and discrimination within three standard errors", () => {
    const random = createRandom(11);
    for (const truth of [
      { difficulty: 1.3, discrimination: 1.3, guessing: 0.25 },
      { difficulty: -0.4, discrimination: 0.8, guessing: 0.25 },
      { difficulty: 0.2, discrimination: 2.0, guessing: 0.05 },
    ]) {
      const estimate = calibrateItem(simulate(truth, 4000, random), { ...nominal, guessing: truth.guessing });
      expect(Math.abs(estimate.difficulty - truth.difficulty)).toBeLessThan(3 * estimate.difficultySe);
      expect(Math.abs(estimate.discrimination - truth.discrimination)).toBeLessThan(
        3 * estimate.discriminationSe,
      );
      expect(estimate.guessing).toBe(truth.guessing);
      expect(estimate.n).toBe(4000);
    }
  });

  it("integrates over the ability's uncertainty: plugging in the posterior mean flattens the item", () => {
    const truth = { difficulty: 0.5, discrimination: 1.6, guessing: 0.25 };
    const responses = simulate(truth, 10000, createRandom(12), { sd: 0.8 });
    const integrated = calibrateItem(responses, nominal);
    const pluggedIn = calibrateItem(
      responses.map((response) => ({ ...response, abilitySd: 0 })),
      nominal,
    );
    expect(Math.abs(integrated.discrimination - truth.discrimination)).toBeLessThan(
      3 * integrated.discriminationSe,
    );
    // The mean is a noisy ability, so the curve against it is flatter: attenuation of a.
    expect(pluggedIn.discrimination).toBeLessThan(truth.discrimination - 5 * pluggedIn.discriminationSe);
  });

  it("standard errors are honest: about 95 % of ±1.96 SE intervals cover the truth", () => {
    const truth = { difficulty: 1.0, discrimination: 1.1, guessing: 0.25 };
    const random = createRandom(13);
    let covered = 0;
    const reps = 40;
    for (let rep = 0; rep < reps; rep++) {
      const estimate = calibrateItem(simulate(truth, 800, random), nominal);
      if (Math.abs(estimate.difficulty - truth.difficulty) <= 1.96 * estimate.difficultySe) covered++;
    }
    expect(covered / reps).toBeGreaterThan(0.85);
  }, 60_000);

  it("few responses move an item little; many move it to where the data put it", () => {
    const truth = { difficulty: 1.8, discrimination: 1.3, guessing: 0.25 };
    const random = createRandom(14);
    const few = calibrateItem(simulate(truth, 10, random), nominal);
    const many = calibrateItem(simulate(truth, 3000, random), nominal);
    expect(Math.abs(few.difficulty - nominal.difficulty)).toBeLessThan(0.6);
    expect(few.difficultySe).toBeGreaterThan(0.4);
    expect(Math.abs(many.difficulty - truth.difficulty)).toBeLessThan(0.25);
    expect(many.difficultySe).toBeLessThan(few.difficultySe / 3);
  });

  it("no responses leave the nominal parameters, with the prior's uncertainty", () => {
    const estimate = calibrateItem([], nominal);
    expect(estimate.difficulty).toBeCloseTo(nominal.difficulty, 9);
    expect(estimate.discrimination).toBeCloseTo(nominal.discrimination, 9);
    expect(estimate.difficultySe).toBeCloseTo(0.7, 6);
    expect(estimate.n).toBe(0);
  });

  it("reads “I don't know” as a wrong answer without the guessing floor: the same evidence as a wrong one", () => {
    // Under the 3PL, P(wrong) = (1 − c)(1 − σ) is proportional to P(don't know) = 1 − σ, so as a
    // function of (b, a) the two carry the same evidence; a right answer carries different evidence.
    const responses = simulate(nominal, 400, createRandom(15));
    const asDontKnow = responses.map((response) =>
      response.isCorrect ? response : { ...response, isDontKnow: true },
    );
    const wrong = calibrateItem(responses, nominal);
    const dontKnow = calibrateItem(asDontKnow, nominal);
    expect(dontKnow.difficulty).toBeCloseTo(wrong.difficulty, 4);
    expect(dontKnow.discrimination).toBeCloseTo(wrong.discrimination, 4);
    // A "don't know" flagged on a right answer counts as wrong: the item looks harder.
    const allDontKnow = calibrateItem(
      responses.map((response) => ({ ...response, isDontKnow: true })),
      nominal,
    );
    expect(allDontKnow.difficulty).toBeGreaterThan(wrong.difficulty + 0.5);
  });

  it("refuses a nominal discrimination that is not positive", () => {
    expect(() => calibrateItem([], { ...nominal, discrimination: 0 })).toThrow(/positive/);
  });
});

describe("drift flags", () => {
  it("lists an item whose difficulty moved credibly more than 0.5, and not one that moved on noise", () => {
    expect(
      driftReasons(nominal, {
        difficulty: 1.4,
        discrimination: 1.2,
        difficultySe: 0.25,
        discriminationSe: 0.3,
      }),
    ).toEqual(["difficulty"]);
    // Past 0.5, but within one SE of a move that would not matter.
    expect(
      driftReasons(nominal, {
        difficulty: 1.1,
        discrimination: 1.2,
        difficultySe: 0.4,
        discriminationSe: 0.3,
      }),
    ).toEqual([]);
    expect(
      driftReasons(nominal, {
        difficulty: 0.9,
        discrimination: 1.2,
        difficultySe: 0.05,
        discriminationSe: 0.3,
      }),
    ).toEqual([]);
  });

  it("lists an item that may measure almost nothing (0.3 within one SE) and credibly less than half its nominal", () => {
    // The estimate leans high for weak items: 0.45 ± 0.2 cannot rule out 0.3 and is below 0.65 at its upper bound.
    expect(
      driftReasons(nominal, {
        difficulty: 0.5,
        discrimination: 0.45,
        difficultySe: 0.5,
        discriminationSe: 0.18,
      }),
    ).toEqual(["discrimination"]);
    // Precisely 0.45: it measures, if weakly; not listed.
    expect(
      driftReasons(nominal, {
        difficulty: 0.5,
        discrimination: 0.45,
        difficultySe: 0.5,
        discriminationSe: 0.05,
      }),
    ).toEqual([]);
  });

  it("lists an item whose discrimination fell below 0.3 unless its SE leaves it measuring", () => {
    expect(
      driftReasons(nominal, {
        difficulty: 0.5,
        discrimination: 0.2,
        difficultySe: 0.5,
        discriminationSe: 0.2,
      }),
    ).toEqual(["discrimination"]);
    expect(
      driftReasons(nominal, {
        difficulty: 0.5,
        discrimination: 0.25,
        difficultySe: 0.5,
        discriminationSe: 0.6,
      }),
    ).toEqual([]);
  });

  it("at 250 responses finds most shifted items and rarely flags a sound one", () => {
    const random = createRandom(16);
    let falseFlags = 0;
    let found = 0;
    const reps = 40;
    for (let rep = 0; rep < reps; rep++) {
      const sound = calibrateResponses(
        simulate({ ...nominal, difficulty: nominal.difficulty + 0.2 * random.normal() }, 250, random),
        nominal,
      );
      if (sound.drift.length > 0) falseFlags++;
      const shifted = calibrateResponses(
        simulate({ ...nominal, difficulty: nominal.difficulty - 1 }, 250, random),
        nominal,
      );
      if (shifted.drift.includes("difficulty")) found++;
    }
    expect(falseFlags / reps).toBeLessThanOrEqual(0.05);
    expect(found / reps).toBeGreaterThanOrEqual(0.8);
  }, 60_000);

  it("judges drift only from the responses the engine needs to use the item (200 unless set)", () => {
    const random = createRandom(18);
    // One answer, right, to an item labelled hard: no evidence of anything, nothing listed.
    const one: CalibrationResponse[] = [
      { isCorrect: true, isDontKnow: false, abilityMean: -2, abilitySd: 0.7 },
    ];
    expect(calibrateResponses(one, nominal).drift).toEqual([]);
    expect(calibrateResponses(one, nominal, { minResponses: 1 }).estimate.n).toBe(1);
    // 150 answers to an item two logits easier than its label: listed once 150 are enough.
    const easier = simulate({ ...nominal, difficulty: nominal.difficulty - 2 }, 150, random);
    expect(calibrateResponses(easier, nominal).drift).toEqual([]);
    expect(calibrateResponses(easier, nominal, { minResponses: 150 }).drift).toContain("difficulty");
  });

  it("finds a shift when the people answering bunch near the nominal difficulty, as adaptive selection makes them", () => {
    // Abilities known to ±0.4 and bunched within ±0.25 of the label: the answers fix the chance of
    // a right answer there, not the slope. A free slope trades off against the difficulty and hides
    // a real move in its standard error; the drift judgment keeps the slope plausible.
    const random = createRandom(17);
    const bunched = { sd: 0.4, spread: 0.25, center: nominal.difficulty };
    let falseFlags = 0;
    let found = 0;
    const reps = 30;
    for (let rep = 0; rep < reps; rep++) {
      const sound = calibrateResponses(
        simulate(
          {
            ...nominal,
            difficulty: nominal.difficulty + 0.2 * random.normal(),
            discrimination: nominal.discrimination * (0.6 + random.next()),
          },
          250,
          random,
          bunched,
        ),
        nominal,
      );
      if (sound.drift.includes("difficulty")) falseFlags++;
      const shifted = calibrateResponses(
        simulate(
          { ...nominal, difficulty: nominal.difficulty + 0.8, discrimination: 1.5 },
          250,
          random,
          bunched,
        ),
        nominal,
      );
      if (shifted.drift.includes("difficulty")) found++;
    }
    expect(falseFlags / reps).toBeLessThanOrEqual(0.05);
    expect(found / reps).toBeGreaterThanOrEqual(0.9);
  }, 60_000);
});

describe("isUsable: when the engine takes a calibrated item", () => {
  const good = { n: 250, difficultySe: 0.2, discrimination: 1.2, discriminationSe: 0.3 };
  it("needs the minimum count and standard errors under their bounds", () => {
    expect(isUsable(good)).toBe(true);
    expect(isUsable({ ...good, n: 199 })).toBe(false);
    expect(isUsable({ ...good, difficultySe: DEFAULT_USE_POLICY.maxDifficultySe + 0.01 })).toBe(false);
    expect(isUsable({ ...good, discriminationSe: 0.7 })).toBe(false);
    expect(isUsable({ ...good, n: 50 }, { ...DEFAULT_USE_POLICY, minResponses: 50 })).toBe(true);
  });
});

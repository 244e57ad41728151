import { describe, expect, it } from "vitest";
import { cholesky } from "@/domain/engine/math";
import { priorMean, type ItemParameters } from "@/domain/engine/model";
import {
  applyResponse,
  createPrior,
  forecastOutcomes,
  responseProbability,
  variance,
  type Outcome,
  type Posterior,
} from "@/domain/engine/posterior";
import { createRandom } from "@/domain/engine/random";
import { engineOf, itemOf, skillIndexOf } from "./engine-fixtures";

const engine = engineOf();
const { model, graph } = engine;
const alpha = skillIndexOf(engine, "alpha");
const bravo = skillIndexOf(engine, "bravo");
const charlie = skillIndexOf(engine, "charlie");
/** A four-option single-answer item at level 2 (b = −0.5, c = 0.25). */
const alphaLevel2 = itemOf(engine, "alpha-level-2-0");
const bravoLevel2 = itemOf(engine, "bravo-level-2-0");

function freshPrior(currentRoleId: string | null = null): Posterior {
  return createPrior(model, priorMean(model, graph, currentRoleId));
}

const meanOf = (posterior: Posterior, skill: number) => posterior.mean[skill] as number;

describe("applyResponse on the probed skill", () => {
  it("raises the skill's mean and narrows its uncertainty after a correct answer", () => {
    const prior = freshPrior();
    const after = applyResponse(prior, alpha, alphaLevel2, "correct");
    expect(meanOf(after, alpha)).toBeGreaterThan(meanOf(prior, alpha) + 0.1);
    expect(variance(after, alpha)).toBeLessThan(variance(prior, alpha));
  });

  it("lowers the skill's mean and narrows its uncertainty after a wrong answer", () => {
    const prior = freshPrior();
    const after = applyResponse(prior, alpha, alphaLevel2, "incorrect");
    expect(meanOf(after, alpha)).toBeLessThan(meanOf(prior, alpha) - 0.1);
    expect(variance(after, alpha)).toBeLessThan(variance(prior, alpha));
  });

  it("treats 'I don't know' as an answer that lowers the skill, never more leniently than a wrong answer", () => {
    // Under 3PL a wrong answer's likelihood is (1 − c)(1 − logistic), proportional to the c = 0
    // likelihood used for "I don't know", so the two posteriors coincide: neither gets guessing credit.
    const prior = freshPrior();
    const wrong = applyResponse(prior, alpha, alphaLevel2, "incorrect");
    const dontKnow = applyResponse(prior, alpha, alphaLevel2, "dontKnow");
    expect(meanOf(dontKnow, alpha)).toBeLessThan(meanOf(prior, alpha) - 0.1);
    expect(meanOf(dontKnow, alpha)).toBeLessThanOrEqual(meanOf(wrong, alpha) + 1e-9);
    expect(variance(dontKnow, alpha)).toBeLessThan(variance(prior, alpha));
  });

  it("gives less credit for a correct answer that could have been a guess", () => {
    const prior = freshPrior();
    const base: ItemParameters = { difficulty: -0.5, discrimination: 1.3, guessing: 0 };
    const rises = [0.5, 0.25, 0.05, 0].map(
      (guessing) =>
        meanOf(applyResponse(prior, alpha, { ...base, guessing }, "correct"), alpha) - meanOf(prior, alpha),
    );
    // A two-option guess is worth least; a multiple-answer item (c = 0.05) nearly as much as no guessing at all.
    expect(rises[0]).toBeLessThan(rises[1] as number);
    expect(rises[1]).toBeLessThan(rises[2] as number);
    expect(rises[2]).toBeLessThan(rises[3] as number);
  });

  it("learns more from a correct hard answer than an easy one, unless the hard one was probably a guess", () => {
    const prior = freshPrior();
    const rise = (item: ItemParameters) =>
      meanOf(applyResponse(prior, alpha, item, "correct"), alpha) - meanOf(prior, alpha);
    const multiple = (level: number): ItemParameters => ({
      difficulty: [-1.5, -0.5, 0.5, 1.5][level - 1] as number,
      discrimination: 1.3,
      guessing: 0.05,
    });
    // Multiple-answer items are hard to guess: the harder the item, the more a correct answer says.
    expect(rise(multiple(4))).toBeGreaterThan(rise(multiple(1)));
    // A four-option level-4 item answered right by someone expected near level 1 is most likely a
    // lucky guess (3PL), so it moves them less than a level-1 item they answered right.
    expect(rise(itemOf(engine, "alpha-level-4-0"))).toBeLessThan(rise(itemOf(engine, "alpha-level-1-0")));
    expect(rise(itemOf(engine, "alpha-level-4-0"))).toBeGreaterThan(0);
  });

  it("leaves the posterior it was given untouched", () => {
    const prior = freshPrior();
    const before = { mean: Array.from(prior.mean), covariance: Array.from(prior.covariance) };
    applyResponse(prior, alpha, alphaLevel2, "correct");
    expect(Array.from(prior.mean)).toEqual(before.mean);
    expect(Array.from(prior.covariance)).toEqual(before.covariance);
  });
});

describe("applyResponse across correlated skills", () => {
  it.each<Outcome>(["correct", "incorrect"])(
    "moves a prerequisite the same way as the answered skill, but less (%s)",
    (outcome) => {
      // bravo's prerequisite is alpha: an answer on bravo is weaker evidence about alpha.
      const prior = freshPrior();
      const after = applyResponse(prior, bravo, bravoLevel2, outcome);
      const bravoShift = meanOf(after, bravo) - meanOf(prior, bravo);
      const alphaShift = meanOf(after, alpha) - meanOf(prior, alpha);
      expect(Math.sign(alphaShift)).toBe(Math.sign(bravoShift));
      expect(Math.abs(alphaShift)).toBeGreaterThan(0.05);
      expect(Math.abs(alphaShift)).toBeLessThan(Math.abs(bravoShift));
    },
  );

  it.each<Outcome>(["correct", "incorrect"])(
    "moves a dependant the same way as the answered skill, but less (%s)",
    (outcome) => {
      const prior = freshPrior();
      const after = applyResponse(prior, alpha, alphaLevel2, outcome);
      const alphaShift = meanOf(after, alpha) - meanOf(prior, alpha);
      const bravoShift = meanOf(after, bravo) - meanOf(prior, bravo);
      expect(Math.sign(bravoShift)).toBe(Math.sign(alphaShift));
      expect(Math.abs(bravoShift)).toBeGreaterThan(0.05);
      expect(Math.abs(bravoShift)).toBeLessThan(Math.abs(alphaShift));
    },
  );

  it("moves a directly linked skill more than one linked only through the general factor", () => {
    // alpha → bravo is a prerequisite edge (0.7); alpha and charlie share only the general factor (0.5).
    const prior = freshPrior();
    const after = applyResponse(prior, alpha, alphaLevel2, "correct");
    expect(meanOf(after, bravo) - meanOf(prior, bravo)).toBeGreaterThan(
      meanOf(after, charlie) - meanOf(prior, charlie),
    );
    expect(meanOf(after, charlie)).toBeGreaterThan(meanOf(prior, charlie));
  });
});

describe("the belief after many answers", () => {
  it("keeps the covariance symmetric and positive definite with positive variances after 30 random answers", () => {
    const random = createRandom(2024);
    const outcomes: Outcome[] = ["correct", "incorrect", "dontKnow"];
    let posterior = freshPrior("test-role");
    for (let step = 0; step < 30; step++) {
      const item = model.items[Math.floor(random.next() * model.items.length)];
      if (!item) throw new Error("empty bank");
      posterior = applyResponse(
        posterior,
        item.skillIndex,
        item,
        outcomes[Math.floor(random.next() * 3)] as Outcome,
      );
    }
    const { n, covariance } = posterior;
    for (let i = 0; i < n; i++) {
      expect(covariance[i * n + i]).toBeGreaterThan(0);
      expect(covariance[i * n + i]).toBeLessThan(1);
      for (let j = 0; j < i; j++)
        expect(Math.abs((covariance[i * n + j] as number) - (covariance[j * n + i] as number))).toBeLessThan(
          1e-12,
        );
    }
    expect(cholesky(covariance, n, 0)).toBeDefined();
    expect(Array.from(posterior.mean).every(Number.isFinite)).toBe(true);
  });

  it("forecasts a higher chance of a correct answer for a stronger person", () => {
    const weak = forecastOutcomes(-1.5, 0.5, alphaLevel2).pCorrect;
    const strong = forecastOutcomes(1.5, 0.5, alphaLevel2).pCorrect;
    expect(strong).toBeGreaterThan(weak);
    // Even a very weak person can guess a four-option item.
    expect(forecastOutcomes(-6, 0.01, alphaLevel2).pCorrect).toBeGreaterThan(0.24);
    expect(responseProbability(-0.5, alphaLevel2)).toBeCloseTo(0.25 + 0.75 / 2, 10);
  });
});

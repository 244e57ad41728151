import { describe, expect, it } from "vitest";
import { attemptPrior, replayAttempt, type AttemptSpec } from "@/domain/engine/assess";
import { probabilityMeets } from "@/domain/engine/decision";
import { createPrior, type Posterior } from "@/domain/engine/posterior";
import { priorMean } from "@/domain/engine/model";
import {
  biasPosterior,
  conditionOnSelfRatings,
  isSelfRatingLevel,
  SELF_RATING_DEFAULTS,
  selfRatingTheta,
  type SelfRating,
  type SelfRatingModel,
} from "@/domain/engine/self-rating";
import type { EngineItem } from "@/domain/engine/model";
import type { Outcome } from "@/domain/engine/posterior";
import { createRandom } from "@/domain/engine/random";
import {
  ratingLevel,
  simulateSelfRatings,
  type ReportingWorld,
} from "../../../scripts/lib/engine-bench/world";
import { engineOf, simulateAttempt, skillIndexOf } from "./engine-fixtures";

const engine = engineOf();
const spec: AttemptSpec = { currentRoleId: null, targetRoleId: "test-role", seed: 7 };
const model: SelfRatingModel = { biasMean: 0.3, biasSd: 0.4, noiseSd: 0.7 };

// ---- An independent exact computation: the whole (n+1)-dimensional joint, one direct solve. ----

/** Solves A X = B for a general square A (Gaussian elimination with partial pivoting). */
function solve(a: number[][], b: number[][]): number[][] {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...(b[i] as number[])]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = m[r]![col]! / m[col]![col]!;
      for (let c = col; c < m[r]!.length; c++) m[r]![c]! -= factor * m[col]![c]!;
    }
  }
  return m.map((row, i) => row.slice(n).map((value) => value / row[i]!));
}

/**
 * Joint of x = (θ, β) and observations y = H x + ε, conditioned on y by the textbook formula
 * μ + P Hᵀ S⁻¹ (y − H μ), P − P Hᵀ S⁻¹ H P with S = H P Hᵀ + R.
 */
function exactCondition(
  mean: number[],
  cov: number[][],
  rows: { h: number[]; y: number; noise: number }[],
): { mean: number[]; cov: number[][] } {
  const d = mean.length;
  const PHt = cov.map((row) => rows.map(({ h }) => row.reduce((sum, value, j) => sum + value * h[j]!, 0)));
  const S = rows.map(({ h }, a) =>
    rows.map(
      (other, b) => h.reduce((sum, value, i) => sum + value * PHt[i]![b]!, 0) + (a === b ? other.noise : 0),
    ),
  );
  const residual = rows.map(({ h, y }) => [y - h.reduce((sum, value, i) => sum + value * mean[i]!, 0)]);
  const gainTimesResidual = solve(S, residual);
  const SinvHP = solve(
    S,
    rows.map((_, a) => Array.from({ length: d }, (__, j) => PHt[j]![a]!)),
  );
  return {
    mean: mean.map(
      (value, i) => value + rows.reduce((sum, _, a) => sum + PHt[i]![a]! * gainTimesResidual[a]![0]!, 0),
    ),
    cov: cov.map((row, i) =>
      row.map((value, j) => value - rows.reduce((sum, _, a) => sum + PHt[i]![a]! * SinvHP[a]![j]!, 0)),
    ),
  };
}

function augmentedJoint(prior: Posterior, parameters: SelfRatingModel) {
  const n = prior.n;
  const mean = [...prior.mean, parameters.biasMean];
  const cov = Array.from({ length: n + 1 }, (_, i) =>
    Array.from({ length: n + 1 }, (__, j) =>
      i < n && j < n
        ? (prior.covariance[i * n + j] as number)
        : i === n && j === n
          ? parameters.biasSd ** 2
          : 0,
    ),
  );
  return { mean, cov };
}

function ratingRows(ratings: readonly SelfRating[], n: number, parameters: SelfRatingModel) {
  return ratings.map((rating) => {
    const h = new Array<number>(n + 1).fill(0);
    h[skillIndexOf(engine, rating.skillId)] = 1;
    h[n] = 1;
    return { h, y: selfRatingTheta(rating.level), noise: parameters.noiseSd ** 2 };
  });
}

const basePrior = () => createPrior(engine.model, priorMean(engine.model, engine.graph, spec.currentRoleId));

const ratings: SelfRating[] = [
  { skillId: "alpha", level: 3 },
  { skillId: "charlie", level: 1 },
  { skillId: "echo", level: 4 },
  { skillId: "golf", level: 0 },
];

describe("selfRatingTheta: a level on the ability scale", () => {
  it("maps each level to the midpoint of its cut interval, the open-ended ones one level-width beyond the outer cut", () => {
    expect([0, 1, 2, 3, 4].map((level) => selfRatingTheta(level as 0 | 1 | 2 | 3 | 4))).toEqual([
      -2, -1, 0, 1, 2,
    ]);
  });

  it("accepts only the five levels as a rating", () => {
    expect([0, 1, 2, 3, 4].every(isSelfRatingLevel)).toBe(true);
    expect([-1, 5, 2.5, "2", null, undefined].some(isSelfRatingLevel)).toBe(false);
  });
});

describe("conditionOnSelfRatings: the augmented Gaussian update", () => {
  it("equals the exact conditioning of the (n+1)-dimensional joint on the ratings, means and covariances to 1e-9", () => {
    const prior = basePrior();
    const n = prior.n;
    const rated = conditionOnSelfRatings(engine.model, prior, ratings, model);
    const joint = augmentedJoint(prior, model);
    const exact = exactCondition(joint.mean, joint.cov, ratingRows(ratings, n, model));
    for (let i = 0; i < n; i++) {
      expect(rated.prior.mean[i]).toBeCloseTo(exact.mean[i]!, 9);
      expect(rated.biasCovariance[i]).toBeCloseTo(exact.cov[i]![n]!, 9);
      for (let j = 0; j < n; j++) expect(rated.prior.covariance[i * n + j]).toBeCloseTo(exact.cov[i]![j]!, 9);
    }
    expect(rated.biasMean).toBeCloseTo(exact.mean[n]!, 9);
    expect(rated.biasVariance).toBeCloseTo(exact.cov[n]![n]!, 9);
    expect(rated.used).toBe(4);
  });

  it("raises a highly rated skill's P(meets) and lowers a poorly rated one's, and spreads to correlated skills", () => {
    const prior = basePrior();
    const rated = conditionOnSelfRatings(engine.model, prior, [{ skillId: "bravo", level: 4 }], model);
    const bravo = skillIndexOf(engine, "bravo");
    const charlie = skillIndexOf(engine, "charlie");
    expect(probabilityMeets(rated.prior, bravo, 0)).toBeGreaterThan(probabilityMeets(prior, bravo, 0) + 0.2);
    expect(rated.prior.mean[charlie]).toBeGreaterThan(prior.mean[charlie] as number);
    const low = conditionOnSelfRatings(engine.model, prior, [{ skillId: "bravo", level: 0 }], model);
    expect(low.prior.mean[bravo]).toBeLessThan(prior.mean[bravo] as number);
  });

  it("reads ratings for skills the content no longer has as no evidence and names them", () => {
    const prior = basePrior();
    const rated = conditionOnSelfRatings(
      engine.model,
      prior,
      [...ratings, { skillId: "removed-skill", level: 4 }],
      model,
    );
    const without = conditionOnSelfRatings(engine.model, prior, ratings, model);
    expect(rated.ignoredSkills).toEqual(["removed-skill"]);
    expect(Array.from(rated.prior.mean)).toEqual(Array.from(without.prior.mean));
    expect(Array.from(rated.prior.covariance)).toEqual(Array.from(without.prior.covariance));
  });

  it("gives the same belief, bit for bit, whatever order the ratings are stored in", () => {
    const prior = basePrior();
    const first = conditionOnSelfRatings(engine.model, prior, ratings, model);
    const reversed = conditionOnSelfRatings(engine.model, prior, [...ratings].reverse(), model);
    expect(Array.from(reversed.prior.mean)).toEqual(Array.from(first.prior.mean));
    expect(Array.from(reversed.prior.covariance)).toEqual(Array.from(first.prior.covariance));
    expect(reversed.biasMean).toBe(first.biasMean);
  });
});

describe("biasPosterior: the rating bias after the answers", () => {
  it("is the rating-conditioned bias when θ has not moved", () => {
    const rated = conditionOnSelfRatings(engine.model, basePrior(), ratings, model);
    const bias = biasPosterior(rated, rated.prior);
    expect(bias.mean).toBeCloseTo(rated.biasMean, 12);
    expect(bias.sd).toBeCloseTo(Math.sqrt(rated.biasVariance), 12);
  });

  it("matches exact joint conditioning when the evidence about θ is Gaussian", () => {
    // A Gaussian stand-in for answers: y = θ_bravo + N(0, 0.3²) and y = θ_echo + N(0, 0.5²).
    const prior = basePrior();
    const n = prior.n;
    const rated = conditionOnSelfRatings(engine.model, prior, ratings, model);
    const bravo = skillIndexOf(engine, "bravo");
    const echo = skillIndexOf(engine, "echo");
    const unit = (skill: number, d: number) => Array.from({ length: d }, (_, i) => (i === skill ? 1 : 0));
    const answers = [
      { skill: bravo, y: -1.2, noise: 0.09 },
      { skill: echo, y: 1.4, noise: 0.25 },
    ];
    const thetaPrior = {
      mean: Array.from(rated.prior.mean),
      cov: Array.from({ length: n }, (_, i) =>
        Array.from({ length: n }, (__, j) => rated.prior.covariance[i * n + j] as number),
      ),
    };
    const thetaPosterior = exactCondition(
      thetaPrior.mean,
      thetaPrior.cov,
      answers.map((answer) => ({ h: unit(answer.skill, n), y: answer.y, noise: answer.noise })),
    );
    const posterior: Posterior = {
      n,
      mean: Float64Array.from(thetaPosterior.mean),
      covariance: Float64Array.from(thetaPosterior.cov.flat()),
    };
    const joint = augmentedJoint(prior, model);
    const exact = exactCondition(joint.mean, joint.cov, [
      ...ratingRows(ratings, n, model),
      ...answers.map((answer) => ({ h: unit(answer.skill, n + 1), y: answer.y, noise: answer.noise })),
    ]);
    const bias = biasPosterior(rated, posterior);
    expect(bias.mean).toBeCloseTo(exact.mean[n]!, 9);
    expect(bias.sd).toBeCloseTo(Math.sqrt(exact.cov[n]![n]!), 9);
  });
});

/** Answers everything right: the person the highest ratings would describe. */
const allCorrect = (): Outcome => "correct";
const allWrong = (): Outcome => "incorrect";
const requiredSkills = () =>
  engine.graph.roles.get("test-role")?.requires.map((requirement) => requirement.skill) ?? [];

describe("replayAttempt with self-ratings", () => {
  it("without ratings, or with an empty (skipped / all 'not sure') step, is the attempt it always was", () => {
    const plain = simulateAttempt(engine, spec, allCorrect);
    const skipped = simulateAttempt(engine, { ...spec, selfRatings: [], selfRatingModel: model }, allCorrect);
    expect(skipped.asked.map((item) => item.id)).toEqual(plain.asked.map((item) => item.id));
    expect(Array.from(skipped.final.posterior.mean)).toEqual(Array.from(plain.final.posterior.mean));
    expect(Array.from(skipped.final.prior.covariance)).toEqual(Array.from(basePrior().covariance));
    expect(plain.final.selfRatingBias).toBeUndefined();
    expect(skipped.final.selfRatingBias).toBeUndefined();
    expect(skipped.final.ignoredSelfRatings).toEqual([]);
  });

  it("treats ratings of removed skills like removed answers: no evidence, no bias, named as ignored", () => {
    const state = replayAttempt(engine, { ...spec, selfRatings: [{ skillId: "gone", level: 4 }] }, []);
    const plain = replayAttempt(engine, spec, []);
    expect(Array.from(state.prior.mean)).toEqual(Array.from(plain.prior.mean));
    expect(state.next?.id).toBe(plain.next?.id);
    expect(state.selfRatingBias).toBeUndefined();
    expect(state.ignoredSelfRatings).toEqual(["gone"]);
  });

  it("starts from the rating-conditioned prior with the default model when none is given", () => {
    const state = replayAttempt(engine, { ...spec, selfRatings: ratings }, []);
    const rated = conditionOnSelfRatings(engine.model, basePrior(), ratings, SELF_RATING_DEFAULTS);
    expect(Array.from(state.prior.mean)).toEqual(Array.from(rated.prior.mean));
    expect(state.selfRatingBias?.mean).toBeCloseTo(rated.biasMean, 12);
    expect(attemptPrior(engine, { ...spec, selfRatings: ratings }).rated?.used).toBe(4);
  });

  it("still asks every required skill at least once, even when every rating says the top level", () => {
    const topRatings = requiredSkills().map((skillId) => ({ skillId, level: 4 as const }));
    for (const respond of [allCorrect, allWrong]) {
      const attempt = simulateAttempt(engine, { ...spec, selfRatings: topRatings }, respond);
      const asked = new Set(attempt.asked.map((item: EngineItem) => engine.model.skillIds[item.skillIndex]));
      for (const skill of requiredSkills()) expect(asked.has(skill)).toBe(true);
      expect(attempt.final.stop).toBeDefined();
    }
  });

  it("learns that someone who rates everything top but answers wrong rates themselves too high", () => {
    const topRatings = requiredSkills().map((skillId) => ({ skillId, level: 4 as const }));
    const overrated = simulateAttempt(
      engine,
      { ...spec, selfRatings: topRatings, selfRatingModel: model },
      allWrong,
    );
    const before = replayAttempt(engine, { ...spec, selfRatings: topRatings, selfRatingModel: model }, []);
    const bias = overrated.final.selfRatingBias;
    expect(bias).toBeDefined();
    expect(bias!.mean).toBeGreaterThan(before.selfRatingBias!.mean + 0.3);
    expect(bias!.sd).toBeLessThan(before.selfRatingBias!.sd);
  });

  it("gives the same state and next question whatever order ratings and answers are stored in", () => {
    const rated = { ...spec, selfRatings: ratings, selfRatingModel: model };
    const attempt = simulateAttempt(engine, rated, (item, position) =>
      position % 3 === 0 ? "incorrect" : "correct",
    );
    const forward = replayAttempt(engine, rated, attempt.answers.slice(0, 6));
    const backward = replayAttempt(
      engine,
      { ...rated, selfRatings: [...ratings].reverse() },
      attempt.answers.slice(0, 6).reverse(),
    );
    expect(backward.next?.id).toBe(forward.next?.id);
    expect(
      backward.posterior.mean.every(
        (value, i) => Math.abs(value - (forward.posterior.mean[i] as number)) < 1e-6,
      ),
    ).toBe(true);
    expect(backward.selfRatingBias?.mean).toBeCloseTo(forward.selfRatingBias?.mean ?? Number.NaN, 6);
    const again = replayAttempt(engine, rated, attempt.answers.slice(0, 6));
    expect(Array.from(again.posterior.mean)).toEqual(Array.from(forward.posterior.mean));
    expect(again.next?.id).toBe(forward.next?.id);
  });
});

describe("bench:engine's simulated raters (scripts/lib/engine-bench/world.ts)", () => {
  const target = { skillIndexes: [0, 1, 2, 3, 4, 5] };
  const ids = engine.model.skillIds;
  /** Mean of (rated level's midpoint − θ) over many people whose abilities sit mid-interval. */
  function meanOverrating(world: ReportingWorld, theta: number): number {
    const random = createRandom(99, world.length, Math.round(theta * 10));
    let total = 0;
    let count = 0;
    for (let person = 0; person < 4000; person++) {
      const ratings = simulateSelfRatings(
        { currentRoleId: "x", targetRoleId: "y", theta: new Float64Array(ids.length).fill(theta) },
        target,
        ids,
        world,
        random,
      );
      for (const rating of ratings) {
        total += selfRatingTheta(rating.level) - theta;
        count++;
      }
    }
    return total / count;
  }

  it("reports the level whose cut interval holds z, clamped to 0–4", () => {
    expect([-9, -1.51, -1.5, -0.6, -0.5, 0.49, 0.5, 1.49, 1.5, 9].map(ratingLevel)).toEqual([
      0, 0, 1, 1, 2, 2, 3, 3, 4, 4,
    ]);
  });

  it("overrates by about 0.3 when honest and a full level when overconfident; Dunning–Kruger overrates weak skills most", () => {
    expect(meanOverrating("honest", 0)).toBeCloseTo(0.3, 1);
    expect(meanOverrating("overconfident", 0)).toBeCloseTo(1.0, 1);
    expect(meanOverrating("dunningKruger", -1)).toBeGreaterThan(meanOverrating("dunningKruger", 1) + 0.5);
  });
});

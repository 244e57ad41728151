import { describe, expect, it } from "vitest";
import {
  fitPosterior,
  tailProbabilities,
  tiltedMoments,
  type AnswerTerm,
} from "@/domain/engine/expectation-propagation";
import { cholesky } from "@/domain/engine/math";
import { priorMean, type EngineItem } from "@/domain/engine/model";
import { applyResponse, createPrior, type Outcome, type Posterior } from "@/domain/engine/posterior";
import { createRandom, shuffled, type Random } from "@/domain/engine/random";
import { exactOneSkillMoments, importanceSample } from "../../../scripts/lib/engine-bench/exact";
import { engineOf, repoEngine, skillIndexOf } from "./engine-fixtures";

const engine = engineOf();
const { model, graph } = engine;
const n = model.skillIds.length;
const OUTCOMES: readonly Outcome[] = ["correct", "incorrect", "dontKnow"];

const priorFor = (currentRoleId: string | null = null): Posterior =>
  createPrior(model, priorMean(model, graph, currentRoleId));
const term = (item: EngineItem, outcome: Outcome): AnswerTerm => ({
  skill: item.skillIndex,
  parameters: item,
  outcome,
});
const randomPattern = (items: readonly EngineItem[], random: Random) =>
  items.map((item) => term(item, OUTCOMES[Math.floor(random.next() * 3)] as Outcome));

describe("fitPosterior on one skill", () => {
  const alpha = skillIndexOf(engine, "alpha");
  const items = model.itemsBySkill[alpha] ?? [];

  it("equals the exact posterior (EAP by quadrature) on 200 random patterns over all of the skill's items", () => {
    const prior = priorFor();
    const random = createRandom(12);
    for (let p = 0; p < 200; p++) {
      const terms = randomPattern(items, random);
      const fitted = fitPosterior(prior, terms).posterior;
      const exact = exactOneSkillMoments(
        prior.mean[alpha] as number,
        prior.covariance[alpha * n + alpha] as number,
        terms,
      );
      expect(Math.abs((fitted.mean[alpha] as number) - exact.mean)).toBeLessThan(1e-6);
      expect(Math.abs((fitted.covariance[alpha * n + alpha] as number) - exact.variance)).toBeLessThan(1e-6);
    }
  });

  it("gives the same posterior for five random orders of the same answers", () => {
    const prior = priorFor("india-role");
    const random = createRandom(3);
    for (let p = 0; p < 20; p++) {
      const terms = randomPattern(items, random);
      const reference = fitPosterior(prior, terms).posterior;
      for (let order = 0; order < 5; order++) {
        const again = fitPosterior(prior, shuffled(terms, random)).posterior;
        for (let i = 0; i < n; i++) expect(again.mean[i]).toBeCloseTo(reference.mean[i] as number, 9);
      }
    }
  });

  it("holds a wildly inconsistent pattern where the one-pass update drifted by a third of a logit", () => {
    // Right on the hardest items, wrong on the easiest: the old filter depended on the order.
    const prior = priorFor();
    const terms = items.map((item) => term(item, item.level >= 3 ? "correct" : "incorrect"));
    const exact = exactOneSkillMoments(
      prior.mean[alpha] as number,
      prior.covariance[alpha * n + alpha] as number,
      terms,
    );
    let oneOrder = prior;
    let otherOrder = prior;
    for (const entry of terms) oneOrder = applyResponse(oneOrder, alpha, entry.parameters, entry.outcome);
    for (const entry of [...terms].reverse())
      otherOrder = applyResponse(otherOrder, alpha, entry.parameters, entry.outcome);
    expect(Math.abs((oneOrder.mean[alpha] as number) - (otherOrder.mean[alpha] as number))).toBeGreaterThan(
      0.01,
    );
    expect(fitPosterior(prior, terms).posterior.mean[alpha]).toBeCloseTo(exact.mean, 6);
  });

  it("is the single-answer update itself when there is one answer", () => {
    const prior = priorFor();
    const only = items[0] as EngineItem;
    for (const outcome of OUTCOMES) {
      const fitted = fitPosterior(prior, [term(only, outcome)]).posterior;
      const updated = applyResponse(prior, alpha, only, outcome);
      for (let i = 0; i < n; i++) expect(fitted.mean[i]).toBeCloseTo(updated.mean[i] as number, 6);
    }
  });
});

describe("fitPosterior across correlated skills", () => {
  const random = createRandom(99);
  const thirtyAnswers = () =>
    Array.from({ length: 30 }, () =>
      term(
        model.items[Math.floor(random.next() * model.items.length)] as EngineItem,
        OUTCOMES[Math.floor(random.next() * 3)] as Outcome,
      ),
    );

  it("reaches the same fixed point from a warm start as from scratch", () => {
    const prior = priorFor("test-role");
    const terms = thirtyAnswers();
    const cold = fitPosterior(prior, terms);
    const warm = fitPosterior(prior, terms, fitPosterior(prior, terms.slice(0, 20)).sites);
    for (let i = 0; i < n; i++) {
      expect(warm.posterior.mean[i]).toBeCloseTo(cold.posterior.mean[i] as number, 5);
      expect(warm.posterior.covariance[i * n + i]).toBeCloseTo(
        cold.posterior.covariance[i * n + i] as number,
        5,
      );
    }
    expect(cold.passes).toBeLessThan(20);
  });

  it("keeps a symmetric, positive-definite belief with finite means after 30 random answers", () => {
    const { mean, covariance } = fitPosterior(priorFor("test-role"), thirtyAnswers()).posterior;
    for (let i = 0; i < n; i++) {
      expect(covariance[i * n + i]).toBeGreaterThan(0);
      for (let j = 0; j < i; j++)
        expect(Math.abs((covariance[i * n + j] as number) - (covariance[j * n + i] as number))).toBeLessThan(
          1e-9,
        );
    }
    expect(cholesky(covariance, n, 0)).toBeDefined();
    expect(Array.from(mean).every(Number.isFinite)).toBe(true);
  });

  it("agrees with importance sampling from the prior on P(level ≥ L) for every skill within 0.03", () => {
    const prior = priorFor("india-role");
    const terms = thirtyAnswers().slice(0, 15);
    const fitted = fitPosterior(prior, terms).posterior;
    const cuts = [-1.5, -0.5, 0.5, 1.5];
    const sampled = importanceSample(prior, terms, cuts, createRandom(5), { minDraws: 200_000 });
    expect(sampled.ess).toBeGreaterThan(10_000); // effective sample size: the comparison is not noise
    // What results report: each skill's P(level ≥ L), from the tilted marginal where it has answers.
    for (let i = 0; i < n; i++) {
      tailProbabilities(fitted, i, cuts).forEach((estimate, c) => {
        expect(Math.abs(estimate - (sampled.above[i * cuts.length + c] as number))).toBeLessThan(0.03);
      });
    }
  });
});

describe("tiltedMoments", () => {
  it("stays finite for twenty consistent answers far from the cavity", () => {
    const item = { difficulty: 1.5, discrimination: 2, guessing: 0.25 };
    const terms = Array.from({ length: 20 }, (): AnswerTerm => ({
      skill: 0,
      parameters: item,
      outcome: "correct",
    }));
    const moments = tiltedMoments(-2, 0.5, terms);
    expect(moments.mean).toBeGreaterThan(0);
    expect(Number.isFinite(moments.variance) && moments.variance > 0).toBe(true);
  });
});

describe("the real bank", () => {
  it("matches the exact one-skill posterior on every skill with every item answered at random", () => {
    const real = repoEngine();
    const random = createRandom(8);
    const realN = real.model.skillIds.length;
    const prior = createPrior(real.model, priorMean(real.model, real.graph, "data-scientist"));
    real.model.itemsBySkill.forEach((skillItems, skill) => {
      for (let p = 0; p < 20; p++) {
        const terms = randomPattern(skillItems, random);
        const exact = exactOneSkillMoments(
          prior.mean[skill] as number,
          prior.covariance[skill * realN + skill] as number,
          terms,
        );
        expect(
          Math.abs((fitPosterior(prior, terms).posterior.mean[skill] as number) - exact.mean),
        ).toBeLessThan(1e-6);
      }
    });
  });
});

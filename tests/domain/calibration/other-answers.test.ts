import { describe, expect, it } from "vitest";
import { abilitiesFromOtherAnswers } from "@/domain/calibration";
import { fitPosterior, type AnswerTerm } from "@/domain/engine/expectation-propagation";
import { priorMean } from "@/domain/engine/model";
import { createPrior, type Outcome } from "@/domain/engine/posterior";
import { engineOf, skillIndexOf } from "../engine/engine-fixtures";

const engine = engineOf();
const prior = createPrior(engine.model, priorMean(engine.model, engine.graph, null));

function termsOn(skillId: string, outcomes: readonly Outcome[]): AnswerTerm[] {
  const skill = skillIndexOf(engine, skillId);
  const items = engine.model.itemsBySkill[skill] ?? [];
  return outcomes.map((outcome, k) => ({ skill, parameters: items[k % items.length]!, outcome }));
}

function refitWithout(terms: readonly AnswerTerm[], index: number) {
  const { posterior } = fitPosterior(
    prior,
    terms.filter((_, other) => other !== index),
  );
  const skill = terms[index]!.skill;
  return {
    mean: posterior.mean[skill] as number,
    sd: Math.sqrt(posterior.covariance[skill * posterior.n + skill] as number),
  };
}

describe("abilitiesFromOtherAnswers: the engine's belief about a skill without the answer itself", () => {
  it("with answers on one skill equals the posterior refitted without that answer", () => {
    const terms = termsOn("charlie", ["correct", "incorrect", "correct", "dontKnow"]);
    const estimates = abilitiesFromOtherAnswers(prior, terms);
    terms.forEach((_, index) => {
      const exact = refitWithout(terms, index);
      expect(estimates[index]!.mean).toBeCloseTo(exact.mean, 6);
      expect(estimates[index]!.sd).toBeCloseTo(exact.sd, 6);
    });
  });

  it("leaves the answer's own outcome out (it reaches the estimate only through other skills' sites, by < 0.005)", () => {
    const terms = [...termsOn("bravo", ["correct", "incorrect"]), ...termsOn("delta", ["correct"])];
    const flipped = terms.map((term, index) =>
      index === 0 ? { ...term, outcome: "incorrect" as const } : term,
    );
    const [first] = abilitiesFromOtherAnswers(prior, terms);
    const [firstFlipped] = abilitiesFromOtherAnswers(prior, flipped);
    expect(Math.abs(firstFlipped!.mean - first!.mean)).toBeLessThan(0.005);
    expect(Math.abs(firstFlipped!.sd - first!.sd)).toBeLessThan(0.005);
    // The other bravo answer's estimate does see the flip: it is one of *its* other answers.
    const second = abilitiesFromOtherAnswers(prior, terms)[1]!;
    const secondFlipped = abilitiesFromOtherAnswers(prior, flipped)[1]!;
    expect(second.mean - secondFlipped.mean).toBeGreaterThan(0.1);
  });

  it("uses the other skills' evidence through the prior correlations, close to a full refit", () => {
    // charlie answered once: everything known about it comes from its correlated neighbours.
    const terms = [
      ...termsOn("bravo", ["correct", "correct", "correct"]),
      ...termsOn("delta", ["correct", "correct"]),
      ...termsOn("charlie", ["incorrect"]),
    ];
    const estimates = abilitiesFromOtherAnswers(prior, terms);
    const charlie = terms.length - 1;
    const priorSd = Math.sqrt(
      prior.covariance[terms[charlie]!.skill * prior.n + terms[charlie]!.skill] as number,
    );
    expect(estimates[charlie]!.mean).toBeGreaterThan(prior.mean[terms[charlie]!.skill] as number);
    expect(estimates[charlie]!.sd).toBeLessThan(priorSd);
    terms.forEach((_, index) => {
      const exact = refitWithout(terms, index);
      expect(Math.abs(estimates[index]!.mean - exact.mean)).toBeLessThan(0.05);
      expect(Math.abs(estimates[index]!.sd - exact.sd)).toBeLessThan(0.02);
    });
  });

  it("returns nothing for no answers", () => {
    expect(abilitiesFromOtherAnswers(prior, [])).toEqual([]);
  });
});

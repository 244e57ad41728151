import { describe, expect, it } from "vitest";
import {
  decideNextStep,
  isWithheld,
  misclassificationRisk,
  probabilityMeets,
  selectNextItem,
  smoothVerdictCost,
  stopReason,
  readinessRisk,
  uncoveredRequiredSkills,
  verdictCost,
} from "@/domain/engine/decision";
import {
  ENGINE_DEFAULTS,
  levelCut,
  priorMean,
  targetProfile,
  type TargetProfile,
} from "@/domain/engine/model";
import { applyResponse, createPrior, type Posterior } from "@/domain/engine/posterior";
import { createRandom } from "@/domain/engine/random";
import { engineOf, itemOf, simulateAttempt, skillIndexOf } from "./engine-fixtures";

const engine = engineOf();
const { model, graph } = engine;
const alpha = skillIndexOf(engine, "alpha");

const prior = (currentRoleId: string | null = null): Posterior =>
  createPrior(model, priorMean(model, graph, currentRoleId));

/** A role that needs alpha alone at level 2 (content rules forbid such a role; the engine does not care). */
const alphaOnly: TargetProfile = {
  roleId: "alpha-only",
  skillIndexes: [alpha],
  levels: [2],
  cuts: [levelCut(2)],
  weights: [2],
  isCore: [true],
};

function afterCorrectAnswers(count: number, start = prior()): Posterior {
  const items = [
    "alpha-level-2-0",
    "alpha-level-2-1",
    "alpha-level-3-0",
    "alpha-level-3-1",
    "alpha-level-4-0",
    "alpha-level-4-1",
    "alpha-multi",
  ];
  let posterior = start;
  for (const id of items.slice(0, count))
    posterior = applyResponse(posterior, alpha, itemOf(engine, id), "correct");
  return posterior;
}

describe("probabilityMeets and misclassificationRisk", () => {
  it("is one half at the cut and rises with the mean", () => {
    const at = { ...prior(), mean: Float64Array.from(model.skillIds, () => -0.5) };
    expect(probabilityMeets(at, alpha, levelCut(2))).toBeCloseTo(0.5, 6);
    expect(probabilityMeets(prior(), alpha, levelCut(1))).toBeGreaterThan(
      probabilityMeets(prior(), alpha, levelCut(2)),
    );
    expect(probabilityMeets(prior(), alpha, levelCut(0))).toBe(1);
  });

  it("is the mean of min(p, 1 − p) over the required skills, and zero for a role that requires nothing", () => {
    // From −1.0 with SD 1, P(meets level 2 at −0.5) = Φ(−0.5) ≈ 0.3085 for every skill.
    expect(misclassificationRisk(prior(), targetProfile(model, graph, "test-role"))).toBeCloseTo(0.3085, 3);
    expect(
      misclassificationRisk(prior(), {
        ...alphaOnly,
        skillIndexes: [],
        levels: [],
        cuts: [],
        weights: [],
        isCore: [],
      }),
    ).toBe(0);
  });
});

describe("stopReason", () => {
  it("keeps asking while the verdict is uncertain and the budget is not spent", () => {
    expect(stopReason(prior(), alphaOnly, { answered: 0, budget: 30 })).toBeUndefined();
    expect(
      stopReason(prior(), targetProfile(model, graph, "test-role"), { answered: 29, budget: 30 }),
    ).toBeUndefined();
  });

  it("stops at the budget even when still uncertain", () => {
    expect(stopReason(prior(), alphaOnly, { answered: 30, budget: 30 })).toBe("budget");
    expect(stopReason(prior(), alphaOnly, { answered: 5, budget: 5 })).toBe("budget");
  });

  it("stops as confident after consistent correct answers on a small role", () => {
    const posterior = afterCorrectAnswers(6);
    expect(misclassificationRisk(posterior, alphaOnly)).toBeLessThanOrEqual(ENGINE_DEFAULTS.stopRisk);
    expect(stopReason(posterior, alphaOnly, { answered: 6, budget: 30 })).toBe("confident");
  });

  it("respects a stricter risk threshold", () => {
    const posterior = afterCorrectAnswers(2);
    const risk = misclassificationRisk(posterior, alphaOnly);
    expect(
      stopReason(posterior, alphaOnly, { answered: 2, budget: 30, stopRisk: risk, readinessRisk: 0.5 }),
    ).toBe("confident");
    expect(
      stopReason(posterior, alphaOnly, { answered: 2, budget: 30, stopRisk: risk / 2, readinessRisk: 0.5 }),
    ).toBeUndefined();
  });

  it("keeps asking while the role verdict is still undecided, even when per-skill risk is low", () => {
    const posterior = afterCorrectAnswers(2);
    const undecided = readinessRisk(posterior, alphaOnly);
    expect(undecided).toBeGreaterThan(0);
    expect(
      stopReason(posterior, alphaOnly, { answered: 2, budget: 30, stopRisk: 1, readinessRisk: undecided }),
    ).toBe("confident");
    expect(
      stopReason(posterior, alphaOnly, {
        answered: 2,
        budget: 30,
        stopRisk: 1,
        readinessRisk: undecided / 2,
      }),
    ).toBeUndefined();
  });

  it("does not stop on risk while a required skill has never been asked, only at the budget", () => {
    const posterior = afterCorrectAnswers(2);
    expect(
      stopReason(posterior, alphaOnly, {
        answered: 2,
        budget: 30,
        stopRisk: 1,
        readinessRisk: 1,
        uncovered: 1,
      }),
    ).toBeUndefined();
    expect(stopReason(posterior, alphaOnly, { answered: 30, budget: 30, uncovered: 1 })).toBe("budget");
  });

  it("stops a person who answers everything correctly before the budget", () => {
    const attempt = simulateAttempt(
      engine,
      { currentRoleId: null, targetRoleId: "test-role", seed: 7 },
      () => "correct",
    );
    expect(attempt.final.stop).toBe("confident");
    expect(attempt.asked.length).toBeLessThan(ENGINE_DEFAULTS.budget);
    expect(attempt.final.risk).toBeLessThanOrEqual(ENGINE_DEFAULTS.stopRisk);
  });

  it("stops a person who answers nothing correctly before the budget too", () => {
    const attempt = simulateAttempt(
      engine,
      { currentRoleId: "india-role", targetRoleId: "test-role", seed: 7 },
      () => "dontKnow",
    );
    expect(attempt.final.stop).toBe("confident");
    expect(attempt.asked.length).toBeLessThan(ENGINE_DEFAULTS.budget);
  });
});

describe("coverage: every required skill is asked before the risk stop", () => {
  const target = targetProfile(model, graph, "test-role");
  const required = new Set(target.skillIndexes);
  const core = target.skillIndexes.filter((_, k) => target.isCore[k] === true);

  it("lists unasked required skills core first, in the role's order", () => {
    expect(uncoveredRequiredSkills(model, target, new Set())).toEqual([
      ...core,
      ...target.skillIndexes.filter((_, k) => target.isCore[k] !== true),
    ]);
    expect(uncoveredRequiredSkills(model, target, new Set(core))).toEqual(
      target.skillIndexes.filter((_, k) => target.isCore[k] !== true),
    );
    expect(uncoveredRequiredSkills(model, target, required)).toEqual([]);
  });

  it("asks a skill the prior is already sure about: no exemption for the stereotype", () => {
    // Alpha is believed far below its cut with almost no doubt; everything else is settled too.
    const sure = prior();
    const n = model.skillIds.length;
    for (let i = 0; i < n; i++) {
      sure.mean[i] = i === alpha ? -4 : 3;
      for (let j = 0; j < n; j++) sure.covariance[i * n + j] = i === j ? 0.01 : 0;
    }
    expect(misclassificationRisk(sure, target)).toBeLessThan(0.01);
    const answeredSkills = new Set(target.skillIndexes.filter((skill) => skill !== alpha));
    const step = decideNextStep(
      model,
      sure,
      target,
      { answered: answeredSkills.size, answeredSkills, budget: 30 },
      { used: new Set(), random: createRandom(2) },
    );
    expect(step.stop).toBeUndefined();
    expect(step.next?.skillIndex).toBe(alpha);
    expect(step.uncovered).toEqual([alpha]);
  });

  it("asks the core skills first, then the supporting ones, then settles what is still uncertain", () => {
    for (const respond of [
      () => "correct" as const,
      () => "dontKnow" as const,
      (_: unknown, position: number) => (position % 2 === 0 ? ("correct" as const) : ("incorrect" as const)),
    ]) {
      for (const seed of [1, 2, 3]) {
        const attempt = simulateAttempt(
          engine,
          { currentRoleId: "india-role", targetRoleId: "test-role", seed },
          respond,
        );
        const firstAsked: number[] = [];
        for (const item of attempt.asked)
          if (!firstAsked.includes(item.skillIndex)) firstAsked.push(item.skillIndex);
        expect(new Set(firstAsked)).toEqual(required);
        // The first |required| questions cover every required skill, core ones before supporting ones.
        const opening = attempt.asked.slice(0, required.size).map((item) => item.skillIndex);
        expect(new Set(opening)).toEqual(required);
        expect(opening.slice(0, core.length).every((skill) => core.includes(skill))).toBe(true);
        expect(attempt.asked.length).toBeGreaterThanOrEqual(required.size);
      }
    }
  });

  it("spends a budget no larger than the role on one question per required skill", () => {
    const attempt = simulateAttempt(
      engine,
      { currentRoleId: null, targetRoleId: "test-role", seed: 5, budget: required.size },
      () => "incorrect",
    );
    expect(new Set(attempt.asked.map((item) => item.skillIndex))).toEqual(required);
    expect(attempt.final.stop).toBe("budget");
  });
});

describe("selectNextItem", () => {
  const target = targetProfile(model, graph, "test-role");

  it("asks only about skills the target role requires", () => {
    const required = new Set(target.skillIndexes);
    for (let seed = 0; seed < 40; seed++) {
      const item = selectNextItem(model, prior("india-role"), target, {
        used: new Set(),
        random: createRandom(seed),
        attemptSeed: seed,
      });
      expect(item && required.has(item.skillIndex)).toBe(true);
    }
  });

  it("never offers an item already answered in the attempt", () => {
    const alphaItems = new Set((model.itemsBySkill[alpha] ?? []).map((item) => item.id));
    const used = new Set(
      [...model.items.map((item) => item.id)].filter((id) => !alphaItems.has(id) || id === "alpha-multi"),
    );
    for (let seed = 0; seed < 40; seed++) {
      const item = selectNextItem(model, prior(), target, { used, random: createRandom(seed) });
      expect(item?.skillIndex).toBe(alpha);
      expect(used.has(item?.id ?? "")).toBe(false);
    }
  });

  it("returns nothing once every required skill's items are used", () => {
    const used = new Set(
      model.items.filter((item) => target.skillIndexes.includes(item.skillIndex)).map((item) => item.id),
    );
    expect(selectNextItem(model, prior(), target, { used, random: createRandom(1) })).toBeUndefined();
  });

  it("prefers items the person has not seen in earlier attempts while a skill still has fresh ones", () => {
    // Everything but one item per skill was seen before; those fresh items must come first.
    const fresh = new Set(model.itemsBySkill.map((items) => items[0]?.id ?? ""));
    const seenBefore = new Set(model.items.map((item) => item.id).filter((id) => !fresh.has(id)));
    for (let seed = 0; seed < 40; seed++) {
      const item = selectNextItem(model, prior(), target, {
        used: new Set(),
        seenBefore,
        random: createRandom(seed),
        attemptSeed: seed,
      });
      expect(fresh.has(item?.id ?? "")).toBe(true);
    }
  });

  it("falls back to an item seen before once a skill has no fresh item left", () => {
    const seenBefore = new Set(model.items.map((item) => item.id));
    const item = selectNextItem(model, prior(), target, {
      used: new Set(),
      seenBefore,
      random: createRandom(3),
      attemptSeed: 3,
    });
    expect(item).toBeDefined();
  });

  it("chooses at random among the items tied for the best score (same skill and parameters), never a worse one", () => {
    const groupOf = (id: string) => {
      const item = model.itemById.get(id);
      return (model.groupsBySkill[item?.skillIndex ?? -1] ?? []).find((group) =>
        group.items.some((member) => member.id === id),
      );
    };
    // Set aside best items that stand alone until the best group has several interchangeable items.
    const used = new Set<string>();
    let best = selectNextItem(model, prior(), target, { used, random: createRandom(0) });
    while (best && (groupOf(best.id)?.items.length ?? 0) < 2) {
      used.add(best.id);
      best = selectNextItem(model, prior(), target, { used, random: createRandom(0) });
    }
    const group = new Set((best ? (groupOf(best.id)?.items ?? []) : []).map((item) => item.id));
    expect(group.size).toBeGreaterThan(1);
    const picks = new Set<string>();
    for (let seed = 0; seed < 80; seed++)
      picks.add(selectNextItem(model, prior(), target, { used, random: createRandom(seed) })?.id ?? "");
    // Every member of the best group comes up; anything else picked is an exact tie (a symmetric skill
    // in this factory with the same parameters), never a different level or item type.
    for (const id of group) expect(picks).toContain(id);
    for (const id of picks) {
      const item = model.itemById.get(id);
      expect([item?.difficulty, item?.discrimination, item?.guessing]).toEqual([
        best?.difficulty,
        best?.discrimination,
        best?.guessing,
      ]);
    }
  });
});

describe("the selection loss", () => {
  // charlie and delta have identical banks (two single-answer items at each level). Here they are
  // independent with SD 1, charlie 0.6 below its cut (P(meets) ≈ 0.27) and delta 0.6 above (≈ 0.73).
  const charlie = skillIndexOf(engine, "charlie");
  const delta = skillIndexOf(engine, "delta");
  const mirrored: TargetProfile = {
    roleId: "mirrored",
    skillIndexes: [charlie, delta],
    levels: [2, 2],
    cuts: [levelCut(2), levelCut(2)],
    weights: [1, 1],
    isCore: [false, false],
  };
  const mirroredPosterior = (): Posterior => {
    const n = model.skillIds.length;
    const mean = Float64Array.from(model.skillIds, () => levelCut(2));
    mean[charlie] = levelCut(2) - 0.6;
    mean[delta] = levelCut(2) + 0.6;
    const covariance = new Float64Array(n * n);
    for (let i = 0; i < n; i++) covariance[i * n + i] = 1;
    return { n, mean, covariance };
  };

  it('weights a missed "meets" above a wrong "meets", from the smooth loss to the verdict cost', () => {
    expect(ENGINE_DEFAULTS.meetsWeight).toBeGreaterThan(1);
    expect(smoothVerdictCost(0.3, 2)).toBeGreaterThan(smoothVerdictCost(0.7, 2));
    expect(smoothVerdictCost(0.3, 1)).toBeCloseTo(0.3 * 0.7, 12);
    expect(verdictCost(0.3, 2)).toBeCloseTo(0.6, 12);
    expect(verdictCost(0.7, 2)).toBeCloseTo(0.3, 12);
  });

  it('with the meets weight, asks first about the skill likely below its cut, where an error is a missed "meets"', () => {
    const pick = (meetsWeight?: number) =>
      selectNextItem(model, mirroredPosterior(), mirrored, {
        used: new Set(),
        random: createRandom(1),
        ...(meetsWeight === undefined ? {} : { meetsWeight }),
      });
    // With symmetric costs the guessing floor makes the likely-meets skill the more informative one.
    expect(pick()?.skillIndex).toBe(delta);
    expect(pick(1)?.skillIndex).toBe(delta);
    expect(pick(ENGINE_DEFAULTS.meetsWeight)?.skillIndex).toBe(charlie);
  });

  it('turns to the verdicts near a short quiz\'s end: first the likely-below skill, then a harder item that can make it "meets"', () => {
    const step = (left: number) =>
      decideNextStep(
        model,
        mirroredPosterior(),
        mirrored,
        { answered: 5, answeredSkills: new Set(), budget: 5 + left },
        { used: new Set(), random: createRandom(1) },
      ).next;
    const early = step(ENGINE_DEFAULTS.closingItems + 1);
    const closing = step(ENGINE_DEFAULTS.closingItems);
    const last = step(ENGINE_DEFAULTS.finalItems);
    // Early on the loss is the symmetric p(1 − p), as in the smooth loss with weight 1.
    expect(early?.skillIndex).toBe(delta);
    expect([closing?.skillIndex, closing?.difficulty]).toEqual([charlie, levelCut(2)]);
    expect([last?.skillIndex, last?.difficulty]).toEqual([charlie, levelCut(3)]);
  });

  it("keeps the symmetric loss to the end of a default-length quiz, which the risk stop ends", () => {
    const budget = ENGINE_DEFAULTS.budget;
    const next = decideNextStep(
      model,
      mirroredPosterior(),
      mirrored,
      { answered: budget - 1, answeredSkills: new Set(), budget },
      { used: new Set(), random: createRandom(1) },
    ).next;
    expect(next?.skillIndex).toBe(delta);
  });
});

describe("isWithheld", () => {
  it("sets aside about the configured share of the bank, a different part for each attempt", () => {
    const ids = model.items.map((item) => item.id);
    const first = ids.filter((id) => isWithheld(1, id, 0.3));
    const second = ids.filter((id) => isWithheld(2, id, 0.3));
    expect(first.length / ids.length).toBeGreaterThan(0.15);
    expect(first.length / ids.length).toBeLessThan(0.45);
    expect(first).not.toEqual(second);
    expect(ids.filter((id) => isWithheld(1, id, 0.3))).toEqual(first);
    expect(ids.some((id) => isWithheld(1, id, 0))).toBe(false);
  });

  it("never shows a set-aside item first while its skill has other items", () => {
    const target = targetProfile(model, graph, "test-role");
    for (let seed = 0; seed < 40; seed++) {
      const item = selectNextItem(model, prior(), target, {
        used: new Set(),
        random: createRandom(seed),
        attemptSeed: seed,
      });
      expect(isWithheld(seed, item?.id ?? "", ENGINE_DEFAULTS.withheldShare)).toBe(false);
    }
  });
});

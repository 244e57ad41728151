import { describe, expect, it } from "vitest";
import { probabilityMeets } from "@/domain/engine/decision";
import { cholesky, correlationMatrix } from "@/domain/engine/math";
import {
  ENGINE_DEFAULTS,
  LEVEL_CUTS,
  levelCut,
  nominalParameters,
  priorMean,
  targetProfile,
} from "@/domain/engine/model";
import { createPrior } from "@/domain/engine/posterior";
import { engineOf, itemOf, skillIndexOf } from "./engine-fixtures";

const engine = engineOf();
const { model, graph } = engine;

const options = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ id: `option-${index}`, text: `Option ${index}` }));

/** The matrix asked for before any repair: `general` everywhere off the diagonal, `edge` on edges. */
function requestedCorrelation(
  n: number,
  edges: readonly (readonly [number, number])[],
  general: number,
  edge: number,
): Float64Array {
  const r = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) r[i * n + j] = i === j ? 1 : general;
  for (const [i, j] of edges) r[i * n + j] = r[j * n + i] = edge;
  return r;
}

function expectValidCorrelation(matrix: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    expect(matrix[i * n + i]).toBeCloseTo(1, 9);
    for (let j = 0; j < n; j++) {
      expect(Math.abs((matrix[i * n + j] as number) - (matrix[j * n + i] as number))).toBeLessThan(1e-12);
      expect(Math.abs(matrix[i * n + j] as number)).toBeLessThanOrEqual(1 + 1e-9);
    }
  }
  expect(cholesky(matrix, n)).toBeDefined();
}

describe("priorMean: the current role is evidence", () => {
  it("starts a skill the current role needs at level 3 higher, and more likely to meet level 3, than for someone whose role does not need it", () => {
    const india = skillIndexOf(engine, "india");
    const fromIndiaRole = createPrior(model, priorMean(model, graph, "india-role"));
    const fromTestRole = createPrior(model, priorMean(model, graph, "test-role"));
    expect(fromIndiaRole.mean[india]).toBeCloseTo(levelCut(3) + ENGINE_DEFAULTS.roleShift, 12);
    expect(fromTestRole.mean[india]).toBe(ENGINE_DEFAULTS.unrelatedMean);
    expect(probabilityMeets(fromIndiaRole, india, levelCut(3))).toBeGreaterThan(0.5);
    expect(probabilityMeets(fromIndiaRole, india, levelCut(3))).toBeGreaterThan(
      probabilityMeets(fromTestRole, india, levelCut(3)) + 0.3,
    );
  });

  it("credits each skill of the current role at its own level", () => {
    const mean = priorMean(model, graph, "india-role");
    expect(mean[skillIndexOf(engine, "juliet")]).toBeCloseTo(levelCut(2) + 0.25, 12);
    expect(mean[skillIndexOf(engine, "delta")]).toBeCloseTo(levelCut(1) + 0.25, 12);
    // golf and hotel are not part of india-role.
    expect(mean[skillIndexOf(engine, "golf")]).toBe(-1);
    expect(mean[skillIndexOf(engine, "hotel")]).toBe(-1);
  });

  it("starts everything at −1.0 without a current role, or with a role that no longer exists", () => {
    expect(Array.from(priorMean(model, graph, null))).toEqual(model.skillIds.map(() => -1));
    expect(Array.from(priorMean(model, graph, "retired-role"))).toEqual(model.skillIds.map(() => -1));
  });

  it("starts with unit uncertainty on every skill", () => {
    const prior = createPrior(model, priorMean(model, graph, "test-role"));
    for (let i = 0; i < prior.n; i++) expect(prior.covariance[i * prior.n + i]).toBeCloseTo(1, 9);
  });
});

describe("correlationMatrix", () => {
  it("uses the requested correlations exactly when they already form a valid matrix", () => {
    const n = model.skillIds.length;
    const alpha = skillIndexOf(engine, "alpha");
    const bravo = skillIndexOf(engine, "bravo");
    const golf = skillIndexOf(engine, "golf");
    expectValidCorrelation(model.correlation, n);
    expect(model.correlation[alpha * n + bravo]).toBeCloseTo(0.7, 12);
    expect(model.correlation[alpha * n + golf]).toBeCloseTo(0.5, 12);
  });

  it("repairs an impossible request from hub skills with many shared dependants into a valid correlation matrix", () => {
    // Two hubs that ten skills each build on: 0.7 to both hubs but only 0.5 between the hubs is
    // not a possible correlation matrix.
    const n = 12;
    const edges = Array.from(
      { length: n - 2 },
      (_, k) =>
        [
          [k + 2, 0],
          [k + 2, 1],
        ] as const,
    ).flat();
    expect(cholesky(requestedCorrelation(n, edges, 0.5, 0.7), n)).toBeUndefined();
    const repaired = correlationMatrix(n, edges, 0.5, 0.7);
    expectValidCorrelation(repaired, n);
    // Repair keeps the structure: dependants stay more correlated with their hub than with an unrelated pair.
    expect(repaired[2 * n + 0]).toBeGreaterThan(0.5);
    expect(repaired[2 * n + 0]).toBeGreaterThan(repaired[0 * n + 1] as number);
  });

  it("stays valid for one hub that is the prerequisite of every other skill", () => {
    const n = 30;
    const edges = Array.from({ length: n - 1 }, (_, k) => [k + 1, 0] as const);
    expectValidCorrelation(correlationMatrix(n, edges, 0.5, 0.7), n);
  });
});

describe("nominalParameters", () => {
  it("sets the difficulty at the cut of the question's level", () => {
    [1, 2, 3, 4].forEach((level, index) => {
      expect(nominalParameters({ level, type: "single", options: options(4) }).difficulty).toBe(
        LEVEL_CUTS[index],
      );
    });
    expect(LEVEL_CUTS).toEqual([-1.5, -0.5, 0.5, 1.5]);
  });

  it("uses 1/k guessing for a single-answer item with k options and 0.05 for a multiple-answer item", () => {
    expect(nominalParameters({ level: 2, type: "single", options: options(3) }).guessing).toBeCloseTo(
      1 / 3,
      12,
    );
    expect(nominalParameters({ level: 2, type: "single", options: options(5) }).guessing).toBeCloseTo(
      1 / 5,
      12,
    );
    expect(nominalParameters({ level: 2, type: "multiple", options: options(5) }).guessing).toBe(0.05);
    expect(nominalParameters({ level: 2, type: "single", options: options(4) }).discrimination).toBe(1.3);
  });

  it("lets calibrated front-matter values win over the level's nominal ones", () => {
    const parameters = nominalParameters({
      level: 1,
      type: "single",
      options: options(4),
      difficulty: 0.8,
      discrimination: 2.1,
    });
    expect(parameters).toEqual({ difficulty: 0.8, discrimination: 2.1, guessing: 0.25 });
  });
});

describe("buildEngineModel", () => {
  it("turns every question of the content into an item with its parameters", () => {
    expect(model.items).toHaveLength(graph.questions.size);
    expect(itemOf(engine, "charlie-level-3-0")).toMatchObject({
      difficulty: 0.5,
      discrimination: 1.3,
      guessing: 0.25,
      level: 3,
    });
    expect(itemOf(engine, "alpha-multi")).toMatchObject({ difficulty: -0.5, guessing: 0.05 });
    expect(itemOf(engine, "bravo-calibrated")).toMatchObject({
      difficulty: 0.8,
      discrimination: 2.1,
      guessing: 0.25,
      level: 2,
    });
  });

  it("orders skills so that every prerequisite comes before the skills that build on it", () => {
    for (const [dependant, prerequisite] of model.prerequisiteEdges)
      expect(prerequisite).toBeLessThan(dependant);
    expect(model.prerequisiteEdges).toContainEqual([
      skillIndexOf(engine, "india"),
      skillIndexOf(engine, "charlie"),
    ]);
  });

  it("groups a skill's interchangeable items so each is scored once, and keeps a calibrated item apart", () => {
    const bravoGroups = model.groupsBySkill[skillIndexOf(engine, "bravo")] ?? [];
    expect(bravoGroups.flatMap((group) => group.items.map((item) => item.id)).sort()).toEqual(
      (model.itemsBySkill[skillIndexOf(engine, "bravo")] ?? []).map((item) => item.id).sort(),
    );
    const level2 = bravoGroups.find((group) => group.parameters.difficulty === -0.5);
    expect(level2?.items.map((item) => item.id)).toEqual(["bravo-level-2-0", "bravo-level-2-1"]);
    expect(
      bravoGroups.find((group) => group.parameters.difficulty === 0.8)?.items.map((item) => item.id),
    ).toEqual(["bravo-calibrated"]);
  });
});

describe("targetProfile", () => {
  it("lists the target role's skills with their cuts and double weight for core skills", () => {
    const target = targetProfile(model, graph, "india-role");
    const india = target.skillIndexes.indexOf(skillIndexOf(engine, "india"));
    const delta = target.skillIndexes.indexOf(skillIndexOf(engine, "delta"));
    expect(target.skillIndexes).toHaveLength(8);
    expect([target.levels[india], target.cuts[india], target.weights[india], target.isCore[india]]).toEqual([
      3,
      0.5,
      2,
      true,
    ]);
    expect([target.levels[delta], target.cuts[delta], target.weights[delta], target.isCore[delta]]).toEqual([
      1,
      -1.5,
      1,
      false,
    ]);
    expect(target.skillIndexes).not.toContain(skillIndexOf(engine, "golf"));
  });

  it("is empty for a role that does not exist", () => {
    expect(targetProfile(model, graph, "no-such-role").skillIndexes).toEqual([]);
  });
});

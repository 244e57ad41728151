import { describe, expect, it } from "vitest";
import { replayAttempt, type AttemptSpec, type RecordedAnswer } from "@/domain/engine/assess";
import { probabilityMeets } from "@/domain/engine/decision";
import { answerLikelihood } from "@/domain/engine/expectation-propagation";
import { levelCut, targetProfile, type TargetProfile } from "@/domain/engine/model";
import { createRandom } from "@/domain/engine/random";
import {
  explainAnswers,
  fitForEveryRole,
  levelOf,
  levelProbabilities,
  readiness,
  summariseSkills,
} from "@/domain/engine/result";
import { engineOf, recorded, simulateAttempt, skillIndexOf } from "./engine-fixtures";

const engine = engineOf();
const { model, graph } = engine;
const spec: AttemptSpec = { currentRoleId: null, targetRoleId: "test-role", seed: 5 };
const CORE = ["alpha", "bravo", "charlie", "delta", "echo"];

const stateAfter = (answers: readonly RecordedAnswer[], changes: Partial<AttemptSpec> = {}) =>
  replayAttempt(engine, { ...spec, ...changes }, answers);

describe("summariseSkills", () => {
  const answers = [
    recorded(engine, "alpha-level-2-0", "correct"),
    recorded(engine, "alpha-level-3-0", "correct"),
    recorded(engine, "bravo-level-2-1", "incorrect"),
  ];
  const state = stateAfter(answers);
  const results = summariseSkills(model, state.posterior, state.target, answers);
  const byId = new Map(results.map((result) => [result.skillId, result]));

  it("reports every skill, counting the answers given directly on it", () => {
    expect(results.map((result) => result.skillId)).toEqual([...model.skillIds]);
    expect(byId.get("alpha")?.directAnswers).toBe(2);
    expect(byId.get("bravo")?.directAnswers).toBe(1);
  });

  it("marks a skill with no direct answers as not assessed while still estimating its level from related skills", () => {
    const charlie = byId.get("charlie");
    expect(charlie?.directAnswers).toBe(0);
    expect([0, 1, 2, 3, 4]).toContain(charlie?.level);
    // Its estimate moved from the prior through its correlation with the answered skills.
    expect(charlie?.mean).not.toBeCloseTo(state.prior.mean[skillIndexOf(engine, "charlie")] as number, 3);
  });

  it("keeps the most likely level inside the 80 % band, with level probabilities summing to one", () => {
    const check = (list: ReturnType<typeof summariseSkills>) => {
      for (const result of list) {
        expect(result.low, result.skillId).toBeLessThanOrEqual(result.level);
        expect(result.level, result.skillId).toBeLessThanOrEqual(result.high);
        expect(result.levelProbabilities.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 9);
        expect(result.levelProbabilities.every((p) => p >= 0)).toBe(true);
      }
    };
    check(results);
    const attempt = simulateAttempt(engine, { ...spec, currentRoleId: "india-role", seed: 9 }, (item) =>
      item.level <= 2 ? "correct" : "incorrect",
    );
    check(summariseSkills(model, attempt.final.posterior, attempt.final.target, attempt.answers));
  });

  it("narrows the band as answers accumulate on a skill", () => {
    const prior = summariseSkills(model, state.prior, state.target, []);
    const alphaBefore = prior.find((result) => result.skillId === "alpha");
    const alphaAfter = byId.get("alpha");
    expect(alphaAfter?.sd).toBeLessThan(alphaBefore?.sd ?? 0);
    expect(alphaAfter?.mean).toBeGreaterThan(alphaBefore?.mean ?? 0);
  });

  it("gives P(meets) only for skills the target role requires, with its level and weight", () => {
    const india = stateAfter(answers, { targetRoleId: "india-role" });
    const forIndia = new Map(
      summariseSkills(model, india.posterior, india.target, answers).map((result) => [
        result.skillId,
        result,
      ]),
    );
    expect(forIndia.get("golf")).toMatchObject({ pMeets: null, targetLevel: null, isCore: false });
    expect(forIndia.get("india")).toMatchObject({ targetLevel: 3, isCore: true });
    expect(forIndia.get("india")?.pMeets).toBeCloseTo(
      probabilityMeets(india.posterior, skillIndexOf(engine, "india"), levelCut(3)),
      12,
    );
    expect(forIndia.get("delta")).toMatchObject({ targetLevel: 1, isCore: false });
    expect(byId.get("india")?.pMeets).toBeNull();
    // Two correct alpha answers outweigh the wrong answer on its dependant bravo.
    const before = summariseSkills(model, state.prior, state.target, []).find(
      (result) => result.skillId === "alpha",
    );
    expect(byId.get("alpha")?.pMeets).toBeGreaterThan(before?.pMeets ?? 1);
  });
});

describe("summariseSkills on an answered skill", () => {
  it("reads P(meets) and the level probabilities off the skill's exact marginal, not a normal curve", () => {
    // Two right answers on hard alpha items from a low prior: the exact marginal is skewed.
    const answers = [
      recorded(engine, "alpha-level-4-0", "correct"),
      recorded(engine, "alpha-level-4-1", "correct"),
    ];
    const state = stateAfter(answers);
    const alpha = skillIndexOf(engine, "alpha");
    const n = model.skillIds.length;
    const m0 = state.prior.mean[alpha] as number;
    const sd0 = Math.sqrt(state.prior.covariance[alpha * n + alpha] as number);
    const exactAbove = (cut: number) => {
      let all = 0,
        above = 0;
      for (let i = 0; i <= 8000; i++) {
        const theta = m0 + sd0 * (-10 + (20 * i) / 8000);
        let w = Math.exp(-0.5 * ((theta - m0) / sd0) ** 2);
        for (const answer of answers)
          w *= answerLikelihood(theta, { parameters: answer.parameters, outcome: answer.outcome });
        all += w;
        if (theta >= cut) above += w;
      }
      return above / all;
    };
    const row = summariseSkills(model, state.posterior, state.target, answers).find(
      (skill) => skill.skillId === "alpha",
    );
    expect(row?.pMeets).toBeCloseTo(exactAbove(levelCut(2)), 3);
    const normal = 1 - (levelProbabilities(row?.mean ?? 0, row?.sd ?? 1)[0] ?? 0);
    expect(Math.abs(1 - (row?.levelProbabilities[0] ?? 0) - exactAbove(levelCut(1)))).toBeLessThan(
      Math.abs(normal - exactAbove(levelCut(1))) + 1e-3,
    );
    expect(row?.levelProbabilities.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 9);
  });
});

describe("levelOf and levelProbabilities", () => {
  it("places abilities in levels at the cuts", () => {
    expect([-2, -1.5, -0.6, -0.5, 0.49, 0.5, 1.49, 1.5, 3].map(levelOf)).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it("puts most of the probability on the level a confident estimate falls in", () => {
    const probabilities = levelProbabilities(1.0, 0.1);
    expect(probabilities.indexOf(Math.max(...probabilities))).toBe(3);
    expect(probabilities[3]).toBeGreaterThan(0.99);
  });
});

describe("readiness", () => {
  const target = targetProfile(model, graph, "test-role");

  it("is a probability, and rises after correct answers on the core skills", () => {
    const before = stateAfter([]);
    const answers = CORE.flatMap((skill) => [
      recorded(engine, `${skill}-level-2-0`, "correct"),
      recorded(engine, `${skill}-level-3-0`, "correct"),
    ]);
    const after = stateAfter(answers);
    const r0 = readiness(before.posterior, target, 1);
    const r1 = readiness(after.posterior, target, 1);
    for (const r of [r0, r1]) {
      expect(r).toBeGreaterThanOrEqual(0);
      expect(r).toBeLessThanOrEqual(1);
    }
    expect(r1).toBeGreaterThan(r0 + 0.3);
  });

  it("falls after wrong answers on the core skills", () => {
    const answers = CORE.map((skill) => recorded(engine, `${skill}-level-2-0`, "incorrect"));
    expect(readiness(stateAfter(answers).posterior, target, 1)).toBeLessThan(
      readiness(stateAfter([]).posterior, target, 1),
    );
  });

  it("is the same for the same posterior and seed", () => {
    const { posterior } = stateAfter([recorded(engine, "alpha-level-2-0", "correct")]);
    expect(readiness(posterior, target, 77)).toBe(readiness(posterior, target, 77));
  });

  it("counts the skills' correlation instead of multiplying independent chances", () => {
    // Positively correlated skills tend to meet together, so P(all meet) exceeds the product of marginals.
    const { posterior } = stateAfter([]);
    const product = target.skillIndexes
      .map((skill, k) =>
        target.isCore[k] ? probabilityMeets(posterior, skill, target.cuts[k] as number) : 1,
      )
      .reduce((a, b) => a * b, 1);
    expect(readiness(posterior, target, 3)).toBeGreaterThan(product + 0.02);
  });

  it("is hurt more by wrong answers on core skills than on supporting ones", () => {
    // Readiness is P(all core skills meet): supporting skills (foxtrot, golf, hotel) weigh in only
    // through their correlation with the core ones.
    const onSupporting = ["foxtrot", "golf", "hotel"].map((skill) =>
      recorded(engine, `${skill}-level-2-0`, "incorrect"),
    );
    const onCore = ["alpha", "bravo", "charlie"].map((skill) =>
      recorded(engine, `${skill}-level-2-0`, "incorrect"),
    );
    expect(readiness(stateAfter(onSupporting).posterior, target, 1)).toBeGreaterThan(
      readiness(stateAfter(onCore).posterior, target, 1),
    );
  });

  it("uses every requirement when a role has no core skills, and is certain for a role that needs nothing", () => {
    const { posterior } = stateAfter([]);
    const alpha = skillIndexOf(engine, "alpha");
    const onlySupporting: TargetProfile = {
      roleId: "x",
      skillIndexes: [alpha],
      levels: [2],
      cuts: [levelCut(2)],
      weights: [1],
      isCore: [false],
    };
    expect(readiness(posterior, onlySupporting, 1, 20000)).toBeCloseTo(
      probabilityMeets(posterior, alpha, levelCut(2)),
      1,
    );
    expect(
      readiness(
        posterior,
        { ...onlySupporting, skillIndexes: [], levels: [], cuts: [], weights: [], isCore: [] },
        1,
      ),
    ).toBe(1);
  });
});

describe("fitForEveryRole", () => {
  it("returns every role of the graph, best fit first, each with a readiness between 0 and 1", () => {
    const attempt = simulateAttempt(engine, spec, (item) => (item.level <= 2 ? "correct" : "incorrect"));
    const fits = fitForEveryRole(engine, attempt.final.posterior, spec.seed);
    expect(fits.map((fit) => fit.roleId).sort()).toEqual(graph.roleList.map((role) => role.id).sort());
    for (let i = 1; i < fits.length; i++) expect(fits[i - 1]?.fit).toBeGreaterThanOrEqual(fits[i]?.fit ?? 0);
    for (const fit of fits) {
      expect(fit.readiness).toBeGreaterThanOrEqual(0);
      expect(fit.readiness).toBeLessThanOrEqual(1);
      expect(fit.fit).toBeGreaterThanOrEqual(0);
      expect(fit.fit).toBeLessThanOrEqual(1);
    }
  });

  it("moves a role up the ranking when the person shows the skills only that role needs", () => {
    // india and juliet are needed by india-role only; golf and hotel by test-role only.
    const shows = (strong: string[], weak: string[]) => [
      ...strong.flatMap((skill) =>
        [2, 3].flatMap((level) =>
          [0, 1].map((copy) => recorded(engine, `${skill}-level-${level}-${copy}`, "correct")),
        ),
      ),
      ...weak.flatMap((skill) =>
        [1, 2].flatMap((level) =>
          [0, 1].map((copy) => recorded(engine, `${skill}-level-${level}-${copy}`, "incorrect")),
        ),
      ),
    ];
    const fitOf = (fits: ReturnType<typeof fitForEveryRole>, roleId: string) =>
      fits.find((fit) => fit.roleId === roleId)?.fit ?? Number.NaN;
    const indiaLike = fitForEveryRole(
      engine,
      stateAfter(shows(["india", "juliet"], ["golf", "hotel"])).posterior,
      1,
    );
    const testLike = fitForEveryRole(
      engine,
      stateAfter(shows(["golf", "hotel"], ["india", "juliet"])).posterior,
      1,
    );
    expect(indiaLike[0]?.roleId).toBe("india-role");
    expect(testLike[0]?.roleId).toBe("test-role");
    expect(fitOf(indiaLike, "india-role")).toBeGreaterThan(fitOf(testLike, "india-role"));
    expect(fitOf(testLike, "test-role")).toBeGreaterThan(fitOf(indiaLike, "test-role"));
  });
});

describe("explainAnswers", () => {
  const answers = [
    recorded(engine, "alpha-level-2-0", "correct"),
    recorded(engine, "bravo-level-2-0", "incorrect"),
    {
      questionId: "gone",
      skillId: "removed-skill",
      outcome: "correct",
      parameters: { difficulty: 0, discrimination: 1.3, guessing: 0.25 },
    } satisfies RecordedAnswer,
  ];
  const explained = explainAnswers(engine, stateAfter([]).prior, answers);

  it("lists a correct answer as raising its skill and a wrong one as lowering its skill", () => {
    const onAlpha = explained.get("alpha")?.find((entry) => entry.questionId === "alpha-level-2-0");
    const onBravo = explained.get("bravo")?.find((entry) => entry.questionId === "bravo-level-2-0");
    expect(onAlpha).toMatchObject({ outcome: "correct" });
    expect(onAlpha?.shift).toBeGreaterThan(0);
    expect(onBravo).toMatchObject({ outcome: "incorrect" });
    expect(onBravo?.shift).toBeLessThan(0);
  });

  it("lists the answers that moved a skill indirectly, largest effect first", () => {
    const onBravo = explained.get("bravo") ?? [];
    expect(onBravo.map((entry) => entry.questionId)).toEqual(
      expect.arrayContaining(["alpha-level-2-0", "bravo-level-2-0"]),
    );
    for (let i = 1; i < onBravo.length; i++)
      expect(Math.abs(onBravo[i - 1]?.shift ?? 0)).toBeGreaterThanOrEqual(Math.abs(onBravo[i]?.shift ?? 0));
  });

  it("adds up to the change of the skill's estimate and skips answers on removed skills", () => {
    const final = stateAfter(answers).posterior;
    const prior = stateAfter([]).prior;
    const golf = skillIndexOf(engine, "golf");
    const listed = (explained.get("golf") ?? []).reduce((sum, entry) => sum + entry.shift, 0);
    // Shifts below 0.01 are left out, so the listed ones account for the change up to that much per answer.
    expect(Math.abs(listed - ((final.mean[golf] as number) - (prior.mean[golf] as number)))).toBeLessThan(
      0.02,
    );
    expect([...explained.values()].flat().some((entry) => entry.questionId === "gone")).toBe(false);
  });

  it("credits each answer with what the final estimate loses without it, whatever the answer order", () => {
    const attempt = simulateAttempt(engine, { ...spec, seed: 31 }, (item) =>
      item.level <= 2 ? "correct" : "dontKnow",
    );
    const influence = explainAnswers(engine, attempt.final.prior, attempt.answers);
    const reversed = explainAnswers(engine, attempt.final.prior, [...attempt.answers].reverse());
    for (const [skillId, entries] of influence) {
      const again = new Map((reversed.get(skillId) ?? []).map((entry) => [entry.questionId, entry.shift]));
      for (const entry of entries) expect(again.get(entry.questionId) ?? 0).toBeCloseTo(entry.shift, 4);
    }
    const first = attempt.answers[0] as RecordedAnswer;
    const without = replayAttempt(engine, { ...spec, seed: 31 }, attempt.answers.slice(1)).posterior;
    const skill = model.skillIndex.get(first.skillId) ?? -1;
    const own = influence.get(first.skillId)?.find((entry) => entry.questionId === first.questionId);
    expect(own?.shift).toBeCloseTo(
      (attempt.final.posterior.mean[skill] as number) - (without.mean[skill] as number),
      4,
    );
    for (const answer of attempt.answers) {
      const own = influence.get(answer.skillId)?.find((entry) => entry.questionId === answer.questionId);
      expect(own, answer.questionId).toBeDefined();
      expect(Math.sign(own?.shift ?? 0)).toBe(answer.outcome === "correct" ? 1 : -1);
    }
  });
});

describe("determinism of results", () => {
  it("gives the same readiness for the same seed and answers, and a readiness that hardly depends on the seed", () => {
    const answers = [
      recorded(engine, "alpha-level-2-0", "correct"),
      recorded(engine, "charlie-level-2-0", "incorrect"),
    ];
    const target = targetProfile(model, graph, "test-role");
    const a = readiness(stateAfter(answers).posterior, target, 99);
    const b = readiness(stateAfter(answers).posterior, target, 99);
    expect(a).toBe(b);
    const random = createRandom(4);
    const others = Array.from({ length: 5 }, () =>
      readiness(stateAfter(answers).posterior, target, Math.floor(random.next() * 1e6)),
    );
    for (const other of others) expect(Math.abs(other - a)).toBeLessThan(0.05);
  });
});

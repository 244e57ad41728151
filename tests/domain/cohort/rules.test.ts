import { describe, expect, it } from "vitest";
import {
  describePreview,
  hasSomethingToApply,
  evaluateRules,
  planApplication,
  previewCounts,
  ruleFires,
  type LearnerResult,
  type Rule,
} from "@/domain/cohort/rules";

const rule = (overrides: Partial<Rule>): Rule => ({
  id: "r1",
  skillId: "rag",
  belowLevel: 2,
  pMeetsBelow: null,
  moduleId: "rag-intro",
  dueDays: 14,
  ...overrides,
});
const learner = (
  userId: string,
  skills: Record<string, [number, number | null]>,
  resultDate = "2026-03-01",
): LearnerResult => ({
  userId,
  resultDate,
  skills: new Map(Object.entries(skills).map(([id, [band, pMeets]]) => [id, { band, pMeets }])),
});

describe("assignment rules", () => {
  it("fires below a level, or below a P(meets), and never without an estimate", () => {
    expect(ruleFires(rule({ belowLevel: 2 }), { band: 1, pMeets: 0.9 })).toBe(true);
    expect(ruleFires(rule({ belowLevel: 2 }), { band: 2, pMeets: 0.1 })).toBe(false);
    expect(ruleFires(rule({ belowLevel: null, pMeetsBelow: 0.5 }), { band: 4, pMeets: 0.4 })).toBe(true);
    expect(ruleFires(rule({ belowLevel: null, pMeetsBelow: 0.5 }), { band: 0, pMeets: null })).toBe(false);
    expect(ruleFires(rule({}), undefined)).toBe(false);
  });

  it("dates the assignment D days after the learner's result; two rules for one module keep the earlier date", () => {
    const rules = [
      rule({ id: "a", dueDays: 14 }),
      rule({ id: "b", skillId: "python", belowLevel: 3, dueDays: 7 }),
    ];
    const wanted = evaluateRules(rules, [
      learner("u1", { rag: [1, 0.2], python: [2, 0.3] }, "2026-02-20"),
      learner("u2", { rag: [3, 0.9], python: [3, 0.9] }),
    ]);
    expect(wanted).toEqual([{ userId: "u1", moduleId: "rag-intro", ruleId: "b", dueDate: "2026-02-27" }]);
  });

  it("applies idempotently: a second application adds nothing, and waived assignments are not re-made", () => {
    const rules = [rule({}), rule({ id: "r2", skillId: "python", moduleId: "py-basics" })];
    const learners = [
      learner("u1", { rag: [1, 0.1], python: [0, 0.1] }),
      learner("u2", { rag: [0, 0.1], python: [4, 1] }),
    ];
    const wanted = evaluateRules(rules, learners);
    const first = planApplication(wanted, []);
    expect(previewCounts(first)).toEqual({ modules: 3, learners: 2 });
    expect(describePreview(previewCounts(first))).toBe("This will assign 3 modules to 2 learners.");
    const existing = first.map((row) => ({
      userId: row.userId,
      moduleId: row.moduleId,
      isWaived: row.userId === "u2",
    }));
    expect(planApplication(wanted, existing)).toEqual([]);
    expect(describePreview(previewCounts([]))).toBe("Applying the rules now would assign nothing new.");
  });

  it("says in the preview when applying does something, exactly when Apply is usable", () => {
    const nothing = { modules: 0, learners: 0 };
    // Every rule applied and nothing new to assign: nothing to apply.
    expect(hasSomethingToApply(nothing, 0)).toBe(false);
    expect(describePreview(nothing, 0)).toBe("Applying the rules now would assign nothing new.");
    // Every rule applied, but a learner's result would get a module: something new.
    expect(hasSomethingToApply({ modules: 1, learners: 1 }, 0)).toBe(true);
    expect(describePreview({ modules: 1, learners: 1 }, 0)).toBe("This will assign 1 module to 1 learner.");
    // A new rule nobody matches yet: applying it makes it reach late finishers, and the preview says so.
    expect(hasSomethingToApply(nothing, 1)).toBe(true);
    expect(describePreview(nothing, 1)).toBe(
      "Applying the rules now would assign no module yet, and would start the new rule for learners who finish later.",
    );
    expect(describePreview({ modules: 2, learners: 1 }, 2)).toBe(
      "This will assign 2 modules to 1 learner. Learners who finish later get the 2 new rules too.",
    );
  });
});

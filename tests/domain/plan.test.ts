import { describe, expect, it } from "vitest";
import { compileContent } from "@/domain/content/compile";
import type { ContentFile } from "@/domain/content/types";
import {
  addDays,
  generateLearningPlan,
  outlineWeeks,
  skillsToCheckFirst,
  type PlanInput,
  type PlanWeek,
} from "@/domain/plan";
import type { SkillsGraph } from "@/domain/skills-graph";
import {
  buildValidContentFiles,
  FACTORY_SKILLS,
  factoryRequirements,
  moduleFile,
  overlay,
  roleFile,
  skillFile,
} from "../factories/content-files";

function graphOf(files = buildValidContentFiles()): SkillsGraph {
  const result = compileContent(files);
  if (!result.ok)
    throw new Error(result.errors.map((error) => `${error.file}:${error.line} ${error.message}`).join("\n"));
  return result.graph;
}

interface Step {
  skill: string;
  from: number;
  to: number;
}

/** The factory's module file under its own id, lifting every step given (the factory lifts one). */
function moduleLifting(id: string, hours: number, first: Step, ...more: Step[]): ContentFile {
  const base = moduleFile(first.skill, first.from, first.to, hours);
  const extraSteps = more
    .map((step) => `\n  - { skill: ${step.skill}, from: ${step.from}, to: ${step.to} }`)
    .join("");
  const text = base.text
    .replace(`id: ${first.skill}-intro`, `id: ${id}`)
    .replace(`from: ${first.from}, to: ${first.to} }`, `from: ${first.from}, to: ${first.to} }${extraSteps}`);
  return { path: `modules/${id}.md`, text };
}

/** Every factory skill at the level the role asks (2) except the ones given. */
function levelsWith(overrides: Record<string, number>): Map<string, number> {
  return new Map(FACTORY_SKILLS.map((skill) => [skill, overrides[skill] ?? 2]));
}

function planInput(graph: SkillsGraph, changes: Partial<PlanInput> = {}): PlanInput {
  return {
    graph,
    targetRoleId: "test-role",
    levels: levelsWith({}),
    // Every skill answered at least once unless a test says otherwise.
    evidence: new Set([...FACTORY_SKILLS, "foxtrot"]),
    hoursPerWeek: 5,
    startDate: "2024-02-15",
    completed: new Map(),
    ...changes,
  };
}

const moduleIds = (plan: ReturnType<typeof generateLearningPlan>) => plan.items.map((item) => item.moduleId);

describe("generateLearningPlan: what to learn", () => {
  it("puts a prerequisite's module before the skill that needs it, even a supporting skill before a core one", () => {
    // foxtrot (supporting) becomes alpha's (core) prerequisite; ids alone would put alpha first.
    const graph = graphOf(
      overlay(buildValidContentFiles(), [skillFile("foxtrot"), skillFile("alpha", ["foxtrot"])]),
    );
    const plan = generateLearningPlan(planInput(graph, { levels: new Map() }));
    expect(moduleIds(plan)).toEqual([
      "foxtrot-intro",
      "alpha-intro",
      "bravo-intro",
      "charlie-intro",
      "delta-intro",
      "echo-intro",
      "golf-intro",
      "hotel-intro",
    ]);
    expect(plan.items.map((item) => item.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("climbs one skill from the person's level up, each module labelled with the levels it closes", () => {
    const files = overlay(buildValidContentFiles(), [
      roleFile(
        "test-role",
        factoryRequirements().map((r) => (r.skill === "alpha" ? { ...r, level: 4 } : r)),
      ),
      moduleLifting("alpha-step-4", 12, { skill: "alpha", from: 3, to: 4 }),
      moduleLifting("alpha-step-3", 10, { skill: "alpha", from: 2, to: 3 }),
    ]);
    const plan = generateLearningPlan(planInput(graphOf(files), { levels: levelsWith({ alpha: 1 }) }));
    expect(
      plan.items.map((item) => [item.moduleId, item.skillId, item.fromLevel, item.toLevel, item.hours]),
    ).toEqual([
      ["alpha-intro", "alpha", 1, 2, 4],
      ["alpha-step-3", "alpha", 2, 3, 10],
      ["alpha-step-4", "alpha", 3, 4, 12],
    ]);
    expect(plan.totalHours).toBe(26);
  });

  it("lists a module that closes two gaps once, counting its hours once", () => {
    const files = overlay(buildValidContentFiles(), [
      moduleLifting(
        "alpha-bravo-basics",
        3,
        { skill: "alpha", from: 0, to: 2 },
        { skill: "bravo", from: 0, to: 2 },
      ),
    ]);
    const plan = generateLearningPlan(
      planInput(graphOf(files), { levels: levelsWith({ alpha: 0, bravo: 0 }) }),
    );
    expect(plan.items).toEqual([
      {
        moduleId: "alpha-bravo-basics",
        title: "Learn alpha",
        skillId: "alpha",
        fromLevel: 0,
        toLevel: 2,
        hours: 3,
        position: 0,
        week: 1,
        doneAt: null,
        source: "generated",
      },
    ]);
    expect(plan.totalHours).toBe(3);
    expect(plan.weeks.map((week) => [week.week, week.hours, week.moduleIds])).toEqual([
      [1, 3, ["alpha-bravo-basics"]],
    ]);
  });

  it("reads an estimate between two levels as the lower one", () => {
    const plan = generateLearningPlan(planInput(graphOf(), { levels: levelsWith({ alpha: 1.6 }) }));
    expect(plan.items.map((item) => [item.moduleId, item.fromLevel, item.toLevel])).toEqual([
      ["alpha-intro", 1, 2],
    ]);
  });

  it("gives an empty plan with no hours when the person already meets the role", () => {
    const plan = generateLearningPlan(planInput(graphOf(), { levels: levelsWith({ alpha: 4, hotel: 3 }) }));
    expect(plan).toEqual({
      items: [],
      totalHours: 0,
      remainingHours: 0,
      weeks: [],
      uncovered: [],
      checkFirst: [],
    });
  });

  it("reports a gap no module covers instead of failing, and still plans the rest", () => {
    // Validation refuses such content; this stands for a graph whose hotel modules went missing.
    const graph = graphOf();
    const withoutHotel = {
      ...graph,
      modulesBySkill: new Map([...graph.modulesBySkill].filter(([skillId]) => skillId !== "hotel")),
    };
    const plan = generateLearningPlan(planInput(withoutHotel, { levels: levelsWith({ golf: 1, hotel: 0 }) }));
    expect(plan.uncovered).toEqual([{ skillId: "hotel", fromLevel: 0, toLevel: 2 }]);
    expect(moduleIds(plan)).toEqual(["golf-intro"]);
  });

  it("plans for a retired role id as for the role that replaced it", () => {
    const role = roleFile("test-role", factoryRequirements());
    const graph = graphOf(
      overlay(buildValidContentFiles(), [
        { ...role, text: role.text.replace("version: 1", "version: 1\nreplaces: [old-role]") },
      ]),
    );
    const levels = levelsWith({ alpha: 0 });
    expect(generateLearningPlan(planInput(graph, { targetRoleId: "old-role", levels }))).toEqual(
      generateLearningPlan(planInput(graph, { levels })),
    );
  });

  it("gives the same plan for the same input, whatever order the maps were filled in", () => {
    const levels = levelsWith({ alpha: 0, delta: 1, golf: 0 });
    const completed = new Map([
      ["golf-intro", "2024-02-01"],
      ["gone-module", "2024-01-05"],
    ]);
    const plan = generateLearningPlan(planInput(graphOf(), { levels, completed }));
    const reordered = planInput(graphOf(), {
      levels: new Map([...levels].reverse()),
      completed: new Map([...completed].reverse()),
    });
    expect(generateLearningPlan(reordered)).toEqual(plan);
  });
});

describe("generateLearningPlan: gaps need evidence", () => {
  it("schedules only gaps on skills the person answered; unasked gaps are offered to check first", () => {
    const plan = generateLearningPlan(
      planInput(graphOf(), {
        levels: levelsWith({ alpha: 0, bravo: 1, charlie: 0, delta: 3 }),
        evidence: new Set(["bravo", "delta"]),
      }),
    );
    expect(moduleIds(plan)).toEqual(["bravo-intro"]);
    expect(plan.weeks.flatMap((week) => week.moduleIds)).toEqual(["bravo-intro"]);
    expect(plan.totalHours).toBe(4);
    // alpha and charlie were inferred below the target without one answer: check first, prerequisites first.
    expect(plan.checkFirst).toEqual([
      { skillId: "alpha", estimatedLevel: 0, targetLevel: 2 },
      { skillId: "charlie", estimatedLevel: 0, targetLevel: 2 },
    ]);
  });

  it("plans nothing and offers every possible gap to check when no question was answered", () => {
    const plan = generateLearningPlan(
      planInput(graphOf(), { levels: levelsWith({ alpha: 1, hotel: 0 }), evidence: new Set() }),
    );
    expect(plan.items).toEqual([]);
    expect(plan.weeks).toEqual([]);
    expect(plan.checkFirst.map((entry) => entry.skillId)).toEqual(["alpha", "hotel"]);
  });

  it("keeps done modules of a skill that now lacks evidence, as history", () => {
    const plan = generateLearningPlan(
      planInput(graphOf(), {
        levels: levelsWith({ alpha: 0 }),
        evidence: new Set(),
        completed: new Map([["alpha-intro", "2024-02-01"]]),
      }),
    );
    expect(plan.items.map((item) => [item.moduleId, item.doneAt])).toEqual([["alpha-intro", "2024-02-01"]]);
    expect(plan.checkFirst.map((entry) => entry.skillId)).toEqual(["alpha"]);
  });

  it("lists for checking only unasked skills inferred below the target, not those inferred at it", () => {
    expect(
      skillsToCheckFirst(graphOf(), "test-role", levelsWith({ alpha: 1.9, bravo: 2, charlie: 4 }), new Set()),
    ).toEqual([{ skillId: "alpha", estimatedLevel: 1, targetLevel: 2 }]);
  });
});

describe("generateLearningPlan: weeks", () => {
  const threeModules = () =>
    graphOf(
      overlay(buildValidContentFiles(), [
        moduleFile("alpha", 0, 2, 3),
        moduleFile("bravo", 0, 2, 4),
        moduleFile("charlie", 0, 2, 10),
      ]),
    );
  const threeGaps = levelsWith({ alpha: 0, bravo: 0, charlie: 0 });

  it("packs modules into weeks of the person's hours, a long module carrying on over a month end and a leap day", () => {
    const plan = generateLearningPlan(
      planInput(threeModules(), { levels: threeGaps, hoursPerWeek: 5, startDate: "2024-02-15" }),
    );
    expect(plan.items.map((item) => [item.moduleId, item.week])).toEqual([
      ["alpha-intro", 1],
      ["bravo-intro", 1],
      ["charlie-intro", 2],
    ]);
    expect(plan.weeks).toEqual([
      {
        week: 1,
        startsOn: "2024-02-15",
        endsOn: "2024-02-21",
        hours: 5,
        moduleIds: ["alpha-intro", "bravo-intro"],
      },
      {
        week: 2,
        startsOn: "2024-02-22",
        endsOn: "2024-02-28",
        hours: 5,
        moduleIds: ["bravo-intro", "charlie-intro"],
      },
      { week: 3, startsOn: "2024-02-29", endsOn: "2024-03-06", hours: 5, moduleIds: ["charlie-intro"] },
      { week: 4, startsOn: "2024-03-07", endsOn: "2024-03-13", hours: 2, moduleIds: ["charlie-intro"] },
    ]);
    expect([plan.totalHours, plan.remainingHours]).toEqual([17, 17]);
  });

  it("starts the next module in a fresh week when the last one filled its week exactly", () => {
    const plan = generateLearningPlan(
      planInput(threeModules(), { levels: threeGaps, hoursPerWeek: 7, startDate: "2023-02-22" }),
    );
    expect(plan.items.map((item) => item.week)).toEqual([1, 1, 2]);
    expect(plan.weeks.map((week) => [week.startsOn, week.endsOn, week.hours, week.moduleIds])).toEqual([
      ["2023-02-22", "2023-02-28", 7, ["alpha-intro", "bravo-intro"]],
      ["2023-03-01", "2023-03-07", 7, ["charlie-intro"]],
      ["2023-03-08", "2023-03-14", 3, ["charlie-intro"]],
    ]);
  });

  it.each([0, 0.5, 41, Number.NaN, Number.POSITIVE_INFINITY])("refuses %s hours a week", (hoursPerWeek) => {
    expect(() => generateLearningPlan(planInput(graphOf(), { hoursPerWeek }))).toThrow(RangeError);
    expect(() => generateLearningPlan(planInput(graphOf(), { hoursPerWeek }))).toThrow(
      /hoursPerWeek must be .* from 1 to 40/,
    );
  });

  it.each([
    "2023-02-29",
    "2024-02-30",
    "2024-13-01",
    "2024-00-10",
    "2024-2-05",
    "15/02/2024",
    "2024-02-15T00:00:00Z",
    "",
  ])("refuses the start date %j", (startDate) => {
    expect(() => generateLearningPlan(planInput(graphOf(), { startDate }))).toThrow(RangeError);
    expect(() => generateLearningPlan(planInput(graphOf(), { startDate }))).toThrow(
      /startDate must be a calendar date/,
    );
  });

  it("accepts the edges of the allowed hours and a leap day as the start", () => {
    const levels = levelsWith({ charlie: 0 });
    expect(
      generateLearningPlan(planInput(graphOf(), { levels, hoursPerWeek: 1, startDate: "2024-02-29" })).weeks,
    ).toHaveLength(4);
    expect(generateLearningPlan(planInput(graphOf(), { levels, hoursPerWeek: 40 })).weeks).toHaveLength(1);
  });

  it("refuses a role the content does not have", () => {
    expect(() => generateLearningPlan(planInput(graphOf(), { targetRoleId: "astronaut" }))).toThrow(
      RangeError,
    );
  });
});

describe("generateLearningPlan: progress", () => {
  it("keeps a done module in its place with its date, out of the weeks and the remaining hours", () => {
    const completed = new Map([["alpha-intro", "2024-03-01"]]);
    const plan = generateLearningPlan(
      planInput(graphOf(), { levels: levelsWith({ alpha: 0, bravo: 0 }), completed }),
    );
    expect(plan.items.map((item) => [item.moduleId, item.position, item.week, item.doneAt])).toEqual([
      ["alpha-intro", 0, null, "2024-03-01"],
      ["bravo-intro", 1, 1, null],
    ]);
    expect(plan.weeks.flatMap((week) => week.moduleIds)).toEqual(["bravo-intro"]);
    expect([plan.totalHours, plan.remainingHours]).toEqual([8, 4]);
  });

  it("keeps done modules with their dates after a reassessment closed their gaps, oldest first", () => {
    const completed = new Map([
      ["bravo-intro", "2024-03-09T18:30:00.000Z"],
      ["alpha-intro", "2024-03-01"],
    ]);
    const plan = generateLearningPlan(
      planInput(graphOf(), { levels: levelsWith({ charlie: 0 }), completed }),
    );
    expect(
      plan.items.map((item) => [item.moduleId, item.skillId, item.position, item.week, item.doneAt]),
    ).toEqual([
      ["alpha-intro", "alpha", 0, null, "2024-03-01"],
      ["bravo-intro", "bravo", 1, null, "2024-03-09T18:30:00.000Z"],
      ["charlie-intro", "charlie", 2, 1, null],
    ]);
    expect([plan.totalHours, plan.remainingHours]).toEqual([12, 4]);
  });

  it("keeps a done module that was removed from the content, by its id and with no hours", () => {
    const before = graphOf(
      overlay(buildValidContentFiles(), [
        moduleLifting("alpha-workshop", 2, { skill: "alpha", from: 0, to: 2 }),
      ]),
    );
    const completed = new Map([["alpha-workshop", "2024-01-10"]]);
    const levels = levelsWith({ alpha: 0 });
    expect(generateLearningPlan(planInput(before, { levels, completed })).items).toMatchObject([
      { moduleId: "alpha-workshop", title: "Learn alpha", hours: 2, doneAt: "2024-01-10", week: null },
    ]);

    const after = generateLearningPlan(planInput(graphOf(), { levels, completed }));
    expect(after.items).toEqual([
      {
        moduleId: "alpha-workshop",
        title: "alpha-workshop",
        skillId: "",
        fromLevel: 0,
        toLevel: 0,
        hours: 0,
        position: 0,
        week: null,
        doneAt: "2024-01-10",
        source: "generated",
      },
      expect.objectContaining({ moduleId: "alpha-intro", position: 1, week: 1, doneAt: null }),
    ]);
    expect([after.totalHours, after.remainingHours]).toEqual([4, 4]);
  });
});

describe("outlineWeeks", () => {
  const weeksFrom = (startDate: string, count: number, hours = 5): PlanWeek[] =>
    Array.from({ length: count }, (_, index) => ({
      week: index + 1,
      startsOn: addDays(startDate, 7 * index),
      endsOn: addDays(startDate, 7 * index + 6),
      hours,
      moduleIds: [`module-${index + 1}`],
    }));

  it("shows the next four weeks in full and folds later weeks into the months they start in, across a year", () => {
    const weeks = weeksFrom("2026-11-20", 12, 2.5);
    const outline = outlineWeeks(weeks);
    expect(outline.upcoming.map((week) => week.week)).toEqual([1, 2, 3, 4]);
    expect(outline.later.map((month) => [month.month, month.hours, month.weeks.map((w) => w.week)])).toEqual([
      ["2026-12", 5, [5, 6]],
      ["2027-01", 12.5, [7, 8, 9, 10, 11]],
      ["2027-02", 2.5, [12]],
    ]);
    expect(outline.finishesOn).toBe("2027-02-11");
  });

  it("has no later months for a plan of four weeks or less, and no finish date for an empty one", () => {
    expect(outlineWeeks(weeksFrom("2026-12-01", 3))).toMatchObject({ later: [], finishesOn: "2026-12-21" });
    expect(outlineWeeks([])).toEqual({ upcoming: [], later: [], finishesOn: null });
  });

  it("sums a month's hours exactly in minutes", () => {
    const weeks = weeksFrom("2027-02-01", 7, 0.1);
    expect(outlineWeeks(weeks).later).toEqual([expect.objectContaining({ month: "2027-03", hours: 0.3 })]);
  });
});

describe("addDays", () => {
  it.each([
    ["2024-02-28", 1, "2024-02-29"],
    ["2023-02-28", 1, "2023-03-01"],
    ["2024-03-01", -1, "2024-02-29"],
    ["1900-02-28", 1, "1900-03-01"],
    ["2000-02-28", 1, "2000-02-29"],
    ["2024-12-29", 7, "2025-01-05"],
    ["2024-03-30", 2, "2024-04-01"],
    ["0099-12-31", 1, "0100-01-01"],
  ])("%s + %i days is %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it("refuses an invalid date or a fraction of a day", () => {
    expect(() => addDays("2023-02-29", 1)).toThrow(RangeError);
    expect(() => addDays("2024-02-15", 1.5)).toThrow(RangeError);
  });
});

import type { Question } from "../content/types";
import type { SkillsGraph } from "../skills-graph";
import { correlationMatrix } from "./math";

/**
 * Ability cut points on the logit scale: θ ≥ CUTS[L − 1] means "at level L or above" for L = 1…4.
 * Fixed by the assessment method (docs/decisions/004) and shared with the benchmark's world.
 */
export const LEVEL_CUTS = [-1.5, -0.5, 0.5, 1.5] as const;

export function levelCut(level: number): number {
  if (level <= 0) return Number.NEGATIVE_INFINITY;
  return LEVEL_CUTS[Math.min(level, LEVEL_CUTS.length) - 1] as number;
}

/** The method's constants; the benchmark chose τ and the exposure window (docs/decisions/004). */
export const ENGINE_DEFAULTS = {
  /** Nominal 3PL discrimination until calibration exists. */
  discrimination: 1.3,
  /** Guessing floor for multiple-answer items scored right only on the exact key set. */
  multipleGuessing: 0.05,
  /** Prior correlation between any two skills (general factor) and along prerequisite edges. */
  generalCorrelation: 0.5,
  edgeCorrelation: 0.7,
  /** Prior mean: cut of the current role's level + this, or `unrelatedMean` when it has none. */
  roleShift: 0.25,
  unrelatedMean: -1.0,
  /** Stop when the mean of min(p, 1 − p) over required skills is at or below this. */
  stopRisk: 0.12,
  /** …and the role verdict is at least this settled (see readinessRisk). */
  readinessRisk: 0.25,
  budget: 30,
  /** Share of the bank each attempt sets aside at random (exposure control, see selectNextItem). */
  withheldShare: 0.1,
  coreWeight: 2,
  supportingWeight: 1,
  /**
   * Near the end of a short quiz, the cost of a wrong "below" (a skill the person meets, called
   * below) against a wrong "meets" in the selection loss: (1 − π)/π with π ≈ 1/3, the share of
   * required skills the engine's own prior expects a person changing roles to meet (0.33 averaged
   * over role pairs). Quizzes are judged by balanced accuracy, which weights the rarer "meets"
   * verdict so (docs/decisions/004).
   */
  meetsWeight: 2,
  /** In a quiz shorter than `budget`, the selection loss is weighted by meetsWeight once this many items or fewer are left… */
  closingItems: 8,
  /** …and is the expected verdict cost itself once this many or fewer are left. */
  finalItems: 2,
} as const;

/** 3PL item parameters: P(correct | θ) = c + (1 − c) · logistic(a(θ − b)). */
export interface ItemParameters {
  difficulty: number;
  discrimination: number;
  guessing: number;
}

export interface EngineItem extends ItemParameters {
  id: string;
  skillIndex: number;
  level: number;
}

/** Items of one skill with identical parameters: the look-ahead scores them once. */
export interface ItemGroup {
  skillIndex: number;
  parameters: ItemParameters;
  items: readonly EngineItem[];
}

/** Skills in a fixed order (the graph's topological order) with their items and prior correlation. */
export interface EngineModel {
  skillIds: readonly string[];
  skillIndex: ReadonlyMap<string, number>;
  items: readonly EngineItem[];
  itemsBySkill: readonly (readonly EngineItem[])[];
  itemById: ReadonlyMap<string, EngineItem>;
  groupsBySkill: readonly (readonly ItemGroup[])[];
  /** Prior correlation matrix, row-major n×n. */
  correlation: Float64Array;
  prerequisiteEdges: readonly (readonly [number, number])[];
}

/** Nominal parameters from the question's level (and front-matter overrides where an author set them). */
export function nominalParameters(
  question: Pick<Question, "level" | "type" | "options" | "difficulty" | "discrimination">,
): ItemParameters {
  return {
    difficulty: question.difficulty ?? levelCut(question.level),
    discrimination: question.discrimination ?? ENGINE_DEFAULTS.discrimination,
    guessing: question.type === "single" ? 1 / question.options.length : ENGINE_DEFAULTS.multipleGuessing,
  };
}

/**
 * Calibrated difficulty and discrimination per question id (docs/decisions/013-calibration.md):
 * they replace the nominal ones; guessing stays nominal.
 */
export type ParameterOverrides = ReadonlyMap<string, Pick<ItemParameters, "difficulty" | "discrimination">>;

export function buildEngineModel(graph: SkillsGraph, overrides?: ParameterOverrides): EngineModel {
  const skillIds = [...graph.topologicalOrder];
  const skillIndex = new Map(skillIds.map((id, index) => [id, index]));
  const itemsBySkill: EngineItem[][] = skillIds.map(() => []);
  const items: EngineItem[] = [];
  for (const question of graph.questions.values()) {
    const index = skillIndex.get(question.skill);
    if (index === undefined) continue;
    const override = overrides?.get(question.id);
    const item: EngineItem = {
      id: question.id,
      skillIndex: index,
      level: question.level,
      ...nominalParameters(question),
      ...(override ? { difficulty: override.difficulty, discrimination: override.discrimination } : {}),
    };
    items.push(item);
    itemsBySkill[index]?.push(item);
  }
  const prerequisiteEdges = skillIds.flatMap((id, index) =>
    (graph.skills.get(id)?.prerequisites ?? []).flatMap((prerequisite) => {
      const other = skillIndex.get(prerequisite);
      return other === undefined ? [] : [[index, other] as const];
    }),
  );
  return {
    skillIds,
    skillIndex,
    items,
    itemsBySkill,
    itemById: new Map(items.map((item) => [item.id, item])),
    groupsBySkill: groupItems(itemsBySkill),
    correlation: correlationMatrix(
      skillIds.length,
      prerequisiteEdges,
      ENGINE_DEFAULTS.generalCorrelation,
      ENGINE_DEFAULTS.edgeCorrelation,
    ),
    prerequisiteEdges,
  };
}

/** What a role asks of each skill, in engine order: the decision the quiz measures. */
export interface TargetProfile {
  roleId: string;
  skillIndexes: readonly number[];
  levels: readonly number[];
  cuts: readonly number[];
  weights: readonly number[];
  isCore: readonly boolean[];
}

export function targetProfile(model: EngineModel, graph: SkillsGraph, roleId: string): TargetProfile {
  const requirements = (graph.roles.get(roleId)?.requires ?? [])
    .map((requirement) => ({ ...requirement, index: model.skillIndex.get(requirement.skill) }))
    .filter(
      (requirement): requirement is typeof requirement & { index: number } => requirement.index !== undefined,
    )
    .sort((a, b) => a.index - b.index);
  return {
    roleId,
    skillIndexes: requirements.map((requirement) => requirement.index),
    levels: requirements.map((requirement) => requirement.level),
    cuts: requirements.map((requirement) => levelCut(requirement.level)),
    weights: requirements.map((requirement) =>
      requirement.weight === "core" ? ENGINE_DEFAULTS.coreWeight : ENGINE_DEFAULTS.supportingWeight,
    ),
    isCore: requirements.map((requirement) => requirement.weight === "core"),
  };
}

/**
 * Prior mean per skill: the current role's requirements are evidence of experience
 * (docs/decisions/004-assessment-engine.md, "Prior").
 */
export function priorMean(
  model: EngineModel,
  graph: SkillsGraph,
  currentRoleId: string | null,
): Float64Array {
  const mean = new Float64Array(model.skillIds.length).fill(ENGINE_DEFAULTS.unrelatedMean);
  for (const requirement of (currentRoleId ? graph.roles.get(currentRoleId)?.requires : undefined) ?? []) {
    const index = model.skillIndex.get(requirement.skill);
    if (index !== undefined) mean[index] = levelCut(requirement.level) + ENGINE_DEFAULTS.roleShift;
  }
  return mean;
}

/** Groups each skill's items by identical parameters (item order within a group is by id). */
export function groupItems(itemsBySkill: readonly (readonly EngineItem[])[]): ItemGroup[][] {
  return itemsBySkill.map((items, skillIndex) => {
    const groups = new Map<string, EngineItem[]>();
    for (const item of [...items].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      const key = `${item.difficulty}|${item.discrimination}|${item.guessing}`;
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
    return [...groups.values()].map((group) => {
      const first = group[0] as EngineItem; // groups are created with one item
      return {
        skillIndex,
        parameters: {
          difficulty: first.difficulty,
          discrimination: first.discrimination,
          guessing: first.guessing,
        },
        items: group,
      };
    });
  });
}

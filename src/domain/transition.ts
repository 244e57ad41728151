import type { Weight } from "./content/schemas";
import type { LearningModule, Role } from "./content/types";
import { cheapestModulePath, type SkillsGraph } from "./skills-graph";

export type TransitionStatus = "carries-over" | "must-grow" | "new";

export interface TransitionItem {
  skillId: string;
  weight: Weight;
  /** Level the current role already requires (0 when it does not need the skill). */
  fromLevel: number;
  /** Level the target role requires. */
  toLevel: number;
  status: TransitionStatus;
  /** Cheapest modules closing the gap; empty when nothing is to grow. */
  modules: LearningModule[];
  hours: number;
  /** True when the catalogue has no module for some step of this gap. */
  isUncovered: boolean;
}

export interface Transition {
  from: Role;
  to: Role;
  items: TransitionItem[];
  carriesOver: TransitionItem[];
  mustGrow: TransitionItem[];
  isNew: TransitionItem[];
  /** Skills the current role needs that the target role does not. */
  leftBehind: string[];
  totalHours: number;
}

/**
 * What moving from one role to another asks of someone who meets the first role's profile: which
 * of the target's skills carry over, which must grow (and from which level), which are new, and
 * how many module hours close the gap. Undefined when either role is unknown.
 */
export function diffRoles(graph: SkillsGraph, fromRoleId: string, toRoleId: string): Transition | undefined {
  const from = graph.roles.get(fromRoleId);
  const to = graph.roles.get(toRoleId);
  if (!from || !to) return undefined;
  const fromLevels = new Map(from.requires.map((requirement) => [requirement.skill, requirement.level]));
  const order = new Map(graph.topologicalOrder.map((id, index) => [id, index]));

  const items = to.requires.map((requirement): TransitionItem => {
    const fromLevel = fromLevels.get(requirement.skill) ?? 0;
    const status: TransitionStatus =
      fromLevel >= requirement.level ? "carries-over" : fromLevel > 0 ? "must-grow" : "new";
    const path = cheapestModulePath(graph, requirement.skill, fromLevel, requirement.level);
    return {
      skillId: requirement.skill,
      weight: requirement.weight,
      fromLevel,
      toLevel: requirement.level,
      status,
      modules: path?.modules ?? [],
      hours: path?.hours ?? 0,
      isUncovered: path === undefined,
    };
  });
  // Core before supporting, then the order a learner would take them in.
  items.sort(
    (a, b) =>
      Number(a.weight === "supporting") - Number(b.weight === "supporting") ||
      (order.get(a.skillId) ?? 0) - (order.get(b.skillId) ?? 0),
  );

  const targetSkills = new Set(to.requires.map((requirement) => requirement.skill));
  return {
    from,
    to,
    items,
    carriesOver: items.filter((item) => item.status === "carries-over"),
    mustGrow: items.filter((item) => item.status === "must-grow"),
    isNew: items.filter((item) => item.status === "new"),
    leftBehind: from.requires.map((requirement) => requirement.skill).filter((id) => !targetSkills.has(id)),
    totalHours: items.reduce((sum, item) => sum + item.hours, 0),
  };
}

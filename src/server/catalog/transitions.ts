import "server-only";
import type { ModuleFormat, Weight } from "@/domain/content/schemas";
import { diffRoles, type TransitionStatus } from "@/domain/transition";
import { getSkillsGraph } from "../content-loader";

export interface TransitionRow {
  skillId: string;
  skillTitle: string;
  weight: Weight;
  fromLevel: number;
  toLevel: number;
  status: TransitionStatus;
  hours: number;
  isUncovered: boolean;
  modules: { id: string; title: string; hours: number; format: ModuleFormat }[];
}

export interface TransitionView {
  from: { id: string; title: string };
  to: { id: string; title: string; summary: string };
  carriesOver: TransitionRow[];
  mustGrow: TransitionRow[];
  isNew: TransitionRow[];
  leftBehind: { id: string; title: string }[];
  totalHours: number;
  uncoveredCount: number;
}

/** The transition between two roles, or undefined when either id is unknown. */
export function findTransition(fromId: string, toId: string): TransitionView | undefined {
  const graph = getSkillsGraph();
  const transition = diffRoles(graph, fromId, toId);
  if (!transition) return undefined;
  const title = (skillId: string) => graph.skills.get(skillId)?.title ?? skillId;
  const row = (item: (typeof transition.items)[number]): TransitionRow => ({
    skillId: item.skillId,
    skillTitle: title(item.skillId),
    weight: item.weight,
    fromLevel: item.fromLevel,
    toLevel: item.toLevel,
    status: item.status,
    hours: item.hours,
    isUncovered: item.isUncovered,
    modules: item.modules.map((mod) => ({
      id: mod.id,
      title: mod.title,
      hours: mod.hours,
      format: mod.format,
    })),
  });
  return {
    from: { id: transition.from.id, title: transition.from.title },
    to: { id: transition.to.id, title: transition.to.title, summary: transition.to.summary },
    carriesOver: transition.carriesOver.map(row),
    mustGrow: transition.mustGrow.map(row),
    isNew: transition.isNew.map(row),
    leftBehind: transition.leftBehind.map((id) => ({ id, title: title(id) })),
    totalHours: transition.totalHours,
    uncoveredCount: transition.items.filter((item) => item.isUncovered).length,
  };
}

/**
 * The transitions the home page offers first: a chosen list of common moves between the roles in
 * content/ (an editorial choice, not measured data), shown only when both roles exist.
 */
export const COMMON_TRANSITIONS: readonly [string, string][] = [
  ["data-scientist", "ai-engineer"],
  ["ml-researcher", "mlops-engineer"],
  ["data-analyst", "data-engineer"],
  ["ml-engineer", "ai-engineer"],
];

export function listCommonTransitions(): {
  from: { id: string; title: string };
  to: { id: string; title: string };
}[] {
  const graph = getSkillsGraph();
  return COMMON_TRANSITIONS.flatMap(([fromId, toId]) => {
    const from = graph.roles.get(fromId);
    const to = graph.roles.get(toId);
    return from && to
      ? [{ from: { id: from.id, title: from.title }, to: { id: to.id, title: to.title } }]
      : [];
  });
}

import type { LearningModule, ParsedContent, Question, Role, Skill } from "./content/types";
import type { Weight } from "./content/schemas";

export const MAX_LEVEL = 4;

export interface SkillsGraph {
  /** Hash of the whole content tree; stored with every result so old results stay readable. */
  contentHash: string;
  roles: ReadonlyMap<string, Role>;
  skills: ReadonlyMap<string, Skill>;
  questions: ReadonlyMap<string, Question>;
  modules: ReadonlyMap<string, LearningModule>;
  /** Roles sorted by title, for lists and pickers. */
  roleList: readonly Role[];
  /** Skills with every prerequisite before the skills that need it (ties broken by id). */
  topologicalOrder: readonly string[];
  dependants: ReadonlyMap<string, readonly string[]>;
  questionsBySkill: ReadonlyMap<string, readonly Question[]>;
  modulesBySkill: ReadonlyMap<string, readonly LearningModule[]>;
  /** Retired ids (`replaces`) to their live successors, per kind. */
  retiredIds: {
    roles: ReadonlyMap<string, string>;
    skills: ReadonlyMap<string, string>;
    questions: ReadonlyMap<string, string>;
    modules: ReadonlyMap<string, string>;
  };
}

/**
 * Builds the skills graph from content that passed `validateContent`. Pure and deterministic:
 * the same content gives the same graph, whatever order the files were read in.
 */
export function buildSkillsGraph(content: ParsedContent, contentHash: string): SkillsGraph {
  const byId = <T extends { id: string }>(items: readonly T[]) =>
    new Map([...items].sort((a, b) => compareIds(a.id, b.id)).map((item) => [item.id, item]));
  const skills = byId(content.skills);

  const dependants = new Map<string, string[]>([...skills.keys()].map((id) => [id, []]));
  for (const skill of skills.values()) {
    for (const prerequisite of skill.prerequisites) dependants.get(prerequisite)?.push(skill.id);
  }

  const questionsBySkill = groupBy(content.questions, (question) => [question.skill]);
  for (const list of questionsBySkill.values())
    list.sort((a, b) => a.level - b.level || compareIds(a.id, b.id));
  const modulesBySkill = groupBy(content.modules, (mod) => mod.skills.map((step) => step.skill));
  for (const [skillId, list] of modulesBySkill) {
    list.sort(
      (a, b) => (stepOf(a, skillId)?.from ?? 0) - (stepOf(b, skillId)?.from ?? 0) || compareIds(a.id, b.id),
    );
  }

  return {
    contentHash,
    roles: byId(content.roles),
    skills,
    questions: byId(content.questions),
    modules: byId(content.modules),
    roleList: [...content.roles].sort((a, b) => a.title.localeCompare(b.title, "en")),
    topologicalOrder: topologicalOrder(content.skills),
    dependants,
    questionsBySkill,
    modulesBySkill,
    retiredIds: {
      roles: retiredMap(content.roles),
      skills: retiredMap(content.skills),
      questions: retiredMap(content.questions),
      modules: retiredMap(content.modules),
    },
  };
}

/**
 * Kahn's algorithm: prerequisites first; among skills that are ready at the same time the
 * smaller id goes first, so the order never depends on file order. Skills caught in a cycle
 * (which validation rejects) are appended at the end rather than dropped.
 */
export function topologicalOrder(skills: readonly Pick<Skill, "id" | "prerequisites">[]): string[] {
  const known = new Set(skills.map((skill) => skill.id));
  const remaining = new Map(
    skills.map((skill) => [
      skill.id,
      new Set(skill.prerequisites.filter((id) => known.has(id) && id !== skill.id)),
    ]),
  );
  const order: string[] = [];
  while (remaining.size > 0) {
    const ready = [...remaining].filter(([, prerequisites]) => prerequisites.size === 0).map(([id]) => id);
    if (ready.length === 0) {
      order.push(...[...remaining.keys()].sort(compareIds));
      break;
    }
    const next = ready.sort(compareIds)[0] as string; // ready is non-empty here
    order.push(next);
    remaining.delete(next);
    for (const prerequisites of remaining.values()) prerequisites.delete(next);
  }
  return order;
}

/** Every skill that `skillId` builds on, directly or transitively, in topological order. */
export function prerequisiteClosure(graph: SkillsGraph, skillId: string): string[] {
  const found = new Set<string>();
  const stack = [...(graph.skills.get(skillId)?.prerequisites ?? [])];
  while (stack.length > 0) {
    const id = stack.pop() as string; // length checked by the loop condition
    if (found.has(id) || id === skillId) continue;
    found.add(id);
    stack.push(...(graph.skills.get(id)?.prerequisites ?? []));
  }
  return graph.topologicalOrder.filter((id) => found.has(id));
}

export interface RequirementLevel {
  level: number;
  weight: Weight | null;
}

/** A role's target level for every skill in the graph (0 and no weight where it has none). */
export function roleRequirementVector(graph: SkillsGraph, roleId: string): Map<string, RequirementLevel> {
  const role = graph.roles.get(roleId);
  const vector = new Map<string, RequirementLevel>(
    graph.topologicalOrder.map((id) => [id, { level: 0, weight: null }]),
  );
  for (const requirement of role?.requires ?? []) {
    vector.set(requirement.skill, { level: requirement.level, weight: requirement.weight });
  }
  return vector;
}

export function stepOf(mod: LearningModule, skillId: string) {
  return mod.skills.find((step) => step.skill === skillId);
}

/** Modules that lift `skillId` across the one-level step `fromLevel → fromLevel + 1`. */
export function modulesForStep(graph: SkillsGraph, skillId: string, fromLevel: number): LearningModule[] {
  return (graph.modulesBySkill.get(skillId) ?? []).filter((mod) => {
    const step = stepOf(mod, skillId);
    return step !== undefined && step.from <= fromLevel && fromLevel < step.to;
  });
}

export interface ModulePath {
  modules: LearningModule[];
  hours: number;
}

/**
 * The fewest hours of modules that lift `skillId` from `fromLevel` to at least `toLevel`
 * (a shortest path over levels 0–4 where each module is an edge from any level it covers to its
 * `to`). Undefined when the modules leave a step uncovered. Ties go to fewer modules, then ids.
 */
export function cheapestModulePath(
  graph: SkillsGraph,
  skillId: string,
  fromLevel: number,
  toLevel: number,
): ModulePath | undefined {
  if (fromLevel >= toLevel) return { modules: [], hours: 0 };
  const candidates = graph.modulesBySkill.get(skillId) ?? [];
  const best: (ModulePath | undefined)[] = Array.from({ length: MAX_LEVEL + 1 }, () => undefined);
  best[fromLevel] = { modules: [], hours: 0 };
  for (let level = fromLevel; level < toLevel; level++) {
    const here = best[level];
    if (!here) continue;
    for (const mod of candidates) {
      const step = stepOf(mod, skillId);
      if (!step || step.from > level || level >= step.to) continue;
      const reach = Math.min(step.to, toLevel);
      const next: ModulePath = { modules: [...here.modules, mod], hours: here.hours + mod.hours };
      const current = best[reach];
      if (!current || isBetterPath(next, current)) best[reach] = next;
    }
  }
  return best[toLevel];
}

function isBetterPath(a: ModulePath, b: ModulePath): boolean {
  if (a.hours !== b.hours) return a.hours < b.hours;
  if (a.modules.length !== b.modules.length) return a.modules.length < b.modules.length;
  return a.modules.map((m) => m.id).join(",") < b.modules.map((m) => m.id).join(",");
}

function groupBy<T>(items: readonly T[], keysOf: (item: T) => string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of new Set(keysOf(item))) {
      const list = groups.get(key);
      if (list) list.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

function retiredMap(items: readonly { id: string; replaces?: string[] | undefined }[]): Map<string, string> {
  return new Map(items.flatMap((item) => (item.replaces ?? []).map((oldId) => [oldId, item.id] as const)));
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

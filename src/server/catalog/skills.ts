import "server-only";
import type { ModuleFormat, Weight } from "@/domain/content/schemas";
import { LEVEL_NAMES } from "@/domain/levels";
import { prerequisiteClosure, stepOf } from "@/domain/skills-graph";
import { getSkillsGraph } from "../content-loader";
import { renderMarkdown } from "../markdown";

export interface SkillLink {
  id: string;
  title: string;
}

export interface SkillCategory {
  category: string;
  skills: (SkillLink & { level1: string; roleCount: number })[];
}

export interface SkillDetail {
  id: string;
  title: string;
  category: string;
  bodyHtml: string;
  levels: { level: number; name: string; descriptor: string }[];
  prerequisites: SkillLink[];
  /** Everything this skill builds on, transitively, in learning order. */
  foundations: SkillLink[];
  dependants: SkillLink[];
  roles: { id: string; title: string; level: number; weight: Weight }[];
  modules: {
    id: string;
    title: string;
    from: number;
    to: number;
    hours: number;
    format: ModuleFormat;
    url?: string | undefined;
  }[];
  questionCount: number;
  questionLevels: number[];
}

const ACRONYMS: Record<string, string> = {
  ai: "AI",
  ml: "ML",
  llm: "LLM",
  mlops: "MLOps",
  sql: "SQL",
  api: "API",
  apis: "APIs",
};

/** `llm-systems` → "LLM systems": category ids read as labels. */
export function formatCategory(category: string): string {
  const words = category.split("-").map((word) => ACRONYMS[word] ?? word);
  const label = words.join(" ");
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** Skills grouped by category; categories and skills in learning (topological) order. */
export function listSkillsByCategory(): SkillCategory[] {
  const graph = getSkillsGraph();
  const groups = new Map<string, SkillCategory>();
  for (const id of graph.topologicalOrder) {
    const skill = graph.skills.get(id);
    if (!skill) continue;
    const group = groups.get(skill.category) ?? { category: skill.category, skills: [] };
    groups.set(skill.category, group);
    group.skills.push({
      id,
      title: skill.title,
      level1: skill.levels[1],
      roleCount: graph.roleList.filter((role) =>
        role.requires.some((requirement) => requirement.skill === id),
      ).length,
    });
  }
  return [...groups.values()];
}

export type SkillLookup =
  { kind: "found"; skill: SkillDetail } | { kind: "moved"; id: string } | { kind: "missing" };

export function findSkill(id: string): SkillLookup {
  const graph = getSkillsGraph();
  const skill = graph.skills.get(id);
  if (!skill) {
    const successor = graph.retiredIds.skills.get(id);
    return successor ? { kind: "moved", id: successor } : { kind: "missing" };
  }
  const link = (skillId: string): SkillLink => ({
    id: skillId,
    title: graph.skills.get(skillId)?.title ?? skillId,
  });
  const questions = graph.questionsBySkill.get(id) ?? [];

  return {
    kind: "found",
    skill: {
      id,
      title: skill.title,
      category: skill.category,
      bodyHtml: renderMarkdown(skill.body),
      levels: LEVEL_NAMES.map((name, level) => ({
        level,
        name,
        descriptor: skill.levels[level as 0 | 1 | 2 | 3 | 4],
      })),
      prerequisites: skill.prerequisites.map(link),
      foundations: prerequisiteClosure(graph, id).map(link),
      dependants: (graph.dependants.get(id) ?? []).map(link),
      roles: graph.roleList.flatMap((role) =>
        role.requires
          .filter((requirement) => requirement.skill === id)
          .map((requirement) => ({
            id: role.id,
            title: role.title,
            level: requirement.level,
            weight: requirement.weight,
          })),
      ),
      modules: (graph.modulesBySkill.get(id) ?? []).map((mod) => {
        const step = stepOf(mod, id);
        return {
          id: mod.id,
          title: mod.title,
          from: step?.from ?? 0,
          to: step?.to ?? 0,
          hours: mod.hours,
          format: mod.format,
          url: mod.url,
        };
      }),
      questionCount: questions.length,
      questionLevels: [1, 2, 3, 4].map(
        (level) => questions.filter((question) => question.level === level).length,
      ),
    },
  };
}

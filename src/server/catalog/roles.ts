import "server-only";
import type { Weight } from "@/domain/content/schemas";
import { getSkillsGraph } from "../content-loader";
import { renderMarkdown } from "../markdown";

export interface RoleSummary {
  id: string;
  title: string;
  summary: string;
  coreCount: number;
  skillCount: number;
}

export interface RoleRequirementRow {
  skillId: string;
  skillTitle: string;
  level: number;
  weight: Weight;
  descriptor: string;
}

export interface RoleDetail extends RoleSummary {
  version: number;
  bodyHtml: string;
  core: RoleRequirementRow[];
  supporting: RoleRequirementRow[];
}

export function listRoles(): RoleSummary[] {
  return getSkillsGraph().roleList.map((role) => ({
    id: role.id,
    title: role.title,
    summary: role.summary,
    coreCount: role.requires.filter((requirement) => requirement.weight === "core").length,
    skillCount: role.requires.length,
  }));
}

export type RoleLookup =
  { kind: "found"; role: RoleDetail } | { kind: "moved"; id: string } | { kind: "missing" };

/** A role by id; a retired id (listed in some role's `replaces`) points at its successor. */
export function findRole(id: string): RoleLookup {
  const graph = getSkillsGraph();
  const role = graph.roles.get(id);
  if (!role) {
    const successor = graph.retiredIds.roles.get(id);
    return successor ? { kind: "moved", id: successor } : { kind: "missing" };
  }
  const order = new Map(graph.topologicalOrder.map((skillId, index) => [skillId, index]));
  const rows = role.requires
    .map((requirement): RoleRequirementRow => {
      const skill = graph.skills.get(requirement.skill);
      return {
        skillId: requirement.skill,
        skillTitle: skill?.title ?? requirement.skill,
        level: requirement.level,
        weight: requirement.weight,
        descriptor: skill?.levels[requirement.level as 1 | 2 | 3 | 4] ?? "",
      };
    })
    .sort((a, b) => (order.get(a.skillId) ?? 0) - (order.get(b.skillId) ?? 0));
  return {
    kind: "found",
    role: {
      id: role.id,
      title: role.title,
      summary: role.summary,
      version: role.version,
      coreCount: rows.filter((row) => row.weight === "core").length,
      skillCount: rows.length,
      bodyHtml: renderMarkdown(role.body),
      core: rows.filter((row) => row.weight === "core"),
      supporting: rows.filter((row) => row.weight === "supporting"),
    },
  };
}

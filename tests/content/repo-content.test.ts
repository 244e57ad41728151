import { beforeAll, describe, expect, it } from "vitest";
import { compileContent, formatContentReport } from "@/domain/content/compile";
import type { SkillsGraph } from "@/domain/skills-graph";
import { readContentFiles } from "@/server/content-loader";
import { REPO_CONTENT_DIR } from "../support/paths";

const FOUR_CORE_ROLES = ["data-scientist", "ml-engineer", "ai-engineer", "mlops-engineer"];
const SUPPORTING_ROLES = ["data-analyst", "ml-researcher", "data-engineer"];

let graph: SkillsGraph;

beforeAll(() => {
  const result = compileContent(readContentFiles(REPO_CONTENT_DIR));
  if (!result.ok) throw new Error(formatContentReport(result.errors, "content"));
  graph = result.graph;
});

describe("the repository's content", () => {
  it("has the seven roles, each requiring 8–12 skills of which 5–8 are core", () => {
    for (const id of [...FOUR_CORE_ROLES, ...SUPPORTING_ROLES]) {
      const role = graph.roles.get(id);
      expect(role, id).toBeDefined();
      expect(role?.requires.length, id).toBeGreaterThanOrEqual(8);
      expect(role?.requires.length, id).toBeLessThanOrEqual(12);
      const core = role?.requires.filter((requirement) => requirement.weight === "core").length ?? 0;
      expect(core, id).toBeGreaterThanOrEqual(5);
      expect(core, id).toBeLessThanOrEqual(8);
      expect(role?.body.length, id).toBeGreaterThan(800);
    }
  });

  it("has about thirty skills, each reachable from some role's requirements", () => {
    expect(graph.skills.size).toBeGreaterThanOrEqual(28);
    const reachable = new Set<string>();
    const stack = [...graph.roles.values()].flatMap((role) => role.requires.map((requirement) => requirement.skill));
    while (stack.length > 0) {
      const id = stack.pop() as string; // loop condition guarantees an element
      if (reachable.has(id)) continue;
      reachable.add(id);
      stack.push(...(graph.skills.get(id)?.prerequisites ?? []));
    }
    expect([...graph.skills.keys()].filter((id) => !reachable.has(id))).toEqual([]);
  });

  it("gives every skill questions at two or more levels and at least one module", () => {
    for (const id of graph.skills.keys()) {
      const levels = new Set((graph.questionsBySkill.get(id) ?? []).map((question) => question.level));
      expect(levels.size, `${id} question levels`).toBeGreaterThanOrEqual(2);
      expect(graph.modulesBySkill.get(id)?.length ?? 0, `${id} modules`).toBeGreaterThanOrEqual(1);
    }
  });

  it("covers the common transitions as both start and target", () => {
    for (const [from, to] of [
      ["data-scientist", "ai-engineer"],
      ["ml-researcher", "mlops-engineer"],
      ["data-analyst", "data-engineer"],
      ["ml-engineer", "ai-engineer"],
    ]) {
      expect(graph.roles.has(from as string) && graph.roles.has(to as string)).toBe(true);
    }
  });

  it("uses stable option ids that are unique within each question", () => {
    for (const question of graph.questions.values()) {
      const ids = question.options.map((option) => option.id);
      expect(new Set(ids).size, question.id).toBe(ids.length);
    }
  });
});

import { describe, expect, it } from "vitest";
import { compileContent, hashContentFiles } from "@/domain/content/compile";
import {
  cheapestModulePath,
  modulesForStep,
  prerequisiteClosure,
  roleRequirementVector,
  topologicalOrder,
  type SkillsGraph,
} from "@/domain/skills-graph";
import {
  buildValidContentFiles,
  moduleFile,
  overlay,
  questionBank,
  skillFile,
} from "../factories/content-files";

function graphOf(files = buildValidContentFiles()): SkillsGraph {
  const result = compileContent(files);
  if (!result.ok)
    throw new Error(result.errors.map((error) => `${error.file}:${error.line} ${error.message}`).join("\n"));
  return result.graph;
}

describe("topologicalOrder", () => {
  it("puts every prerequisite before the skills that need it, ties broken by id", () => {
    const order = topologicalOrder([
      { id: "rag", prerequisites: ["embeddings", "llm-apis"] },
      { id: "llm-apis", prerequisites: ["python"] },
      { id: "embeddings", prerequisites: ["llm-apis"] },
      { id: "python", prerequisites: [] },
      { id: "docker", prerequisites: [] },
    ]);
    expect(order).toEqual(["docker", "python", "llm-apis", "embeddings", "rag"]);
  });

  it("does not depend on input order", () => {
    const skills = [
      { id: "c", prerequisites: ["a", "b"] },
      { id: "a", prerequisites: [] },
      { id: "b", prerequisites: ["a"] },
    ];
    expect(topologicalOrder([...skills].reverse())).toEqual(topologicalOrder(skills));
  });
});

describe("buildSkillsGraph", () => {
  it("computes the transitive prerequisites of a skill in learning order", () => {
    const graph = graphOf();
    expect(prerequisiteClosure(graph, "delta")).toEqual(["alpha", "bravo", "charlie"]);
    expect(prerequisiteClosure(graph, "alpha")).toEqual([]);
    expect(graph.dependants.get("alpha")).toEqual(["bravo"]);
  });

  it("gives a role's requirement for every skill, zero where it needs none", () => {
    const files = overlay(buildValidContentFiles(), [
      skillFile("india"),
      moduleFile("india"),
      ...questionBank("india"),
    ]);
    const vector = roleRequirementVector(graphOf(files), "test-role");
    expect(vector.get("alpha")).toEqual({ level: 2, weight: "core" });
    expect(vector.get("hotel")).toEqual({ level: 2, weight: "supporting" });
    expect(vector.get("india")).toEqual({ level: 0, weight: null });
    expect(vector.size).toBe(9);
  });

  it("indexes modules by the one-level steps they lift", () => {
    const graph = graphOf();
    expect(modulesForStep(graph, "alpha", 0).map((m) => m.id)).toEqual(["alpha-intro"]);
    expect(modulesForStep(graph, "alpha", 1).map((m) => m.id)).toEqual(["alpha-intro"]);
    expect(modulesForStep(graph, "alpha", 2)).toEqual([]);
  });

  it("chooses the fewest module hours that close a gap, and says when a step is uncovered", () => {
    const files = overlay(buildValidContentFiles(), [
      {
        ...moduleFile("alpha", 2, 3, 10),
        path: "modules/alpha-step-3.md",
        text: moduleFile("alpha", 2, 3, 10).text.replace("alpha-intro", "alpha-step-3"),
      },
      {
        ...moduleFile("alpha", 2, 4, 30),
        path: "modules/alpha-to-4.md",
        text: moduleFile("alpha", 2, 4, 30).text.replace("alpha-intro", "alpha-to-4"),
      },
      {
        ...moduleFile("alpha", 3, 4, 12),
        path: "modules/alpha-step-4.md",
        text: moduleFile("alpha", 3, 4, 12).text.replace("alpha-intro", "alpha-step-4"),
      },
    ]);
    const graph = graphOf(files);
    expect(cheapestModulePath(graph, "alpha", 0, 4)).toMatchObject({ hours: 4 + 10 + 12 });
    expect(cheapestModulePath(graph, "alpha", 0, 4)?.modules.map((m) => m.id)).toEqual([
      "alpha-intro",
      "alpha-step-3",
      "alpha-step-4",
    ]);
    expect(cheapestModulePath(graph, "alpha", 3, 3)).toEqual({ modules: [], hours: 0 });
    expect(cheapestModulePath(graph, "bravo", 0, 3)).toBeUndefined();
  });

  it("has a content hash that changes with any file and not with file order", () => {
    const files = buildValidContentFiles();
    const graph = graphOf(files);
    expect(graph.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashContentFiles([...files].reverse())).toBe(graph.contentHash);
    const edited = files.map((file, index) => (index === 3 ? { ...file, text: `${file.text}\n` } : file));
    expect(hashContentFiles(edited)).not.toBe(graph.contentHash);
  });

  it("maps retired ids to their successors", () => {
    const alpha = skillFile("alpha");
    const files = overlay(buildValidContentFiles(), [
      { ...alpha, text: alpha.text.replace("prerequisites: []", "prerequisites: []\nreplaces: [old-alpha]") },
    ]);
    expect(graphOf(files).retiredIds.skills.get("old-alpha")).toBe("alpha");
  });
});

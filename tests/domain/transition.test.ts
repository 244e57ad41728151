import { describe, expect, it } from "vitest";
import { compileContent } from "@/domain/content/compile";
import { diffRoles } from "@/domain/transition";
import {
  buildValidContentFiles,
  moduleFile,
  overlay,
  questionBank,
  roleFile,
  skillFile,
} from "../factories/content-files";

function graphWithTwoRoles() {
  const files = overlay(buildValidContentFiles(), [
    skillFile("india"),
    ...questionBank("india"),
    moduleFile("india"),
    // The source role: alpha as high as the target needs, bravo lower, india not in the target.
    roleFile("source-role", [
      { skill: "alpha", level: 2, weight: "core" },
      { skill: "bravo", level: 1, weight: "core" },
      { skill: "charlie", level: 2, weight: "core" },
      { skill: "delta", level: 1, weight: "core" },
      { skill: "india", level: 2, weight: "core" },
      { skill: "foxtrot", level: 2, weight: "supporting" },
      { skill: "golf", level: 2, weight: "supporting" },
      { skill: "hotel", level: 2, weight: "supporting" },
    ]),
  ]);
  const result = compileContent(files);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.graph;
}

describe("diffRoles", () => {
  it("splits the target's skills into carries over, must grow and new", () => {
    const transition = diffRoles(graphWithTwoRoles(), "source-role", "test-role");
    expect(transition?.carriesOver.map((item) => item.skillId)).toEqual([
      "alpha",
      "charlie",
      "foxtrot",
      "golf",
      "hotel",
    ]);
    expect(transition?.mustGrow.map((item) => [item.skillId, item.fromLevel, item.toLevel])).toEqual([
      ["bravo", 1, 2],
      ["delta", 1, 2],
    ]);
    expect(transition?.isNew.map((item) => item.skillId)).toEqual(["echo"]);
    expect(transition?.leftBehind).toEqual(["india"]);
  });

  it("adds up the module hours that close every gap", () => {
    const transition = diffRoles(graphWithTwoRoles(), "source-role", "test-role");
    // bravo 1→2, delta 1→2 and echo 0→2 each need the 4-hour intro module.
    expect(transition?.totalHours).toBe(12);
    expect(transition?.items.every((item) => !item.isUncovered)).toBe(true);
  });

  it("is undefined for an unknown role", () => {
    expect(diffRoles(graphWithTwoRoles(), "nobody", "test-role")).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { compileContent } from "@/domain/content/compile";
import { diffRoles } from "@/domain/transition";
import { readContentFiles } from "@/server/content-loader";
import { REPO_CONTENT_DIR } from "../support/paths";

const ANALYTICS_ENGINEER = `---
id: analytics-engineer
title: Analytics Engineer
summary: Turns raw warehouse data into tested, documented models that analysts trust.
version: 1
requires:
  - { skill: sql, level: 4, weight: core }
  - { skill: data-modelling, level: 3, weight: core }
  - { skill: data-quality-monitoring, level: 3, weight: supporting }
  - { skill: data-pipelines, level: 2, weight: core }
  - { skill: python, level: 2, weight: core }
  - { skill: ci-cd-ml, level: 2, weight: core }
  - { skill: data-visualisation, level: 2, weight: supporting }
  - { skill: statistics, level: 1, weight: supporting }
---
## What the work is
Modelling warehouse data for analysts.
`;

describe("adding a role", () => {
  it("is one new Markdown file: the role joins the graph and every transition", () => {
    const files = [...readContentFiles(REPO_CONTENT_DIR), { path: "roles/analytics-engineer.md", text: ANALYTICS_ENGINEER }];
    const result = compileContent(files);
    if (!result.ok) throw new Error(result.errors.map((error) => `${error.file}:${error.line} ${error.message}`).join("\n"));
    expect(result.graph.roleList.map((role) => role.id)).toContain("analytics-engineer");
    const transition = diffRoles(result.graph, "data-analyst", "analytics-engineer");
    expect(transition?.mustGrow.map((item) => item.skillId)).toContain("sql");
    expect(transition?.totalHours).toBeGreaterThan(0);
  });
});

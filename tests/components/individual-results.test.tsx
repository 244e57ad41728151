// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { shortLabelsOf, type Requirement } from "@/components/teams/dashboard-types";
import { IndividualResults } from "@/components/teams/individual-results";

afterEach(cleanup);

const requirements = [
  { skillId: "python", level: 3, weight: "core", title: "Python & software engineering" },
  { skillId: "serving", level: 3, weight: "core", title: "Model serving" },
  { skillId: "monitoring", level: 3, weight: "core", title: "Model monitoring" },
  { skillId: "k8s", level: 2, weight: "supporting", title: "Kubernetes" },
] as Requirement[];

const person = {
  userId: "u1",
  name: "Ada",
  attemptId: "a1",
  readiness: 0.42,
  completedAt: new Date("2026-11-02T10:00:00Z"),
  skills: [
    { skillId: "python", level: 3, pMeets: 0.9, meets: true },
    { skillId: "serving", level: 1, pMeets: 0.1, meets: false },
    { skillId: "monitoring", level: null, pMeets: null, meets: false },
    { skillId: "k8s", level: 2, pMeets: 0.8, meets: true },
  ],
};

describe("short skill headers", () => {
  it("are the initials of a title's words, a one-word title's first letters, and never the same twice", () => {
    expect([...shortLabelsOf(requirements).values()]).toEqual(["PSE", "MS", "MM", "Kube"]);
    const twins = [
      { ...requirements[1], skillId: "a" },
      { ...requirements[1], skillId: "b" },
    ] as Requirement[];
    expect([...shortLabelsOf(twins).values()]).toEqual(["MS", "MS2"]);
  });
});

describe("IndividualResults", () => {
  it("names every skill in full for screen readers and in a visible key, and writes each verdict in words", () => {
    render(<IndividualResults individuals={[person]} requirements={requirements} />);
    const table = screen.getByRole("table");
    for (const requirement of requirements)
      expect(
        within(table).getByRole("columnheader", {
          name: `${requirement.title} (target ${requirement.level})`,
        }),
      ).toBeTruthy();
    const key = screen.getByText("Skill key: what the column headers stand for").closest("details");
    expect(key?.open).toBe(true);
    expect(within(key as HTMLElement).getByText("Model serving")).toBeTruthy();
    expect(within(table).getByRole("rowheader").textContent).toBe("Ada");
    // The phone cards: every skill with its target, level and verdict spelled out.
    const card = screen.getByRole("listitem");
    expect(
      within(card)
        .getAllByRole("term")
        .map((term) => term.textContent),
    ).toEqual([
      "Python & software engineering (target 3)",
      "Model serving (target 3)",
      "Model monitoring (target 3)",
      "Kubernetes (target 2)",
    ]);
    expect(
      within(card)
        .getAllByRole("definition")
        .map((value) => value.textContent),
    ).toEqual(["level 3, meets target", "level 1, below target", "not measured", "level 2, meets target"]);
  });
});

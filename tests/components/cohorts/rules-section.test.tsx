// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { FormState } from "@/components/forms/form-state";
import { RulesSection } from "@/components/cohorts/rules-section";

const skills = [
  {
    id: "ci-cd-ml",
    title: "CI/CD for ML",
    modules: [
      { id: "ci-build", title: "A CI pipeline" },
      { id: "ci-deploy", title: "Deploying models" },
    ],
  },
  { id: "python", title: "Python", modules: [{ id: "py-basics", title: "Python basics" }] },
];

const rule = (appliedAt: Date | null) => ({
  id: "r1",
  skillTitle: "CI/CD for ML",
  moduleTitle: "A CI pipeline",
  belowLevel: null,
  pMeetsBelow: 0.5,
  dueDays: 14,
  appliedAt,
});

const section = (
  props: Partial<Parameters<typeof RulesSection>[0]> & { add?: () => Promise<FormState> } = {},
) => (
  <RulesSection
    cohortId="c1"
    rules={[]}
    previewText="Applying the rules now would assign nothing new."
    canApply={false}
    isOpen
    skills={skills}
    actions={{
      add: props.add ?? (async () => null),
      remove: async () => null,
      apply: async () => ({ ok: true, message: "Assigned 1 module to 1 learner." }),
    }}
    {...props}
  />
);

const optionLabels = (select: HTMLElement) =>
  Array.from((select as HTMLSelectElement).options).map((option) => option.textContent);

afterEach(cleanup);

describe("the add-rule form", () => {
  it("asks for the chance in percent and for a level by name, each with its own hint", () => {
    render(section());
    expect(optionLabels(screen.getByLabelText("Condition"))).toEqual([
      "Level below",
      "Chance of meeting the target below",
    ]);
    const chance = screen.getByLabelText("Chance threshold, in %");
    expect(chance).toHaveProperty("name", "pMeetsPercent");
    expect(document.getElementById(chance.getAttribute("aria-describedby") ?? "")?.textContent).toBe(
      "A whole percentage from 1 to 100: 50 means a 50 % chance.",
    );
    expect(optionLabels(screen.getByLabelText("Level threshold"))).toEqual([
      "1 · Aware",
      "2 · Working",
      "3 · Proficient",
      "4 · Expert",
    ]);
    expect(screen.queryByText(/fraction|0\.5/)).toBeNull();
  });

  it("offers only the modules that teach the chosen skill, grouped by skill until one is chosen", () => {
    render(section());
    const modules = screen.getByLabelText("Module to assign");
    expect(
      Array.from(modules.querySelectorAll("optgroup")).map((group) => [
        group.label,
        Array.from(group.querySelectorAll("option")).map((option) => option.textContent),
      ]),
    ).toEqual([
      ["CI/CD for ML", ["A CI pipeline", "Deploying models"]],
      ["Python", ["Python basics"]],
    ]);
    fireEvent.change(screen.getByLabelText("Skill"), { target: { value: "python" } });
    expect(optionLabels(modules)).toEqual(["Choose a module", "Python basics"]);
    expect(within(modules.parentElement as HTMLElement).getByText("Modules that teach Python.")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Skill"), { target: { value: "ci-cd-ml" } });
    expect(optionLabels(modules)).toEqual(["Choose a module", "A CI pipeline", "Deploying models"]);
  });

  it("shows the server's refusal under the field it is about and keeps what was typed", async () => {
    const add = vi.fn(async (): Promise<FormState> => ({
      ok: false,
      error: "Please fix the highlighted fields.",
      fieldErrors: { pMeetsPercent: "Type the chance as a whole percentage from 1 to 100." },
      values: { skillId: "python", condition: "pMeetsBelow", pMeetsPercent: "0.5", moduleId: "py-basics" },
    }));
    render(section({ add }));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Add rule" })));
    const chance = screen.getByLabelText("Chance threshold, in %");
    expect(chance.getAttribute("aria-invalid")).toBe("true");
    expect(chance.getAttribute("aria-describedby")).toContain("add-rule-pMeetsPercent-error");
    expect(screen.getByText("Type the chance as a whole percentage from 1 to 100.")).toBeTruthy();
    expect((chance as HTMLInputElement).value).toBe("0.5");
    expect((screen.getByLabelText("Condition") as HTMLSelectElement).value).toBe("pMeetsBelow");
    expect(optionLabels(screen.getByLabelText("Module to assign"))).toEqual([
      "Choose a module",
      "Python basics",
    ]);
  });

  it("drops the “Rule added” notice once the rules are applied", async () => {
    const add = async (): Promise<FormState> => ({
      ok: true,
      message: "Rule added. Check the preview, then apply.",
    });
    const { rerender } = render(section({ add, rules: [rule(null)], canApply: true }));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Add rule" })));
    expect(screen.getByText("Rule added. Check the preview, then apply.")).toBeTruthy();
    // Applying re-renders the page with the rule applied.
    rerender(section({ add, rules: [rule(new Date("2026-03-02T10:00:00Z"))], canApply: false }));
    expect(screen.queryByText("Rule added. Check the preview, then apply.")).toBeNull();
    expect(screen.getByRole("button", { name: "Apply the rules" })).toHaveProperty("disabled", true);
  });
});

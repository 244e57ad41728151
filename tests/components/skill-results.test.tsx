// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { LevelRange } from "@/components/results/level-range";
import { SkillResults } from "@/components/results/skill-results";
import type { SkillRow } from "@/server/results";
import { skillRow } from "../factories/skill-rows";

afterEach(cleanup);

const moved: SkillRow["movedBy"] = [
  { position: 1, outcome: "incorrect", shift: -0.3 },
  { position: 4, outcome: "correct", shift: 0.12 },
];

/** The phone version: the first list SkillResults renders (jsdom applies no media queries). */
const cards = () => screen.getAllByRole("list")[0] as HTMLElement;

describe("LevelRange", () => {
  it("says the most likely level and the range in words, so a wide range never reads as a high level", () => {
    const { container } = render(<LevelRange level={0} low={0} high={2} target={3} />);
    expect(screen.getByText("Most likely None (0); could be 0–2")).toBeTruthy();
    // The drawn scale is decorative: screen readers get the sentence only.
    expect(container.querySelector('[aria-hidden="true"]')?.textContent).toBe("");
  });

  it("draws the most likely level as the mark at 0 and the range 0–2 as a band, not as filled blocks up to 2", () => {
    const { container } = render(<LevelRange level={0} low={0} high={2} target={3} />);
    const mark = (name: string) => container.querySelector<HTMLElement>(`[data-mark="${name}"]`)?.style;
    expect(mark("level")?.left).toBe("0%");
    expect(mark("range")?.left).toBe("0%");
    expect(mark("range")?.width).toBe("50%");
    expect(mark("target")?.left).toBe("75%");
  });
});

describe("SkillResults", () => {
  it("gives each skill a card with its level, target, chance in words and evidence", () => {
    render(
      <SkillResults
        rows={[
          skillRow({}),
          skillRow({
            skillId: "llm-apis",
            title: "LLM APIs",
            targetLevel: 4,
            level: 4,
            low: 3,
            high: 4,
            pMeets: 0.93,
            answerCount: 1,
          }),
        ]}
        caption="Per skill"
        hasPrevious={false}
      />,
    );
    const [python, llm] = within(cards()).getAllByRole("listitem") as [HTMLElement, HTMLElement];
    expect(within(python).getByRole("heading", { name: /Python/ })).toBeTruthy();
    expect(within(python).getByText("Most likely Working (2); could be 1–3")).toBeTruthy();
    expect(within(python).getByText("Proficient (3)")).toBeTruthy();
    expect(within(python).getByText(/Likely below/).textContent).toBe("Likely below (24 %)");
    expect(within(python).getByText("2 questions")).toBeTruthy();
    expect(within(llm).getByText("Most likely Expert (4); could be 3–4")).toBeTruthy();
    expect(within(llm).getByText("Expert (4)")).toBeTruthy();
    expect(within(llm).getByText(/Very likely meets/).textContent).toBe("Very likely meets (93 %)");
    expect(within(llm).getByText("1 question")).toBeTruthy();
  });

  it("says in plain sentences which answers moved an estimate once the review is open", () => {
    render(<SkillResults rows={[skillRow({ movedBy: moved })]} caption="Per skill" hasPrevious={false} />);
    const card = within(cards()).getByRole("listitem");
    expect(card.textContent).toContain(
      "Your answer to question 1 (wrong) lowered this the most. Question 4 (right) raised it.",
    );
    expect(within(card).getByRole("link", { name: "question 1" }).getAttribute("href")).toBe("#review-1");
    expect(card.textContent).not.toMatch(/Moved most by|Q1|−0\.3/);
  });

  it("shows no answer's effect while the review is withheld, in the cards and in the table", () => {
    const { container } = render(
      <SkillResults
        rows={[skillRow({ movedBy: moved }), skillRow({ skillId: "sql", title: "SQL", movedBy: moved })]}
        caption="Per skill"
        hasPrevious={false}
        isReviewWithheld
      />,
    );
    // Whether an answer lowered or raised an estimate would tell whether it was right.
    const text = container.textContent ?? "";
    expect(text).not.toMatch(/\b(lowered|raised|wrong|right|don.t know|didn.t know)\b/i);
    expect(text).not.toMatch(/question [14]\b/i);
    expect(container.querySelector('a[href^="#review-"]')).toBeNull();
    // The figures themselves stay.
    expect(within(cards()).getAllByText("2 questions")).toHaveLength(2);
  });
});

// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { SelfRatingTrend } from "@/components/me/self-rating-trend";
import { SelfRatingSummary } from "@/components/results/self-rating-summary";
import type { RoleProgress } from "@/server/history";
import type { ResultsView } from "@/server/results";
import { skillRow } from "../factories/skill-rows";

afterEach(cleanup);

describe("SelfRatingSummary", () => {
  it("names blind spots and hidden strengths in plain words, with the rating and the measured range", () => {
    const summary: ResultsView["selfRating"] = {
      step: "done",
      rated: 3,
      blindSpots: [
        skillRow({ title: "Python", level: 1, low: 1, high: 2, selfRating: { level: 4, gap: "blindSpot" } }),
      ],
      hiddenStrengths: [
        skillRow({
          title: "Embeddings",
          level: 3,
          low: 3,
          high: 3,
          selfRating: { level: 1, gap: "hiddenStrength" },
        }),
      ],
    };
    render(<SelfRatingSummary summary={summary} />);
    expect(screen.getByRole("region", { name: "Your own rating against your answers" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: /^Blind spot: you rated yourself higher/ })).toBeTruthy();
    expect(
      screen.getByText(
        "Python: you said Expert (4); your answers say most likely Aware (1), between 1 and 2.",
      ),
    ).toBeTruthy();
    expect(screen.getByRole("heading", { name: /^Hidden strength: your answers show more/ })).toBeTruthy();
    expect(
      screen.getByText("Embeddings: you said Aware (1); your answers say most likely Proficient (3), at 3."),
    ).toBeTruthy();
  });

  it("says the ratings agree when none lies outside the range", () => {
    render(<SelfRatingSummary summary={{ step: "done", rated: 2, blindSpots: [], hiddenStrengths: [] }} />);
    expect(screen.getByText(/Your answers agree with every rating/)).toBeTruthy();
  });

  it("shows nothing when the step was skipped or nothing was rated", () => {
    const { container } = render(
      <>
        <SelfRatingSummary summary={{ step: "skipped", rated: 0, blindSpots: [], hiddenStrengths: [] }} />
        <SelfRatingSummary summary={{ step: "done", rated: 0, blindSpots: [], hiddenStrengths: [] }} />
      </>,
    );
    expect(container.textContent).toBe("");
  });
});

describe("SelfRatingTrend", () => {
  const progress = (gaps: RoleProgress["selfRatingGaps"]): RoleProgress => ({
    roleId: "ai-engineer",
    title: "AI Engineer",
    timeZone: "Europe/Berlin",
    attempts: gaps.map((_, index) => ({
      id: `a${index}`,
      completedAt: new Date(`2026-0${index + 1}-10T10:00:00Z`),
      readiness: 0.3,
    })),
    skills: [],
    selfRatingGaps: gaps,
  });

  it("shows per assessment, dated with the year, how far the ratings were from the measurement", () => {
    render(
      <SelfRatingTrend
        progress={progress([
          null,
          { rated: 5, blindSpots: 2, hiddenStrengths: 1, meanAbsoluteGap: 1.25 },
          { rated: 5, blindSpots: 0, hiddenStrengths: 1, meanAbsoluteGap: 0.4 },
        ])}
      />,
    );
    const items = screen.getAllByRole("listitem").map((item) => item.textContent);
    expect(items).toEqual([
      "Sat 10 Jan 2026: not rated.",
      "Tue 10 Feb 2026: 5 skills rated; 2 blind spots, 1 hidden strength; ratings 1.3 levels away from the measured level on average.",
      "Tue 10 Mar 2026: 5 skills rated; no blind spots, 1 hidden strength; ratings 0.4 levels away from the measured level on average.",
    ]);
  });

  it("shows nothing for a role none of whose assessments was rated", () => {
    const { container } = render(<SelfRatingTrend progress={progress([null, null])} />);
    expect(container.textContent).toBe("");
  });
});

// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { ProgressChart, wrapWords } from "@/components/me/progress-chart";
import type { ProgressPoint, RoleProgress } from "@/server/history";

afterEach(cleanup);

const point = (band: number): ProgressPoint => ({
  band,
  bandLow: band,
  bandHigh: band + 1,
  pMeets: 0.3,
  targetLevel: 3,
  isAssessed: true,
});

function progress(completed: string[], timeZone = "Europe/Berlin"): RoleProgress {
  return {
    roleId: "ai-engineer",
    title: "AI Engineer",
    timeZone,
    attempts: completed.map((at, index) => ({ id: `a${index}`, completedAt: new Date(at), readiness: 0.2 })),
    skills: [
      {
        skillId: "prompt-engineering",
        title: "Prompt engineering & prompt versioning",
        isCore: true,
        points: completed.map((_, index) => point(index)),
      },
    ],
    selfRatingGaps: completed.map(() => null),
  };
}

const axis = (container: HTMLElement) =>
  [...container.querySelectorAll("svg > text")].map((label) =>
    [...label.querySelectorAll("tspan")].map((line) => line.textContent),
  );

describe("ProgressChart", () => {
  it("tells two assessments on the same day apart by their time in the person's zone", () => {
    // 08:15 and 16:40 UTC are 09:15 and 17:40 in Berlin, both on Fri 4 Dec 2026; the third is a day later.
    const { container } = render(
      <ProgressChart
        progress={progress(["2026-12-04T08:15:00Z", "2026-12-04T16:40:00Z", "2026-12-05T10:00:00Z"])}
      />,
    );
    expect(axis(container)).toEqual([
      ["Fri 4 Dec", "2026", "09:15"],
      ["Fri 4 Dec", "2026", "17:40"],
      ["Sat 5 Dec", "2026"],
    ]);
    expect(screen.getByText(/Assessments on the same day show their time \(Europe\/Berlin\)/)).toBeTruthy();
    const headers = within(screen.getByRole("table")).getAllByRole("columnheader");
    expect(headers.map((header) => header.textContent)).toEqual([
      "Skill (target)",
      "Fri 4 Dec 2026, 09:15",
      "Fri 4 Dec 2026, 17:40",
      "Sat 5 Dec 2026",
    ]);
  });

  it("reads the day in the zone: late evening UTC is already the next day further east", () => {
    const { container } = render(
      <ProgressChart progress={progress(["2026-12-04T23:30:00Z", "2026-12-05T08:00:00Z"], "Asia/Tokyo")} />,
    );
    // 08:30 and 17:00 on Sat 5 Dec in Tokyo: same day there, so both carry a time.
    expect(axis(container)).toEqual([
      ["Sat 5 Dec", "2026", "08:30"],
      ["Sat 5 Dec", "2026", "17:00"],
    ]);
  });

  it("adds seconds when two assessments also share the minute", () => {
    const { container } = render(
      <ProgressChart progress={progress(["2026-12-04T08:15:05Z", "2026-12-04T08:15:48Z"])} />,
    );
    expect(axis(container)).toEqual([
      ["Fri 4 Dec", "2026", "09:15:05"],
      ["Fri 4 Dec", "2026", "09:15:48"],
    ]);
  });

  it("shows no time when every assessment is on a day of its own", () => {
    const { container } = render(
      <ProgressChart progress={progress(["2026-11-20T09:00:00Z", "2026-12-04T09:00:00Z"])} />,
    );
    expect(axis(container)).toEqual([
      ["Fri 20 Nov", "2026"],
      ["Fri 4 Dec", "2026"],
    ]);
    expect(screen.queryByText(/show their time/)).toBeNull();
  });

  it("writes the full skill name, wrapped onto lines instead of cut", () => {
    const { container } = render(<ProgressChart progress={progress(["2026-12-04T08:15:00Z"])} />);
    const name = container.querySelector("g > text");
    expect(name?.textContent).toBe("Prompt engineering & prompt versioning *");
  });
});

describe("wrapWords", () => {
  it("breaks at spaces within the width and keeps a longer word whole", () => {
    expect(wrapWords("Model evaluation (offline metrics and LLM evals) *", 20)).toEqual([
      "Model evaluation",
      "(offline metrics and",
      "LLM evals) *",
    ]);
    expect(wrapWords("Supercalifragilistic word", 10)).toEqual(["Supercalifragilistic", "word"]);
  });
});

// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { CalibrationHistoryList, CalibrationSummary } from "@/components/admin/calibration-history";
import { DEFAULT_USE_POLICY } from "@/domain/calibration";
import type { CalibrationHistory, CalibrationHistoryEntry } from "@/server/calibration";

afterEach(cleanup);

const entry = (
  version: string,
  overrides: Partial<CalibrationHistoryEntry> = {},
): CalibrationHistoryEntry => ({
  version,
  createdAt: new Date("2026-11-03T14:05:00Z"),
  isCurrentSet: false,
  policy: DEFAULT_USE_POLICY,
  itemHash: "h-now",
  isCurrentContent: true,
  n: 260,
  nominal: { difficulty: 0.5, discrimination: 1.3 },
  difficulty: -0.25,
  difficultySe: 0.12,
  discrimination: 0.9,
  discriminationSe: 0.2,
  engineDiscrimination: 0.72,
  usable: true,
  notUsed: [],
  drift: [],
  ...overrides,
});
const current = {
  version: "c3-20261103T1405Z",
  createdAt: new Date("2026-11-03T14:05:00Z"),
  policy: DEFAULT_USE_POLICY,
};
const nominal = { difficulty: 0.5, discrimination: 1.3 };

describe("an item's calibration history on its admin page", () => {
  it("shows each set's figures next to the nominal ones, what the engine does with it and drift in words", () => {
    const history: CalibrationHistory = {
      current,
      inUse: true,
      entries: [
        entry("c3-20261103T1405Z", { isCurrentSet: true, drift: ["difficulty"] }),
        entry("c2-20260901T0800Z", { usable: false, notUsed: ["responses"], n: 120 }),
        entry("c1-20260501T0800Z", { isCurrentContent: false, itemHash: "h-before" }),
      ],
    };
    render(
      <>
        <CalibrationSummary history={history} nominal={nominal} />
        <CalibrationHistoryList history={history} />
      </>,
    );
    expect(screen.getByText(/this question's calibrated parameters\./)).toBeTruthy();
    const [newest, middle, oldest] = screen.getAllByRole("listitem");
    const heading = within(newest!).getByRole("heading", { level: 3 });
    expect(heading.textContent).toContain("c3-20261103T1405Z");
    expect(heading.textContent).toContain("3 Nov 2026, 14:05 UTC");
    expect(heading.textContent).toContain("New attempts use this set");
    expect(newest!.textContent).toContain("−0.25 ± 0.12 (nominal 0.50)");
    expect(newest!.textContent).toContain("0.90 ± 0.20 (nominal 1.30)");
    expect(newest!.textContent).toContain(
      "EngineUsed, with discrimination 0.72 (the estimate, adjusted for its uncertainty against the whole bank's).",
    );
    expect(newest!.textContent).toContain("listed for review: difficulty moved more than 0.5 logits");
    expect(middle!.textContent).toContain("Not used: too few responses (120 of the 200 the set requires).");
    expect(middle!.textContent).not.toContain("New attempts use this set");
    expect(oldest!.textContent).toContain("An earlier version of this question");
    expect(oldest!.textContent).toContain("Not applied: calibrated under an earlier version");
  });

  it("says plainly when a question was never calibrated, and what it needs", () => {
    render(<CalibrationSummary history={{ current: null, entries: [], inUse: false }} nominal={nominal} />);
    expect(
      screen.getByText(/No calibration set has been made: new attempts use its nominal parameters/),
    ).toBeTruthy();
    expect(screen.getByText("This question has never been calibrated.")).toBeTruthy();
    expect(screen.getByText(/at least 200 responses to its current version/).textContent).toContain(
      "the defaults of npm run calibrate",
    );
  });

  it("says when only an earlier version was calibrated, with the set in force's own threshold", () => {
    const strict = { ...current, policy: { ...DEFAULT_USE_POLICY, minResponses: 500 } };
    render(
      <CalibrationSummary
        history={{ current: strict, inUse: false, entries: [entry("c1", { isCurrentContent: false })] }}
        nominal={nominal}
      />,
    );
    expect(
      screen.getByText(/for this question, its nominal parameters \(difficulty 0.50, discrimination 1.30\)/),
    ).toBeTruthy();
    expect(screen.getByText("Its current version has never been calibrated")).toBeTruthy();
    expect(screen.getByText(/at least 500 responses/).textContent).toContain("the current set's thresholds");
  });
});

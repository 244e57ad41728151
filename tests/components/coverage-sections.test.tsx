// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { CoverageSections } from "@/components/teams/coverage-sections";
import type { Requirement, ShownAggregate } from "@/components/teams/dashboard-types";

afterEach(cleanup);

const requirements: Requirement[] = [
  { skillId: "python", level: 2, weight: "core", title: "Python" },
] as Requirement[];

const aggregate = (readyCount: number): ShownAggregate => ({
  kind: "shown",
  contributors: 5,
  readyCount,
  skills: [
    {
      skillId: "python",
      targetLevel: 2,
      weight: "core",
      levelCounts: [0, 0, 5, 0, 0],
      meeting: readyCount,
      blocked: 5 - readyCount,
      isBusFactorRisk: readyCount < 2,
    },
  ],
  busFactorSkills: readyCount < 2 ? ["python"] : [],
  gaps: readyCount < 5 ? [{ skillId: "python", blocked: 5 - readyCount, weight: "core" }] : [],
});

describe("CoverageSections", () => {
  it("says how many contributors are ready in grammatical English", () => {
    render(<CoverageSections aggregate={aggregate(1)} requirements={requirements} />);
    expect(screen.getByText(/of them likely meets every core requirement/)).toBeTruthy();
    cleanup();
    render(<CoverageSections aggregate={aggregate(3)} requirements={requirements} />);
    expect(screen.getByText(/of them likely meet every core requirement/)).toBeTruthy();
  });
});

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
      selfRating: null,
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

  it("gives the share of the team over- and under-rating a skill, only where enough people rated it", () => {
    const rated = aggregate(3);
    rated.skills = [
      ...rated.skills.map((skill) => ({ ...skill, selfRating: { rated: 5, over: 2, under: 1 } })),
      { ...(rated.skills[0] as ShownAggregate["skills"][number]), skillId: "sql", selfRating: null },
    ];
    render(
      <CoverageSections
        aggregate={rated}
        requirements={[
          ...requirements,
          { skillId: "sql", level: 2, weight: "core", title: "SQL" } as Requirement,
        ]}
      />,
    );
    const region = screen.getByRole("region", { name: "How the team rates itself" });
    expect(region.textContent).toContain("2 of 5 (40 %)");
    expect(region.textContent).toContain("1 of 5 (20 %)");
    // A skill fewer than five people rated is not listed at all.
    expect(region.textContent).not.toContain("SQL");
    cleanup();
    render(<CoverageSections aggregate={aggregate(3)} requirements={requirements} />);
    expect(screen.queryByRole("region", { name: "How the team rates itself" })).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { aggregateTeam, teamTrend, type Contribution, type Requirement } from "@/domain/team/aggregate";

const requirements: Requirement[] = [
  { skillId: "mlops", level: 3, weight: "core" },
  { skillId: "python", level: 3, weight: "core" },
  { skillId: "statistics", level: 2, weight: "supporting" },
];

function person(results: Record<string, [band: number, pMeets: number]>): Contribution {
  return {
    skills: new Map(Object.entries(results).map(([skill, [band, pMeets]]) => [skill, { band, pMeets }])),
  };
}

const strong = person({ mlops: [3, 0.9], python: [4, 0.95], statistics: [2, 0.8] });
const weak = person({ mlops: [1, 0.05], python: [3, 0.7], statistics: [1, 0.2] });

describe("team aggregates", () => {
  it("returns no numbers in the aggregate below five contributors", () => {
    const four = aggregateTeam(requirements, [strong, strong, weak, weak]);
    expect(four).toEqual({ kind: "suppressed", minimum: 5 });
    expect(JSON.stringify(four)).not.toMatch(/\b4\b/);
  });

  it("counts levels per skill, who meets the target, and who is blocked", () => {
    const result = aggregateTeam(requirements, [strong, weak, weak, weak, weak]);
    if (result.kind !== "shown") throw new Error("expected numbers");
    expect(result.contributors).toBe(5);
    const mlops = result.skills.find((skill) => skill.skillId === "mlops");
    expect(mlops).toMatchObject({
      levelCounts: [0, 4, 0, 1, 0],
      meeting: 1,
      blocked: 4,
      isBusFactorRisk: true,
    });
    expect(result.skills.find((skill) => skill.skillId === "python")).toMatchObject({
      meeting: 5,
      blocked: 0,
      isBusFactorRisk: false,
    });
    expect(result.readyCount).toBe(1);
  });

  it("flags bus-factor risk for required skills with fewer than two people at target", () => {
    const result = aggregateTeam(requirements, [strong, strong, weak, weak, weak]);
    if (result.kind !== "shown") throw new Error("expected numbers");
    expect(result.busFactorSkills).toEqual([]);
    const one = aggregateTeam(requirements, [strong, weak, weak, weak, weak]);
    expect(one.kind === "shown" && one.busFactorSkills).toEqual(["mlops", "statistics"]);
  });

  it("ranks gaps by how many people they block, core first on ties", () => {
    const result = aggregateTeam(requirements, [
      strong,
      weak,
      weak,
      weak,
      person({ mlops: [3, 0.9], python: [2, 0.3], statistics: [1, 0.1] }),
    ]);
    expect(result.kind === "shown" && result.gaps).toEqual([
      { skillId: "statistics", blocked: 4, weight: "supporting" },
      { skillId: "mlops", blocked: 3, weight: "core" },
      { skillId: "python", blocked: 1, weight: "core" },
    ]);
  });

  it("treats a skill a person was not measured on as not meeting it", () => {
    const unmeasured = person({ python: [4, 0.9] });
    const result = aggregateTeam(requirements, [unmeasured, unmeasured, unmeasured, unmeasured, unmeasured]);
    expect(result.kind === "shown" && result.skills[0]).toMatchObject({
      skillId: "mlops",
      levelCounts: [0, 0, 0, 0, 0],
      meeting: 0,
    });
  });

  it("orders rounds oldest first and suppresses a round with too few contributors", () => {
    const trend = teamTrend(requirements, [
      {
        roundId: "b",
        name: "Spring",
        openedAt: new Date("2026-04-01"),
        contributions: [strong, strong, strong, strong],
      },
      {
        roundId: "a",
        name: "Winter",
        openedAt: new Date("2026-01-01"),
        contributions: [weak, weak, weak, weak, strong],
      },
    ]);
    expect(trend.map((round) => [round.name, round.aggregate.kind])).toEqual([
      ["Winter", "shown"],
      ["Spring", "suppressed"],
    ]);
  });

  it("counts who over- and under-rates each skill against their 80 % band, only with five raters of it", () => {
    const rater = (rating: number | null, band: number, low: number, high: number): Contribution => ({
      skills: new Map([
        ["python", { band, pMeets: 0.5, bandLow: low, bandHigh: high, selfRating: rating }],
        ["mlops", { band: 2, pMeets: 0.2, bandLow: 1, bandHigh: 3, selfRating: 4 }],
      ]),
    });
    const team = [
      rater(4, 2, 1, 3), // over: above the band's top
      rater(3, 2, 1, 3), // inside the band
      rater(0, 2, 1, 3), // under: the band's bottom is above it
      rater(4, 3, 2, 4), // inside
      rater(1, 3, 3, 3), // under
      rater(null, 1, 0, 2), // not sure: not a rater
    ];
    const result = aggregateTeam(requirements, team);
    if (result.kind !== "shown") throw new Error("expected numbers");
    expect(result.skills.find((skill) => skill.skillId === "python")?.selfRating).toEqual({
      rated: 5,
      over: 1,
      under: 2,
    });
    expect(result.skills.find((skill) => skill.skillId === "mlops")?.selfRating).toEqual({
      rated: 6,
      over: 6,
      under: 0,
    });
    // Nobody rated statistics.
    expect(result.skills.find((skill) => skill.skillId === "statistics")?.selfRating).toBeNull();

    // Four raters of python among six contributors: no self-rating figure for it.
    const fewer = aggregateTeam(requirements, [
      ...team.slice(0, 4),
      rater(null, 1, 0, 2),
      rater(null, 1, 0, 2),
    ]);
    if (fewer.kind !== "shown") throw new Error("expected numbers");
    expect(fewer.skills.find((skill) => skill.skillId === "python")?.selfRating).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { parseItemSort, sortItems } from "@/domain/item-table";

const item = (
  questionId: string,
  values: { discrimination?: number | null; flags?: number; level?: number },
) => ({
  questionId,
  skillId: "python",
  level: values.level ?? 2,
  responses: 40,
  shareCorrect: 0.5,
  dontKnowShare: 0.1,
  discrimination: values.discrimination === undefined ? 0.3 : values.discrimination,
  medianMs: 20_000,
  openReports: 0,
  flags: Array.from({ length: values.flags ?? 0 }, () => ({ code: "level-mismatch" as const, message: "" })),
});

describe("sorting the admin items table", () => {
  const items = [
    item("c", { discrimination: 0.05, flags: 1 }),
    item("a", { discrimination: null }),
    item("b", { discrimination: 0.4, flags: 2 }),
    item("d", { discrimination: 0.4 }),
  ];

  it("sorts by a number both ways, ties by question id, items without a value last either way", () => {
    expect(sortItems(items, "discrimination", "asc").map((row) => row.questionId)).toEqual([
      "c",
      "b",
      "d",
      "a",
    ]);
    expect(sortItems(items, "discrimination", "desc").map((row) => row.questionId)).toEqual([
      "b",
      "d",
      "c",
      "a",
    ]);
  });

  it("puts the most flagged first by default, and leaves its input alone", () => {
    const { sort, dir } = parseItemSort({});
    expect(sortItems(items, sort, dir).map((row) => row.questionId)).toEqual(["b", "c", "a", "d"]);
    expect(items.map((row) => row.questionId)).toEqual(["c", "a", "b", "d"]);
  });

  it("sorts by parameters: calibrated ones in use first, then nominal ones listed for drift, then the rest", () => {
    const withCalibration = [
      { ...item("a", {}), calibration: { inUse: false, drift: [] } },
      { ...item("b", {}), calibration: { inUse: false, drift: ["difficulty"] } },
      { ...item("c", {}), calibration: { inUse: true, drift: [] } },
      { ...item("d", {}), calibration: { inUse: true, drift: ["discrimination"] } },
    ];
    expect(sortItems(withCalibration, "parameters", "desc").map((row) => row.questionId)).toEqual([
      "d",
      "c",
      "b",
      "a",
    ]);
    expect(sortItems(withCalibration, "parameters", "asc").map((row) => row.questionId)).toEqual([
      "a",
      "b",
      "c",
      "d",
    ]);
    expect(parseItemSort({ sort: "parameters" })).toEqual({ sort: "parameters", dir: "desc" });
  });

  it("reads the query string, and says what it could not use instead of failing", () => {
    expect(parseItemSort({ sort: "level", dir: "asc" })).toEqual({ sort: "level", dir: "asc" });
    expect(parseItemSort({ sort: "question" })).toEqual({ sort: "question", dir: "asc" });
    expect(parseItemSort({ sort: "responses" })).toEqual({ sort: "responses", dir: "desc" });
    expect(parseItemSort({ sort: "password" })).toMatchObject({
      sort: "flags",
      dir: "desc",
      problem: expect.stringMatching(/password/),
    });
    expect(parseItemSort({ sort: "level", dir: "sideways" })).toMatchObject({
      sort: "level",
      dir: "desc",
      problem: expect.stringMatching(/sideways/),
    });
  });
});

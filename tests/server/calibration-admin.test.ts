import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_USE_POLICY, isUsable, type UsePolicy } from "@/domain/calibration";
import type { Question } from "@/domain/content/types";
import { nominalParameters } from "@/domain/engine/model";
import { instanceOverview } from "@/server/admin/instance";
import { finishEarly, startAssessment } from "@/server/assessment/quiz";
import { calibrationHistory, calibrationInUse, runCalibration } from "@/server/calibration";
import { getSkillsGraph } from "@/server/content-loader";
import { db } from "@/server/db";
import { anonymousOwner } from "@/server/identity/owner";
import { listItemStatistics, parseItemStatisticsFilter } from "@/server/item-statistics";

/**
 * What the admin pages read about calibration: an item's history across sets, the
 * items table's "Parameters" column and filter, and the set in force on /admin/instance. Sets are
 * written as `npm run calibrate` writes them (hand-made ones dated earlier in 2026, so the run's
 * own set is the newest) and removed afterwards: the worker's next file expects none in force.
 */
const graph = getSkillsGraph();
const singles = [...graph.questions.values()].filter((question) => question.type === "single");
// Questions no other calibration test uses: one with a long history, one drifting, one sparse.
const storied = singles[11] as Question;
const drifting = singles[13] as Question;
const sparse = singles[17] as Question;

const written: string[] = [];
const inserted: string[] = [];

interface RowSpec {
  question: Question;
  itemHash?: string;
  n: number;
  difficultySe?: number;
  discriminationSe?: number;
  drift?: string[];
}

/** A set as runCalibration stores one: `usable` decided by the set's own thresholds. */
async function writeSet(version: string, createdAt: string, policy: UsePolicy, rows: RowSpec[]) {
  written.push(version);
  await db.calibrationSet.create({
    data: {
      version,
      responses: 1000,
      ...policy,
      createdAt: new Date(createdAt),
      items: {
        createMany: {
          data: rows.map((row) => {
            const nominal = nominalParameters(row.question);
            const estimate = {
              n: row.n,
              difficulty: nominal.difficulty + 0.2,
              discrimination: 1.1,
              difficultySe: row.difficultySe ?? 0.15,
              discriminationSe: row.discriminationSe ?? 0.2,
            };
            return {
              questionId: row.question.id,
              itemHash: row.itemHash ?? row.question.contentHash,
              skillId: row.question.skill,
              nominalDifficulty: nominal.difficulty,
              nominalDiscrimination: nominal.discrimination,
              guessing: nominal.guessing,
              ...estimate,
              usable: isUsable(estimate, policy),
              drift: JSON.stringify(row.drift ?? []),
            };
          }),
        },
      },
    },
  });
}

const policy = (minResponses: number): UsePolicy => ({ ...DEFAULT_USE_POLICY, minResponses });
const stem = randomUUID().slice(0, 6);
const v = (name: string) => `${name}-${stem}`;

beforeAll(async () => {
  await writeSet(v("jan"), "2026-01-10T09:00:00Z", policy(200), [
    // Calibrated before the question was edited: its hash was another.
    { question: storied, itemHash: "before-an-edit", n: 320 },
  ]);
  await writeSet(v("mar"), "2026-03-10T09:00:00Z", policy(500), [
    // 320 responses, under this set's 500: estimated, not used.
    { question: storied, n: 320, drift: ["difficulty"] },
  ]);
  await writeSet(v("feb"), "2026-02-10T09:00:00Z", policy(100), [
    // Enough responses, but too uncertain a difficulty for the set's bound.
    { question: storied, n: 250, difficultySe: 0.5 },
  ]);
  await writeSet(v("may"), "2026-05-10T09:00:00Z", policy(200), [
    { question: storied, n: 330 },
    { question: drifting, n: 400, drift: ["discrimination"] },
    { question: sparse, n: 30 },
    { question: drifting, itemHash: "drifting-before-an-edit", n: 260, drift: ["difficulty"] },
  ]);
});

afterAll(async () => {
  await db.calibrationSet.deleteMany({ where: { version: { in: written } } });
  await db.responseRecord.deleteMany({ where: { id: { in: inserted } } });
});

describe("an item's calibration history", () => {
  it("lists every set with a row for the question, newest first, judged by each set's own thresholds", async () => {
    const history = await calibrationHistory(storied.id, storied.contentHash);
    const ours = history.entries.filter((entry) => written.includes(entry.version));
    expect(ours.map((entry) => entry.version)).toEqual([v("may"), v("mar"), v("feb"), v("jan")]);
    const [may, mar, feb, jan] = ours;
    expect(may).toMatchObject({ usable: true, notUsed: [], isCurrentContent: true, n: 330, drift: [] });
    expect(may?.nominal).toEqual({
      difficulty: nominalParameters(storied).difficulty,
      discrimination: nominalParameters(storied).discrimination,
    });
    expect(mar).toMatchObject({ usable: false, notUsed: ["responses"], drift: ["difficulty"] });
    expect(mar?.policy.minResponses).toBe(500);
    expect(feb).toMatchObject({ usable: false, notUsed: ["difficulty-se"], difficultySe: 0.5 });
    // Usable then, but of the question's earlier text: marked, and never what the engine applies now.
    expect(jan).toMatchObject({ usable: true, isCurrentContent: false, itemHash: "before-an-edit" });
    expect(history.current?.version).toBe(v("may"));
    expect(ours.map((entry) => entry.isCurrentSet)).toEqual([true, false, false, false]);
    expect(history.inUse).toBe(true);
  });

  it("is in use only when the set in force uses the question's current version", async () => {
    // Edited since every set: all rows are of an earlier version, none applies.
    const edited = await calibrationHistory(storied.id, "after-another-edit");
    expect(edited.entries.every((entry) => !entry.isCurrentContent)).toBe(true);
    expect(edited.inUse).toBe(false);
    // In the set in force, but with 30 responses of the 200 it requires.
    const few = await calibrationHistory(sparse.id, sparse.contentHash);
    expect(few.entries[0]).toMatchObject({ version: v("may"), usable: false, notUsed: ["responses"] });
    expect(few.inUse).toBe(false);
  });

  it("is empty for a question never calibrated, and still names the set in force", async () => {
    const never = singles[19] as Question;
    const history = await calibrationHistory(never.id, never.contentHash);
    expect(history.entries).toEqual([]);
    expect(history.inUse).toBe(false);
    expect(history.current).toMatchObject({ version: v("may"), policy: { minResponses: 200 } });
    expect(await calibrationHistory("no-such-question", null)).toMatchObject({ entries: [], inUse: false });
  });
});

describe("the items table's Parameters column and filter", () => {
  it("marks the questions the set in force uses and filters by calibrated, nominal and drift", async () => {
    const all = await listItemStatistics();
    const row = (question: Question) => all.find((item) => item.questionId === question.id);
    expect(row(storied)?.calibration).toEqual({ inUse: true, drift: [] });
    expect(row(drifting)?.calibration).toEqual({ inUse: true, drift: ["discrimination"] });
    // The stale row of the drifting question (its earlier text) lends it nothing.
    expect(row(sparse)?.calibration).toEqual({ inUse: false, drift: [] });
    expect(all.every((item) => item.calibrationVersion === v("may"))).toBe(true);

    const ids = async (calibration: string) => {
      const parsed = parseItemStatisticsFilter({ calibration });
      if (!parsed.ok) throw new Error(calibration);
      return (await listItemStatistics(parsed.filter)).map((item) => item.questionId);
    };
    expect((await ids("calibrated")).sort()).toEqual([storied.id, drifting.id].sort());
    expect(await ids("drift")).toEqual([drifting.id]);
    const nominal = await ids("nominal");
    expect(nominal).toContain(sparse.id);
    expect(nominal).not.toContain(storied.id);
    expect(nominal).toHaveLength(graph.questions.size - 2);
  });

  it("refuses a parameter state it does not know, as a field error", () => {
    expect(parseItemStatisticsFilter({ calibration: "calibrated" })).toEqual({
      ok: true,
      filter: { calibration: "calibrated" },
    });
    const refused = parseItemStatisticsFilter({ calibration: "toString" });
    expect(refused).toEqual({
      ok: false,
      fieldErrors: { calibration: "Choose one of the listed parameter states." },
    });
  });
});

describe("the calibration in force on /admin/instance", () => {
  it("counts the set's items, those the engine uses, those listed for drift and rows of edited questions", async () => {
    const { set, sets } = await calibrationInUse(graph);
    expect(set).toMatchObject({
      version: v("may"),
      createdAt: new Date("2026-05-10T09:00:00Z"),
      responses: 1000,
      policy: policy(200),
      items: 4,
      used: 2,
      stale: 1,
      drifted: 1,
    });
    expect(sets).toBeGreaterThanOrEqual(4);
    expect((await instanceOverview()).calibration.set?.version).toBe(v("may"));
  });

  it("counts in-progress attempts still on an older version until they finish; new ones start on the newest", async () => {
    const owner = anonymousOwner(`calibration-admin-${randomUUID()}`);
    const older = await startAssessment({ from: "data-scientist", to: "ai-engineer", budget: "15" }, owner);
    if (!older.ok) throw new Error("not started");
    // A real run: enough answers to the sparse question for a set of its own, newer than the rest.
    const records = Array.from({ length: 60 }, (_, index) => ({
      id: `calibration-admin-${randomUUID()}`,
      questionId: sparse.id,
      itemHash: sparse.contentHash,
      skillId: sparse.skill,
      chosenOptionIds: "[]",
      isDontKnow: false,
      isCorrect: index % 3 !== 0,
      abilityOther: -2 + (4 * index) / 59,
      abilitySdOther: 0.5,
      ...nominalParameters(sparse),
    }));
    await db.responseRecord.createMany({ data: records });
    inserted.push(...records.map((record) => record.id));
    const run = await runCalibration(graph, { minResponses: 50, dryRun: false });
    written.push(run.version!);

    const after = await calibrationInUse(graph);
    expect(after.set?.version).toBe(run.version);
    expect(after.set?.policy.minResponses).toBe(50);
    expect(after.set?.items).toBe(run.items.length);
    expect(after.inProgressOnOlder).toBeGreaterThanOrEqual(1);
    const history = await calibrationHistory(sparse.id, sparse.contentHash);
    expect(history.entries[0]).toMatchObject({
      version: run.version,
      isCurrentSet: true,
      n: expect.any(Number),
    });
    expect(history.entries[0]!.n).toBeGreaterThanOrEqual(60);
    expect(history.entries.map((entry) => entry.version).slice(1)).toEqual([v("may")]);

    // Starting on the newest set adds nothing; the older attempt finishing takes itself off.
    const newer = await startAssessment({ from: "data-scientist", to: "ai-engineer", budget: "15" }, owner);
    if (!newer.ok) throw new Error("not started");
    expect((await calibrationInUse(graph)).inProgressOnOlder).toBe(after.inProgressOnOlder);
    expect(await finishEarly(older.attemptId, owner)).toBe("completed");
    expect((await calibrationInUse(graph)).inProgressOnOlder).toBe(after.inProgressOnOlder - 1);
    expect(await finishEarly(newer.attemptId, owner)).toBe("completed");
  }, 60_000);
});

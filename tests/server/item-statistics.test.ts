import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { Question } from "@/domain/content/types";
import { createRandom } from "@/domain/engine/random";
import { getSkillsGraph } from "@/server/content-loader";
import { db } from "@/server/db";
import { anonymousOwner } from "@/server/identity/owner";
import {
  itemStatisticsCacheStats,
  itemStatisticsFor,
  listItemStatistics,
  parseItemStatisticsFilter,
} from "@/server/item-statistics";
import { dontKnowAttempt } from "../factories/people";

const graph = getSkillsGraph();
const questions = [...graph.questions.values()];
const [first, second] = questions;
if (!first || !second) throw new Error("the content has fewer than two questions");
const key = (question: Question) => question.options.find((option) => option.correct)?.id ?? "";
const distractor = (question: Question) => question.options.find((option) => !option.correct)?.id ?? "";

/**
 * `n` records for `question`: right when `right(ability)` says so, abilities spread evenly.
 * Written straight to the table, as the scoring path would (it has no link to anything else).
 */
async function seedRecords(
  question: Question,
  n: number,
  right: (ability: number, index: number) => boolean,
  overrides: { itemHash?: string; demo?: boolean; msOnItem?: number } = {},
) {
  const random = createRandom(n, question.id.length);
  await db.responseRecord.createMany({
    data: Array.from({ length: n }, (_, index) => {
      const ability = -2 + (4 * index) / n + random.normal() * 0.1;
      const isCorrect = right(ability, index);
      return {
        questionId: question.id,
        itemHash: overrides.itemHash ?? question.contentHash,
        skillId: question.skill,
        chosenOptionIds: JSON.stringify([isCorrect ? key(question) : distractor(question)]),
        isDontKnow: false,
        isCorrect,
        abilityOther: ability,
        abilitySdOther: 0.5,
        msOnItem: overrides.msOnItem ?? 20_000 + index,
        difficulty: 0,
        discrimination: 1.3,
        guessing: 0.25,
        demo: overrides.demo ?? false,
      };
    }),
  });
}

beforeEach(async () => {
  // Evidence other test files in this worker left — records, and the answers of their scored
  // attempts — would blur the figures asserted here.
  await db.answer.updateMany({ where: { evidence: { not: null } }, data: { evidence: null } });
  await db.responseRecord.deleteMany();
});

describe("item statistics from the response record", () => {
  it("lists every current question, with empty figures while nobody has answered", async () => {
    const rows = await listItemStatistics();
    expect(rows).toHaveLength(graph.questions.size);
    const row = rows.find((entry) => entry.questionId === first.id);
    expect(row).toMatchObject({
      skillId: first.skill,
      level: first.level,
      itemHash: first.contentHash,
      responses: 0,
      shareCorrect: null,
      choices: null,
      flags: [],
      earlierResponses: 0,
    });
    expect(row?.skillTitle).toBe(graph.skills.get(first.skill)?.title);
  });

  it("computes one question's figures and flags from its records, and filters by flag, skill and level", async () => {
    // Right only when weak: an item that measures backwards.
    await seedRecords(first, 60, (ability) => ability < 0);
    await seedRecords(second, 60, (ability) => ability > -0.5);
    const row = await itemStatisticsFor(first.id);
    expect(row?.responses).toBe(60);
    expect(row?.shareCorrect).toBeCloseTo(0.5, 1);
    expect(row?.discrimination).toBeLessThan(-0.5);
    expect(row?.medianMs).toBeGreaterThanOrEqual(20_000);
    expect(row?.flags.map((flag) => flag.code)).toContain("low-discrimination");
    expect(row?.choices?.groups.map((group) => group.id)).toEqual(["low", "middle", "high"]);

    const flagged = await listItemStatistics({ flag: "low-discrimination" });
    expect(flagged.map((entry) => entry.questionId)).toEqual([first.id]);
    const bySkill = await listItemStatistics({ skillId: first.skill });
    expect(bySkill.map((entry) => entry.questionId).sort()).toEqual(
      (graph.questionsBySkill.get(first.skill) ?? []).map((question) => question.id).sort(),
    );
    const byLevel = await listItemStatistics({ level: first.level, skillId: first.skill });
    expect(byLevel.every((entry) => entry.level === first.level && entry.skillId === first.skill)).toBe(true);
    expect(byLevel.some((entry) => entry.questionId === first.id)).toBe(true);
    expect(await listItemStatistics({ skillId: "no-such-skill" })).toEqual([]);
  });

  it("counts only the current version of a question: records of an edited question's earlier text stay apart", async () => {
    await seedRecords(first, 20, () => true, { itemHash: "an-earlier-version" });
    await seedRecords(first, 7, () => true);
    const row = await itemStatisticsFor(first.id);
    expect(row?.responses).toBe(7);
    expect(row?.earlierResponses).toBe(20);
    // Seven responses: one merged group, never a cell of fewer than five.
    expect(row?.choices?.groups.map((group) => [group.id, group.responses])).toEqual([["all", 7]]);
  });

  it("never counts demo records in the live figures, and shows them only when asked for the demo view", async () => {
    await seedRecords(first, 40, () => true, { demo: true });
    await seedRecords(first, 10, () => false);
    const live = await itemStatisticsFor(first.id);
    expect(live?.responses).toBe(10);
    expect(live?.shareCorrect).toBe(0);
    const demo = await itemStatisticsFor(first.id, { demo: true });
    expect(demo?.responses).toBe(40);
    expect(demo?.shareCorrect).toBe(1);
    const liveTotal = (await listItemStatistics()).reduce((sum, entry) => sum + entry.responses, 0);
    expect(liveTotal).toBe(10);
  });

  it("flags fast correct answers against the whole bank's typical time, on the list and on the item's own page", async () => {
    // 30 questions (more than one read's worth) answered in about 20 s; one answered right in 3 s.
    const bank = questions.slice(0, 30);
    const leaked = bank[25] as Question;
    for (const question of bank)
      if (question !== leaked) await seedRecords(question, 40, (ability) => ability > 0);
    await seedRecords(leaked, 40, () => true, { msOnItem: 3_000 });
    const flagged = await listItemStatistics({ flag: "fast-correct" });
    expect(flagged.map((row) => row.questionId)).toEqual([leaked.id]);
    const page = await itemStatisticsFor(leaked.id);
    expect(page?.flags.map((flag) => flag.code)).toContain("fast-correct");
    expect(page?.medianCorrectMs).toBe(3_000);
    // Alone, it would be its own bank: the flag needs the others' times.
    await db.responseRecord.deleteMany({ where: { questionId: { not: leaked.id } } });
    expect((await itemStatisticsFor(leaked.id))?.flags.map((flag) => flag.code)).not.toContain(
      "fast-correct",
    );
  });

  it("counts the question's open problem reports", async () => {
    const before = (await itemStatisticsFor(first.id))?.openReports ?? 0;
    await db.questionReport.createMany({
      data: [
        { questionId: first.id, reason: "wrong-key", details: "", contentHash: graph.contentHash },
        { questionId: first.id, reason: "typo", details: "", contentHash: graph.contentHash },
      ],
    });
    expect((await itemStatisticsFor(first.id))?.openReports).toBe(before + 2);
  });

  it("computes the figures once while the record is unchanged, and again after any record is added or replaced", async () => {
    await seedRecords(first, 12, () => true);
    const computed = itemStatisticsCacheStats.computed;
    expect((await listItemStatistics()).find((row) => row.questionId === first.id)?.responses).toBe(12);
    // Another view, a filter, the item's own page: the same record, nothing read again.
    await listItemStatistics({ skillId: first.skill });
    expect((await itemStatisticsFor(first.id))?.responses).toBe(12);
    expect(itemStatisticsCacheStats.computed).toBe(computed + 1);
    // One more record, as another instance's scoring would write it: the next view shows it.
    await seedRecords(first, 1, () => false);
    expect((await itemStatisticsFor(first.id))?.responses).toBe(13);
    expect(itemStatisticsCacheStats.computed).toBe(computed + 2);
    // The same number of records, all replaced (a demo reseed does this): the new ones count.
    await db.responseRecord.deleteMany();
    await seedRecords(first, 13, () => false);
    const replaced = await itemStatisticsFor(first.id);
    expect(replaced?.responses).toBe(13);
    expect(replaced?.shareCorrect).toBe(0);
  });

  it("counts the answers of scored attempts still stored, and the same answers once after their attempt is deleted", async () => {
    const owner = anonymousOwner(`statistics-${randomUUID()}`);
    const attemptId = await dontKnowAttempt(owner, { to: "ai-engineer", answers: 3 });
    const answered = await db.answer.findMany({ where: { attemptId }, select: { questionId: true } });
    expect(answered).toHaveLength(3);
    const dontKnowShare = async () => {
      const rows = await listItemStatistics();
      return answered.map(({ questionId }) => {
        const row = rows.find((entry) => entry.questionId === questionId);
        return [row?.responses, row?.dontKnowShare];
      });
    };
    expect(await dontKnowShare()).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
    // An unfinished attempt's answers are not evidence (yet).
    await dontKnowAttempt(anonymousOwner(`statistics-${randomUUID()}`), {
      to: "ai-engineer",
      answers: 2,
      finish: false,
    });
    expect((await listItemStatistics()).reduce((sum, entry) => sum + entry.responses, 0)).toBe(3);
    // The 90-day purge or an account deletion: the answers move into the anonymised record.
    await db.attempt.delete({ where: { id: attemptId } });
    expect(await db.responseRecord.count()).toBe(3);
    expect(await dontKnowShare()).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
  });

  it("has no statistics for a question the content does not have", async () => {
    await db.responseRecord.create({
      data: {
        questionId: "retired-question",
        itemHash: "h",
        skillId: "s",
        chosenOptionIds: "[]",
        isDontKnow: true,
        isCorrect: false,
        difficulty: 0,
        discrimination: 1,
        guessing: 0.25,
      },
    });
    expect(await itemStatisticsFor("retired-question")).toBeNull();
    expect(await itemStatisticsFor("")).toBeNull();
    expect((await listItemStatistics()).some((entry) => entry.questionId === "retired-question")).toBe(false);
  });
});

describe("the statistics filter from a query string", () => {
  it("reads skill, level and flag, empty meaning any", () => {
    expect(parseItemStatisticsFilter({})).toEqual({ ok: true, filter: {} });
    expect(parseItemStatisticsFilter({ skill: "python", level: "3", flag: "fast-correct" })).toEqual({
      ok: true,
      filter: { skillId: "python", level: 3, flag: "fast-correct" },
    });
  });

  it("refuses a level outside 0–4 and an unknown flag with field errors", () => {
    const result = parseItemStatisticsFilter({ level: "7", flag: "nonsense" });
    expect(result).toEqual({
      ok: false,
      fieldErrors: { level: "Choose a level from 0 to 4.", flag: expect.stringContaining("flag") },
    });
    expect(parseItemStatisticsFilter({ extra: "x" }).ok).toBe(false);
  });
});

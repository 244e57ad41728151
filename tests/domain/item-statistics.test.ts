import { describe, expect, it } from "vitest";
import { createRandom, type Random } from "@/domain/engine/random";
import type { ItemParameters } from "@/domain/engine/model";
import {
  choiceTable,
  correlation,
  DONT_KNOW_ROW,
  expectedCorrect,
  itemStatistics,
  median,
  typicalItemMs,
  type ItemResponse,
  type StatisticsItem,
} from "@/domain/item-statistics";

const OPTIONS = ["one", "four", "seven", "eleven"] as const;
const NOMINAL: ItemParameters = { difficulty: 0, discrimination: 1.5, guessing: 0.25 };

function itemOf(nominal: ItemParameters = NOMINAL, questionId = "q", level = 2): StatisticsItem {
  return {
    questionId,
    skillId: "s",
    level,
    type: "single",
    options: OPTIONS.map((id) => ({ id, correct: id === "four" })),
    nominal,
  };
}

interface World {
  /** True item parameters the answers are drawn from. */
  truth: ItemParameters;
  /** Chance a person who does not know says "I don't know" instead of guessing. */
  dontKnow?: number;
  /** Which option a wrong answer picks, given the true ability (default: a distractor at random). */
  wrongChoice?: (theta: number, random: Random) => string;
  /** Time on item in ms for a correct / wrong answer (default: lognormal around 30 s). */
  ms?: (correct: boolean, random: Random) => number;
}

const SD_OTHER = 0.6;

/**
 * Simulated respondents with known truth. abilityOther is what the engine would report: a
 * posterior mean drawn from the population of estimates, the true ability within SD_OTHER of it
 * (so θ | abilityOther ~ N(abilityOther, SD_OTHER²), as a posterior says).
 */
function simulate(n: number, world: World, random: Random, center = 0): ItemResponse[] {
  const { difficulty: b, discrimination: a, guessing: c } = world.truth;
  return Array.from({ length: n }, () => {
    const abilityOther = center + random.normal() * 0.9;
    const theta = abilityOther + random.normal() * SD_OTHER;
    const knows = random.next() < 1 / (1 + Math.exp(-a * (theta - b)));
    const declines = !knows && random.next() < (world.dontKnow ?? 0);
    const lucky = !knows && !declines && random.next() < c;
    const isCorrect = knows || lucky;
    const wrong =
      world.wrongChoice?.(theta, random) ??
      (["one", "seven", "eleven"][Math.floor(random.next() * 3)] as string);
    const ms = world.ms?.(isCorrect, random) ?? Math.round(30_000 * Math.exp(0.4 * random.normal()));
    return {
      chosenOptionIds: declines ? [] : [isCorrect ? "four" : wrong],
      isDontKnow: declines,
      isCorrect: !declines && isCorrect,
      abilityOther,
      abilitySdOther: SD_OTHER,
      msOnItem: ms,
    };
  });
}

const context = { openReports: 0, bankTypicalMs: 30_000 };
const flagsOf = (responses: ItemResponse[], nominal = NOMINAL) =>
  itemStatistics(itemOf(nominal), responses, context).flags.map((flag) => flag.code);

describe("small helpers", () => {
  it("takes medians of odd and even lists and none of an empty one", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it("correlates, and gives no correlation when a side does not vary", () => {
    expect(correlation([1, 2, 3, 4], [2, 4, 6, 8])).toBeCloseTo(1, 10);
    expect(correlation([1, 2, 3, 4], [8, 6, 4, 2])).toBeCloseTo(-1, 10);
    expect(correlation([1, 1, 1, 1], [1, 2, 3, 4])).toBeNull();
    expect(correlation([1, 0], [1, 0])).toBeNull();
  });

  it("expects P(correct) between the guessing floor and 1, lower when the ability is uncertain above the item", () => {
    expect(expectedCorrect(NOMINAL, 0, 0)).toBeCloseTo(0.625, 10);
    expect(expectedCorrect(NOMINAL, 2, 1)).toBeLessThan(expectedCorrect(NOMINAL, 2, 0));
    expect(expectedCorrect(NOMINAL, -9, 0)).toBeCloseTo(0.25, 4);
  });

  it("averages the 3PL over the ability's uncertainty (checked against simulation)", () => {
    const random = createRandom(3);
    let sum = 0;
    const draws = 200_000;
    for (let index = 0; index < draws; index++) {
      const theta = 1 + random.normal() * 0.8;
      sum += 0.25 + 0.75 / (1 + Math.exp(-1.5 * theta));
    }
    expect(expectedCorrect(NOMINAL, 1, 0.8)).toBeCloseTo(sum / draws, 2);
  });
});

describe("item statistics on simulated answers with known parameters", () => {
  it("counts responses, share correct and the “I don't know” share", () => {
    const responses = simulate(300, { truth: NOMINAL, dontKnow: 0.5 }, createRandom(1));
    const stats = itemStatistics(itemOf(), responses, { openReports: 2, bankTypicalMs: 30_000 });
    expect(stats.responses).toBe(300);
    expect(stats.shareCorrect).toBeCloseTo(responses.filter((r) => r.isCorrect).length / 300, 10);
    expect(stats.dontKnowShare).toBeCloseTo(responses.filter((r) => r.isDontKnow).length / 300, 10);
    expect(stats.dontKnowShare).toBeGreaterThan(0.1);
    expect(stats.openReports).toBe(2);
    expect(stats.medianMs).toBeGreaterThan(20_000);
    expect(stats.medianMs).toBeLessThan(40_000);
  });

  it("finds a well-made item discriminating and leaves it unflagged, seed after seed", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const responses = simulate(300, { truth: NOMINAL, dontKnow: 0.3 }, createRandom(seed));
      const stats = itemStatistics(itemOf(), responses, context);
      expect(stats.discrimination).toBeGreaterThan(0.25);
      expect(stats.flags).toEqual([]);
    }
  });

  it("rarely flags a sound item for low discrimination at 30–60 responses, where the correlation wanders", () => {
    const weakButSound = { ...NOMINAL, discrimination: 0.9 };
    let flagged = 0;
    let readLow = 0;
    const runs = 200;
    for (let seed = 1; seed <= runs; seed++) {
      const random = createRandom(1000 + seed);
      const responses = simulate(30 + (seed % 31), { truth: weakButSound, dontKnow: 0.3 }, random);
      const stats = itemStatistics(itemOf(weakButSound), responses, context);
      if ((stats.discrimination ?? 1) < 0.1) readLow++;
      if (stats.flags.some((flag) => flag.code === "low-discrimination")) flagged++;
    }
    // The correlation alone reads below 0.1 for one in ten or more (26 of 200 when written):
    // flagging on it would cry wolf. Its upper bound keeps the flag to about one in forty.
    expect(readLow).toBeGreaterThan(runs * 0.1);
    expect(flagged).toBeLessThanOrEqual(runs * 0.03);
  });

  it("flags an item whose answers do not depend on ability, and one that measures backwards", () => {
    const flat = simulate(300, { truth: { ...NOMINAL, discrimination: 0 } }, createRandom(4));
    const backwards = simulate(300, { truth: { ...NOMINAL, discrimination: -1.5 } }, createRandom(5));
    const flatStats = itemStatistics(itemOf(), flat, context);
    const backStats = itemStatistics(itemOf(), backwards, context);
    expect(Math.abs(flatStats.discrimination ?? 1)).toBeLessThan(0.1);
    expect(flatStats.flags.map((flag) => flag.code)).toContain("low-discrimination");
    expect(backStats.discrimination).toBeLessThan(-0.2);
    const flag = backStats.flags.find((entry) => entry.code === "low-discrimination");
    expect(flag?.message).toMatch(/^Negative discrimination/);
  });

  it("flags a distractor that high scorers choose more often than the key (a wrong key)", () => {
    // The content marks "four" but "seven" is the real answer: those who know choose "seven"
    // (and are scored wrong); the others guess among all four.
    const random = createRandom(6);
    const responses: ItemResponse[] = Array.from({ length: 300 }, () => {
      const abilityOther = random.normal() * 0.9;
      const theta = abilityOther + random.normal() * SD_OTHER;
      const knows = random.next() < 1 / (1 + Math.exp(-1.5 * theta));
      const choice = knows ? "seven" : (OPTIONS[Math.floor(random.next() * 4)] as string);
      return {
        chosenOptionIds: [choice],
        isDontKnow: false,
        isCorrect: choice === "four",
        abilityOther,
        abilitySdOther: SD_OTHER,
        msOnItem: 30_000,
      };
    });
    const stats = itemStatistics(itemOf(), responses, context);
    const flag = stats.flags.find((entry) => entry.code === "distractor-over-key");
    expect(flag?.message).toContain("“seven”");
    const high = stats.choices?.groups.findIndex((group) => group.id === "high") ?? -1;
    const shareOf = (id: string) => stats.choices?.rows.find((row) => row.id === id)?.shares[high] ?? 0;
    expect(shareOf("seven")).toBeGreaterThan(shareOf("four"));
    // And being right now goes with lower ability.
    expect(stats.discrimination).toBeLessThan(0);
  });

  it("does not flag a distractor on a hard but sound item, where high scorers still prefer the key", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const hard = { ...NOMINAL, difficulty: 1.5 };
      const responses = simulate(300, { truth: hard, dontKnow: 0.3 }, createRandom(50 + seed));
      expect(flagsOf(responses, hard)).not.toContain("distractor-over-key");
    }
  });

  it("flags share correct far from the level's prediction, in the direction it is off", () => {
    // Labelled level 4 (hard) but plays like level 2, and the reverse.
    const tooEasy = simulate(300, { truth: { ...NOMINAL, difficulty: -0.5 } }, createRandom(7));
    const easy = itemStatistics(itemOf({ ...NOMINAL, difficulty: 1.5 }, "q", 4), tooEasy, context);
    expect(easy.levelZ).toBeGreaterThan(3);
    expect(easy.flags.find((flag) => flag.code === "level-mismatch")?.message).toContain("easier");
    const tooHard = simulate(300, { truth: { ...NOMINAL, difficulty: 0.5 } }, createRandom(8));
    const hard = itemStatistics(itemOf({ ...NOMINAL, difficulty: -1.5 }, "q", 1), tooHard, context);
    expect(hard.levelZ).toBeLessThan(-3);
    expect(hard.flags.find((flag) => flag.code === "level-mismatch")?.message).toContain("harder");
  });

  it("rarely flags a correctly labelled item as off its level: the SE-based rule holds its false-alarm rate", () => {
    let flagged = 0;
    const items = 300;
    for (let seed = 1; seed <= items; seed++) {
      const random = createRandom(1000 + seed);
      const truth = { difficulty: random.normal(), discrimination: 0.8 + random.next(), guessing: 0.25 };
      const responses = simulate(200, { truth, dontKnow: 0.3 }, random, random.normal() * 0.5);
      if (
        itemStatistics(itemOf(truth), responses, context).flags.some((flag) => flag.code === "level-mismatch")
      )
        flagged++;
    }
    // Nominal 3-SE rule: 0.27 % two-sided; allow for the approximation, not for a systematic bias.
    expect(flagged / items).toBeLessThan(0.02);
  });

  it("flags correct answers far faster than the bank's typical time (a leaked key), not normal ones", () => {
    const random = createRandom(9);
    const normal = Array.from({ length: 9 }, (_, index) => ({
      item: itemOf(NOMINAL, `q${index}`),
      responses: simulate(100, { truth: NOMINAL }, random),
    }));
    const leaked = {
      item: itemOf(NOMINAL, "leaked"),
      responses: simulate(
        100,
        {
          truth: { ...NOMINAL, difficulty: -1 },
          ms: (correct, r) => Math.round((correct ? 4_000 : 30_000) * Math.exp(0.3 * r.normal())),
        },
        random,
      ),
    };
    const all = [...normal, leaked];
    // The bank's typical time is the median of the questions' medians (as the admin pages compute it).
    const bankTypicalMs = typicalItemMs(
      all.map((entry) =>
        median(
          entry.responses
            .filter((response) => response.msOnItem !== null)
            .map((response) => response.msOnItem as number),
        ),
      ),
    );
    const stats = all.map((entry) =>
      itemStatistics(entry.item, entry.responses, { openReports: 0, bankTypicalMs }),
    );
    const fast = stats.filter((entry) => entry.flags.some((flag) => flag.code === "fast-correct"));
    expect(fast.map((entry) => entry.questionId)).toEqual(["leaked"]);
    expect(fast[0]?.medianCorrectMs).toBeLessThan(6_000);
  });

  it("raises no flag below the minimum number of responses, however the few answers look", () => {
    const backwards = simulate(29, { truth: { ...NOMINAL, discrimination: -3 } }, createRandom(10));
    expect(flagsOf(backwards)).toEqual([]);
    const more = simulate(300, { truth: { ...NOMINAL, discrimination: -3 } }, createRandom(10));
    expect(flagsOf(more)).toContain("low-discrimination");
  });

  it("reports an item nobody answered with empty statistics and no flags", () => {
    const stats = itemStatistics(itemOf(), [], context);
    expect(stats).toMatchObject({
      responses: 0,
      shareCorrect: null,
      dontKnowShare: null,
      discrimination: null,
      expectedShareCorrect: null,
      levelZ: null,
      medianMs: null,
      choices: null,
      flags: [],
    });
  });
});

describe("the option × ability-group table", () => {
  it("shows only cells that cover at least five responses: terciles, else halves, else one group, else nothing", () => {
    const random = createRandom(11);
    for (let n = 0; n <= 40; n++) {
      const table = choiceTable(itemOf(), simulate(n, { truth: NOMINAL, dontKnow: 0.3 }, random));
      if (n < 5) {
        expect(table).toBeNull();
        continue;
      }
      expect(table).not.toBeNull();
      for (const group of table?.groups ?? []) expect(group.responses).toBeGreaterThanOrEqual(5);
      expect(table?.groups.reduce((sum, group) => sum + group.responses, 0)).toBe(n);
      const layout = table?.groups.map((group) => group.id);
      if (n >= 15) expect(layout).toEqual(["low", "middle", "high"]);
      else if (n >= 10) expect(layout).toEqual(["lower", "upper"]);
      else expect(layout).toEqual(["all"]);
      expect(table?.merged).toBe(n < 15);
    }
  });

  it("counts responses without an ability in no group", () => {
    const responses = simulate(20, { truth: NOMINAL }, createRandom(12)).map((response, index) =>
      index < 8 ? { ...response, abilityOther: null, abilitySdOther: null } : response,
    );
    const table = choiceTable(itemOf(), responses);
    expect(table?.groups.map((group) => group.id)).toEqual(["lower", "upper"]);
    expect(table?.groups.reduce((sum, group) => sum + group.responses, 0)).toBe(12);
  });

  it("orders groups by ability and gives each option and “I don't know” its share of the group", () => {
    const responses = simulate(90, { truth: NOMINAL, dontKnow: 0.4 }, createRandom(13));
    const table = choiceTable(itemOf(), responses);
    const [low, middle, high] = table?.groups ?? [];
    expect(low?.maxAbility).toBeLessThanOrEqual(middle?.minAbility ?? -Infinity);
    expect(middle?.maxAbility).toBeLessThanOrEqual(high?.minAbility ?? -Infinity);
    expect(table?.rows.map((row) => row.id)).toEqual([...OPTIONS, DONT_KNOW_ROW]);
    expect(table?.rows.find((row) => row.isKey)?.id).toBe("four");
    // Single-answer: every response is one option or "I don't know", so each group's shares sum to 1.
    for (let group = 0; group < 3; group++)
      expect(table?.rows.reduce((sum, row) => sum + (row.shares[group] as number), 0)).toBeCloseTo(1, 10);
    const key = table?.rows.find((row) => row.id === "four");
    expect(key?.shares[2]).toBeGreaterThan(key?.shares[0] as number);
  });
});

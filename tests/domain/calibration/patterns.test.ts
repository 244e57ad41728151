import { describe, expect, it } from "vitest";
import {
  calibrateEvidence,
  calibrateResponses,
  PATTERN_ROUNDS,
  type CalibrationResponse,
  type ResponsePattern,
} from "@/domain/calibration";
import { attemptPrior } from "@/domain/engine/assess";
import { abilitiesWithoutEach } from "@/domain/engine/leave-one-out";
import { variance } from "@/domain/engine/posterior";
import { createRandom } from "@/domain/engine/random";
import { engineOf, recorded, skillIndexOf } from "../engine/engine-fixtures";

const engine = engineOf();
const SKILL = "alpha";
const skill = skillIndexOf(engine, SKILL);
const items = engine.model.items.filter((item) => item.skillIndex === skill && item.guessing > 0);
const { prior } = attemptPrior(engine, { currentRoleId: null });
const SHIFT = 1;

/**
 * People drawn from the prior answer every `alpha` item, each truly SHIFT harder than its label:
 * the whole skill was written too easy, so under the labels everyone looks weaker than they are.
 */
function patternsOf(people: number, seed: number): ResponsePattern[] {
  const random = createRandom(seed);
  const mean = prior.mean[skill] as number;
  const sd = Math.sqrt(variance(prior, skill));
  return Array.from({ length: people }, () => {
    const theta = mean + sd * random.normal();
    return {
      prior,
      answers: items.map((item) => {
        const p =
          item.guessing +
          (1 - item.guessing) / (1 + Math.exp(-item.discrimination * (theta - item.difficulty - SHIFT)));
        return { questionId: item.id, skillId: SKILL, isCorrect: random.next() < p, isDontKnow: false };
      }),
    };
  });
}

/** The same answers as anonymised records: each ability fixed from the other answers under the labels. */
function asRecords(patterns: readonly ResponsePattern[]): Map<string, CalibrationResponse[]> {
  const records = new Map<string, CalibrationResponse[]>();
  for (const pattern of patterns) {
    const answers = pattern.answers.map((answer) =>
      recorded(engine, answer.questionId, answer.isCorrect ? "correct" : "incorrect"),
    );
    abilitiesWithoutEach(engine, pattern.prior, answers).forEach((ability, index) => {
      const answer = pattern.answers[index];
      if (!answer || ability.mean === null || ability.sd === null) return;
      const list = records.get(answer.questionId) ?? [];
      list.push({
        isCorrect: answer.isCorrect,
        isDontKnow: false,
        abilityMean: ability.mean,
        abilitySd: ability.sd,
      });
      records.set(answer.questionId, list);
    });
  }
  return records;
}

/**
 * The shift found on the items the people can tell apart: truly within 1.5 logits of them. An item
 * far above everyone is answered at the guessing rate by all, and its prior keeps it near its label.
 */
const targeted = items.filter(
  (item) => Math.abs(item.difficulty + SHIFT - (prior.mean[skill] as number)) <= 1.5,
);
const meanShift = (calibration: ReturnType<typeof calibrateEvidence>) =>
  targeted.reduce(
    (sum, item) => sum + (calibration.items.get(item.id)!.estimate.difficulty - item.difficulty),
    0,
  ) / targeted.length;

describe("calibration from response patterns and records", () => {
  it("refits the abilities of stored attempts with the items (EM) and recovers a shift the labels' abilities hide", () => {
    expect(targeted.length).toBeGreaterThanOrEqual(4);
    const patterns = patternsOf(600, 7);
    const fixed = calibrateEvidence(engine, [], asRecords(patterns));
    const refitted = calibrateEvidence(engine, patterns, new Map());
    expect(fixed.rounds).toBe(1);
    expect(refitted.rounds).toBeGreaterThan(1);
    // Abilities from the labels make everyone look weaker, which makes the items look easier than
    // they are: most of the shift is lost. Refitted, it is found.
    expect(meanShift(fixed)).toBeLessThan(0.7 * SHIFT);
    expect(Math.abs(meanShift(refitted) - SHIFT)).toBeLessThan(0.1);
    for (const item of items) expect(refitted.items.get(item.id)?.estimate.n).toBe(600);
    for (const item of targeted) {
      const estimate = refitted.items.get(item.id)!.estimate;
      expect(Math.abs(estimate.difficulty - item.difficulty - SHIFT)).toBeLessThan(3 * estimate.difficultySe);
    }
  });

  it("settles on the labels when the items are as labelled, counting records and stored attempts' answers once each", () => {
    const random = createRandom(3);
    const mean = prior.mean[skill] as number;
    const patterns: ResponsePattern[] = Array.from({ length: 300 }, () => {
      const theta = mean + random.normal();
      return {
        prior,
        answers: items.map((item) => {
          const p =
            item.guessing +
            (1 - item.guessing) / (1 + Math.exp(-item.discrimination * (theta - item.difficulty)));
          return { questionId: item.id, skillId: SKILL, isCorrect: random.next() < p, isDontKnow: false };
        }),
      };
    });
    const records = asRecords(patternsOf(50, 11));
    const both = calibrateEvidence(engine, patterns, records);
    for (const item of items) expect(both.items.get(item.id)?.estimate.n).toBe(350);
    // Settled before the cap: nothing pulls items that are as labelled anywhere.
    expect(both.rounds).toBeLessThan(PATTERN_ROUNDS.max);
    for (const item of targeted) {
      const estimate = both.items.get(item.id)!.estimate;
      expect(Math.abs(estimate.difficulty - item.difficulty)).toBeLessThan(3 * estimate.difficultySe);
    }
  });

  it("is the records' own fit when there is no stored attempt, and ignores answers to items the engine lacks", () => {
    const records = asRecords(patternsOf(120, 5));
    records.set("no-such-question", records.get(items[0]!.id)!);
    const calibration = calibrateEvidence(engine, [], records);
    expect(calibration.items.has("no-such-question")).toBe(false);
    for (const item of items)
      expect(calibration.items.get(item.id)).toMatchObject(calibrateResponses(records.get(item.id)!, item));
  });
});

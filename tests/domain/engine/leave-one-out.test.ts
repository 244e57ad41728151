import { describe, expect, it } from "vitest";
import { replayAttempt, type RecordedAnswer } from "@/domain/engine/assess";
import { abilitiesWithoutEach } from "@/domain/engine/leave-one-out";
import { variance } from "@/domain/engine/posterior";
import { engineOf, recorded, simulateAttempt, skillIndexOf } from "./engine-fixtures";

const engine = engineOf();
const spec = { currentRoleId: null, targetRoleId: "test-role", seed: 5 };
const posteriorOf = (answers: readonly RecordedAnswer[]) => replayAttempt(engine, spec, answers).posterior;

describe("abilitiesWithoutEach", () => {
  const answers = [
    recorded(engine, "alpha-level-2-0", "correct"),
    recorded(engine, "alpha-level-3-0", "correct"),
    recorded(engine, "alpha-level-4-0", "incorrect"),
    recorded(engine, "bravo-level-2-1", "incorrect"),
  ];
  const prior = replayAttempt(engine, spec, []).prior;
  const without = abilitiesWithoutEach(engine, prior, answers);

  /** Largest gap between the cavity leave-one-out and a full refit without each answer. */
  const gapToRefit = (list: readonly RecordedAnswer[], changes: Partial<typeof spec> = {}) => {
    const fast = abilitiesWithoutEach(engine, replayAttempt(engine, { ...spec, ...changes }, []).prior, list);
    let gap = 0;
    list.forEach((answer, index) => {
      const others = replayAttempt(
        engine,
        { ...spec, ...changes },
        list.filter((_, other) => other !== index),
      ).posterior;
      const skill = skillIndexOf(engine, answer.skillId);
      expect(fast[index]?.questionId).toBe(answer.questionId);
      gap = Math.max(
        gap,
        Math.abs((fast[index]?.mean as number) - (others.mean[skill] as number)),
        Math.abs((fast[index]?.sd as number) - Math.sqrt(variance(others, skill))),
      );
    });
    return gap;
  };

  it("gives each answer its skill's posterior from the other answers alone (within 0.03 logits of a refit, a small fraction of its SD)", () => {
    expect(gapToRefit(answers)).toBeLessThan(0.03);
  });

  it("stays within 0.03 logits of a refit over whole simulated quizzes", () => {
    for (let seed = 1; seed <= 5; seed++) {
      const { answers: quiz } = simulateAttempt(engine, { ...spec, seed }, (_, position) =>
        (position * seed) % 3 === 0 ? "incorrect" : position % 5 === 0 ? "dontKnow" : "correct",
      );
      expect(quiz.length).toBeGreaterThan(5);
      expect(gapToRefit(quiz, { seed })).toBeLessThan(0.03);
    }
  });

  it("does not let an answer vouch for itself: a correct answer's own estimate is lower without it", () => {
    const full = posteriorOf(answers);
    const alpha = skillIndexOf(engine, "alpha");
    expect(without[0]?.mean).toBeLessThan(full.mean[alpha] as number);
    expect(without[2]?.mean).toBeGreaterThan(full.mean[alpha] as number);
    expect(without[0]?.sd).toBeGreaterThan(Math.sqrt(variance(full, alpha)));
  });

  it("leaves an answer to a skill the content no longer has without an ability", () => {
    const gone: RecordedAnswer = {
      questionId: "gone",
      skillId: "removed-skill",
      outcome: "correct",
      parameters: { difficulty: 0, discrimination: 1.3, guessing: 0.25 },
    };
    const result = abilitiesWithoutEach(engine, prior, [gone, ...answers]);
    expect(result[0]).toEqual({ questionId: "gone", mean: null, sd: null });
    expect(result[1]?.mean).toBeCloseTo(without[0]?.mean as number, 6);
  });
});

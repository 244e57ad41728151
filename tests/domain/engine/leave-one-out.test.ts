import { describe, expect, it } from "vitest";
import { replayAttempt, type RecordedAnswer } from "@/domain/engine/assess";
import { abilitiesWithoutEach } from "@/domain/engine/leave-one-out";
import { variance } from "@/domain/engine/posterior";
import { engineOf, recorded, skillIndexOf } from "./engine-fixtures";

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

  it("gives each answer its skill's posterior from the other answers alone", () => {
    answers.forEach((answer, index) => {
      const others = posteriorOf(answers.filter((_, other) => other !== index));
      const skill = skillIndexOf(engine, answer.skillId);
      expect(without[index]?.questionId).toBe(answer.questionId);
      expect(without[index]?.mean).toBeCloseTo(others.mean[skill] as number, 3);
      expect(without[index]?.sd).toBeCloseTo(Math.sqrt(variance(others, skill)), 3);
    });
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

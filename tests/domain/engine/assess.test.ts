import { describe, expect, it } from "vitest";
import { replayAttempt, scoreChoice, type AttemptSpec, type RecordedAnswer } from "@/domain/engine/assess";
import type { EngineItem } from "@/domain/engine/model";
import type { Outcome } from "@/domain/engine/posterior";
import { readiness } from "@/domain/engine/result";
import { engineOf, recorded, repoEngine, simulateAttempt } from "./engine-fixtures";

const engine = engineOf();
const spec: AttemptSpec = { currentRoleId: null, targetRoleId: "test-role", seed: 42 };

/** A person who knows alpha…charlie and little else: a mixed, realistic answer pattern. */
const knowsEarlySkills = (item: EngineItem): Outcome =>
  item.skillIndex <= 2 ? "correct" : item.level <= 1 ? "correct" : "incorrect";
/** Alternates right and wrong so that the verdict stays uncertain for longer. */
const alternating = (_item: EngineItem, position: number): Outcome =>
  position % 2 === 0 ? "correct" : "incorrect";

const requiredItemCount = (targetRoleId: string) => {
  const required = new Set(
    engine.graph.roles.get(targetRoleId)?.requires.map((requirement) => requirement.skill),
  );
  return [...engine.graph.questions.values()].filter((question) => required.has(question.skill)).length;
};

describe("replayAttempt: one attempt", () => {
  it("starts from the prior and names a first question", () => {
    const state = replayAttempt(engine, spec, []);
    expect(state.answered).toBe(0);
    expect(state.stop).toBeUndefined();
    expect(state.next).toBeDefined();
    expect(Array.from(state.posterior.mean)).toEqual(Array.from(state.prior.mean));
    expect(state.ignoredAnswers).toEqual([]);
  });

  it("never asks the same question twice within an attempt", () => {
    for (const seed of [1, 2, 3]) {
      const attempt = simulateAttempt(engine, { ...spec, seed, stopRisk: -1, budget: 40 }, alternating);
      const ids = attempt.asked.map((item) => item.id);
      expect(ids).toHaveLength(40);
      expect(new Set(ids).size).toBe(ids.length);
      expect(attempt.final.stop).toBe("budget");
      expect(attempt.final.next).toBeUndefined();
    }
  });

  it("asks every question of the required skills and then stops as exhausted when it never becomes confident", () => {
    const attempt = simulateAttempt(engine, { ...spec, stopRisk: -1, budget: 500 }, alternating);
    const ids = attempt.asked.map((item) => item.id);
    expect(new Set(ids).size).toBe(requiredItemCount("test-role"));
    expect(ids).toHaveLength(requiredItemCount("test-role"));
    expect(attempt.final.stop).toBe("exhausted");
    expect(attempt.final.next).toBeUndefined();
  });

  it("stops at a custom budget", () => {
    const attempt = simulateAttempt(engine, { ...spec, budget: 3, stopRisk: -1 }, alternating);
    expect(attempt.asked).toHaveLength(3);
    expect(attempt.final.stop).toBe("budget");
  });

  it("shows the same next question and the same estimate every time the same answers are replayed", () => {
    const attempt = simulateAttempt(engine, spec, knowsEarlySkills);
    for (let count = 0; count < attempt.answers.length; count++) {
      const prefix = attempt.answers.slice(0, count);
      const first = replayAttempt(engine, spec, prefix);
      const again = replayAttempt(engine, spec, prefix);
      expect(again.next?.id).toBe(first.next?.id);
      expect(first.next?.id).toBe(attempt.asked[count]?.id);
      expect(Array.from(again.posterior.mean)).toEqual(Array.from(first.posterior.mean));
      expect(readiness(again.posterior, again.target, spec.seed)).toBe(
        readiness(first.posterior, first.target, spec.seed),
      );
    }
  });

  it("gives different attempts different question sequences (exposure control)", () => {
    const sequences = new Set<string>();
    const firstItems = new Set<string>();
    for (let seed = 1; seed <= 50; seed++) {
      const attempt = simulateAttempt(engine, { ...spec, seed }, knowsEarlySkills);
      sequences.add(attempt.asked.map((item) => item.id).join(" "));
      firstItems.add(attempt.asked[0]?.id ?? "");
    }
    expect(firstItems.size).toBeGreaterThan(1);
    expect(sequences.size).toBeGreaterThan(10);
  });

  it("spreads the first question over the real bank so no single item opens most attempts", () => {
    const real = repoEngine();
    const counts = new Map<string, number>();
    for (let seed = 1; seed <= 50; seed++) {
      const id =
        replayAttempt(real, { currentRoleId: "data-scientist", targetRoleId: "ai-engineer", seed }, []).next
          ?.id ?? "";
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    expect(counts.has("")).toBe(false);
    expect(counts.size).toBeGreaterThanOrEqual(4);
    expect(Math.max(...counts.values())).toBeLessThan(25);
  });
});

describe("replayAttempt: reassessment and changed content", () => {
  it("does not repeat questions from an earlier attempt while the skill has fresh ones", () => {
    const first = simulateAttempt(engine, { ...spec, seed: 11 }, knowsEarlySkills);
    const seenBefore = new Set(first.asked.map((item) => item.id));
    for (const seed of [12, 13, 14]) {
      const second = simulateAttempt(engine, { ...spec, seed, seenBefore }, knowsEarlySkills);
      second.asked.forEach((item, position) => {
        if (!seenBefore.has(item.id)) return;
        const askedSoFar = new Set(second.asked.slice(0, position).map((earlier) => earlier.id));
        const freshLeft = (engine.model.itemsBySkill[item.skillIndex] ?? []).filter(
          (other) => !seenBefore.has(other.id) && !askedSoFar.has(other.id),
        );
        expect(
          freshLeft.map((other) => other.id),
          `${item.id} repeated at position ${position}`,
        ).toEqual([]);
      });
    }
    // A short reassessment after a short first attempt repeats nothing at all.
    const short = simulateAttempt(engine, { ...spec, seed: 21 }, () => "correct");
    const again = simulateAttempt(
      engine,
      { ...spec, seed: 22, seenBefore: new Set(short.asked.map((item) => item.id)) },
      () => "correct",
    );
    expect(again.asked.filter((item) => short.asked.some((earlier) => earlier.id === item.id))).toEqual([]);
  });

  it("returns to questions seen before only for a skill that has run out of fresh ones", () => {
    const seenBefore = new Set(
      engine.model.items.filter((item) => !item.id.endsWith("-level-2-0")).map((item) => item.id),
    );
    const attempt = simulateAttempt(engine, { ...spec, stopRisk: -1, budget: 500, seenBefore }, alternating);
    const askedBySkill = new Map<number, string[]>();
    for (const item of attempt.asked)
      askedBySkill.set(item.skillIndex, [...(askedBySkill.get(item.skillIndex) ?? []), item.id]);
    for (const ids of askedBySkill.values()) {
      // The one fresh item of each skill is asked before any item of that skill seen before.
      expect(ids[0]).toMatch(/-level-2-0$/);
      expect(ids.slice(1).every((id) => seenBefore.has(id))).toBe(true);
    }
  });

  it("ignores answers on a skill that no longer exists instead of failing, and says which", () => {
    const answers: RecordedAnswer[] = [
      recorded(engine, "alpha-level-2-0", "correct"),
      recorded(engine, "bravo-level-1-0", "incorrect"),
    ];
    const removed: RecordedAnswer = {
      questionId: "kilo-basics",
      skillId: "kilo",
      outcome: "correct",
      parameters: { difficulty: -0.5, discrimination: 1.3, guessing: 0.25 },
    };
    const withRemoved = replayAttempt(engine, spec, [
      answers[0] as RecordedAnswer,
      removed,
      answers[1] as RecordedAnswer,
    ]);
    const without = replayAttempt(engine, spec, answers);
    expect(withRemoved.ignoredAnswers).toEqual(["kilo-basics"]);
    expect(Array.from(withRemoved.posterior.mean)).toEqual(Array.from(without.posterior.mean));
    expect(withRemoved.next).toBeDefined();
  });

  it("still uses an answer whose question was removed if its skill remains, with the parameters stored at the time", () => {
    const stored: RecordedAnswer = {
      questionId: "alpha-retired-question",
      skillId: "alpha",
      outcome: "correct",
      parameters: { difficulty: 0.5, discrimination: 1.3, guessing: 0.25 },
    };
    const state = replayAttempt(engine, spec, [stored]);
    expect(state.ignoredAnswers).toEqual([]);
    expect(state.posterior.mean[engine.model.skillIndex.get("alpha") ?? -1]).toBeGreaterThan(
      state.prior.mean[0] as number,
    );
  });

  it("uses the current role to start, so the same answers read differently for different backgrounds", () => {
    const answers = [recorded(engine, "india-level-2-0", "correct")];
    const india = engine.model.skillIndex.get("india") ?? -1;
    const experienced = replayAttempt(
      engine,
      { ...spec, currentRoleId: "india-role", targetRoleId: "india-role" },
      answers,
    );
    const newcomer = replayAttempt(engine, { ...spec, targetRoleId: "india-role" }, answers);
    expect(experienced.posterior.mean[india]).toBeGreaterThan(newcomer.posterior.mean[india] as number);
  });
});

describe("scoreChoice", () => {
  const single = [{ id: "a" }, { id: "b", correct: true }, { id: "c", correct: false }, { id: "d" }];
  const multiple = [
    { id: "a", correct: true },
    { id: "b" },
    { id: "c", correct: true },
    { id: "d" },
    { id: "e" },
  ];

  it("scores a single-answer item right only on its key", () => {
    expect(scoreChoice(single, ["b"])).toBe(true);
    expect(scoreChoice(single, ["a"])).toBe(false);
    expect(scoreChoice(single, ["b", "a"])).toBe(false);
  });

  it("scores a multiple-answer item right only on the exact key set, in any order", () => {
    expect(scoreChoice(multiple, ["a", "c"])).toBe(true);
    expect(scoreChoice(multiple, ["c", "a"])).toBe(true);
  });

  it("gives no partial credit for a missing key or an extra option", () => {
    expect(scoreChoice(multiple, ["a"])).toBe(false);
    expect(scoreChoice(multiple, ["a", "c", "d"])).toBe(false);
    expect(scoreChoice(multiple, ["a", "d"])).toBe(false);
  });

  it("scores an empty choice as wrong", () => {
    expect(scoreChoice(single, [])).toBe(false);
    expect(scoreChoice(multiple, [])).toBe(false);
  });
});

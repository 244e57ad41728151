import "server-only";
import type { AttemptState, Engine, RecordedAnswer } from "@/domain/engine/assess";
import { fitForEveryRole, readiness, summariseSkills, type RoleFit } from "@/domain/engine/result";
import type { Outcome } from "@/domain/engine/posterior";
import type { AnswerRow, ScoredSkill } from "../attempts";
import { saveAttemptResult } from "../attempts";

/** Stored answers as the engine reads them: the parameters used at the time, not today's content. */
export function toRecordedAnswers(rows: readonly AnswerRow[]): RecordedAnswer[] {
  return rows.map((row) => ({
    questionId: row.questionId,
    skillId: row.skillId,
    outcome: (row.isDontKnow ? "dontKnow" : row.isCorrect ? "correct" : "incorrect") satisfies Outcome,
    parameters: { difficulty: row.difficulty, discrimination: row.discrimination, guessing: row.guessing },
  }));
}

/** What is stored in Attempt.resultJson, versioned so later readers can tell shapes apart. */
export interface StoredResult {
  version: 1;
  /** Expected share of misclassified required skills when the quiz ended. */
  risk: number;
  roles: RoleFit[];
  ignoredAnswers: readonly string[];
}

export type StopCause = "confident" | "budget" | "exhausted" | "finished";

/** Scores an attempt from its replayed state and stores the result (estimates, readiness, all-roles fit). */
export async function scoreAndSave(
  engine: Engine,
  attemptId: string,
  seed: number,
  state: AttemptState,
  answers: readonly RecordedAnswer[],
  cause: StopCause,
) {
  const skills = summariseSkills(engine.model, state.posterior, state.target, answers);
  const scored: ScoredSkill[] = skills.map((skill) => ({
    skillId: skill.skillId,
    mean: skill.mean,
    sd: skill.sd,
    band: skill.level,
    bandLow: skill.low,
    bandHigh: skill.high,
    targetLevel: skill.targetLevel,
    pMeets: skill.pMeets,
    answerCount: skill.directAnswers,
  }));
  const roles = fitForEveryRole(engine, state.posterior, seed);
  const result: StoredResult = { version: 1, risk: state.risk, roles, ignoredAnswers: state.ignoredAnswers };
  // The headline readiness is the target's entry in the all-roles list, so the two never disagree.
  const targetReadiness =
    roles.find((role) => role.roleId === state.target.roleId)?.readiness ??
    readiness(state.posterior, state.target, seed);
  await saveAttemptResult(attemptId, {
    stopReason: cause,
    readiness: targetReadiness,
    resultJson: JSON.stringify(result),
    skills: scored,
  });
  return scored;
}

import "server-only";
import type { AttemptState, Engine, RecordedAnswer } from "@/domain/engine/assess";
import { fitForEveryRole, readiness, summariseSkills, type RoleFit } from "@/domain/engine/result";
import type { Outcome } from "@/domain/engine/posterior";
import { abilitiesWithoutEach } from "@/domain/engine/leave-one-out";
import type { AnswerRow, ScoredSkill } from "../attempts";
import { saveAttemptResult } from "../attempts";
import type { AnswerEvidence } from "../response-records";

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

/**
 * The attempt's answers as evidence for item statistics and calibration: each with the ability the
 * engine gives its skill from the attempt's prior and the OTHER answers. An answer whose item hash
 * is unknown (given before hashes were stored, to a question content has since removed) cannot be
 * keyed and is left out.
 */
export function answerEvidenceOf(
  engine: Engine,
  state: Pick<AttemptState, "prior">,
  rows: readonly AnswerRow[],
  demo: boolean,
  calibrationVersion: string | null = null,
): AnswerEvidence[] {
  const without = abilitiesWithoutEach(engine, state.prior, toRecordedAnswers(rows));
  return rows.flatMap((row, index) => {
    const itemHash = row.itemHash ?? engine.graph.questions.get(row.questionId)?.contentHash;
    if (!itemHash) return [];
    return [
      {
        questionId: row.questionId,
        itemHash,
        abilityOther: without[index]?.mean ?? null,
        abilitySdOther: without[index]?.sd ?? null,
        calibrationVersion,
        demo,
      },
    ];
  });
}

/**
 * Scores an attempt from its replayed state and stores the result (estimates, readiness, all-roles
 * fit), marking its answers as evidence the first time it is scored.
 */
export async function scoreAndSave(
  engine: Engine,
  attemptId: string,
  seed: number,
  state: AttemptState,
  answers: readonly RecordedAnswer[],
  cause: StopCause,
  evidence: readonly AnswerEvidence[] = [],
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
  await saveAttemptResult(
    attemptId,
    {
      stopReason: cause,
      readiness: targetReadiness,
      resultJson: JSON.stringify(result),
      skills: scored,
    },
    evidence,
  );
  return scored;
}

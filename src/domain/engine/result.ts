import { normalCdf } from "./math";
import { READINESS_DRAWS, readinessForRoles } from "./readiness";
import { probabilityMeets } from "./decision";
import { meetsTarget } from "./verdict";
import { levelCut, LEVEL_CUTS, targetProfile, type EngineModel, type TargetProfile } from "./model";
import { fitPosterior, tailProbabilities } from "./expectation-propagation";
import { variance, type Posterior } from "./posterior";
import { answerTerms, type Engine, type RecordedAnswer } from "./assess";

export interface SkillResult {
  skillId: string;
  mean: number;
  sd: number;
  /** Most probable level 0–4 under the posterior. */
  level: number;
  /** Levels at the 10th and 90th percentile of ability: the 80 % credible band. */
  low: number;
  high: number;
  /** P(level = L) for L = 0…4. */
  levelProbabilities: number[];
  /** Answers given directly on this skill; 0 means "not assessed" (inferred from related skills). */
  directAnswers: number;
  targetLevel: number | null;
  isCore: boolean;
  /** P(meets the target level); null when the target role does not require the skill. */
  pMeets: number | null;
}

/** The level an ability falls into. */
export function levelOf(theta: number): number {
  let level = 0;
  for (const cut of LEVEL_CUTS) if (theta >= cut) level++;
  return level;
}

export function levelProbabilities(mean: number, sd: number): number[] {
  return levelsFromTails(LEVEL_CUTS.map((cut) => normalCdf((mean - cut) / sd)));
}

/** P(level = L) for L = 0…4 from P(θ ≥ cut) at each of the four cuts. */
function levelsFromTails(tails: readonly number[]): number[] {
  return [0, 1, 2, 3, 4].map(
    (level) =>
      (level === 0 ? 1 : (tails[level - 1] as number)) - (level === 4 ? 0 : (tails[level] as number)),
  );
}

export function summariseSkills(
  model: EngineModel,
  posterior: Posterior,
  target: TargetProfile,
  answers: readonly RecordedAnswer[],
): SkillResult[] {
  const direct = new Map<string, number>();
  for (const answer of answers) direct.set(answer.skillId, (direct.get(answer.skillId) ?? 0) + 1);
  return model.skillIds.map((skillId, index) => {
    const mean = posterior.mean[index] as number;
    const sd = Math.sqrt(variance(posterior, index));
    const tails = tailProbabilities(posterior, index, LEVEL_CUTS);
    const probabilities = levelsFromTails(tails);
    const k = target.skillIndexes.indexOf(index);
    const targetLevel = k >= 0 ? (target.levels[k] as number) : null;
    return {
      skillId,
      mean,
      sd,
      level: probabilities.indexOf(Math.max(...probabilities)),
      // The 10th and 90th percentiles' levels: cuts passed with probability ≥ 0.9, and > 0.1.
      low: tails.filter((tail) => tail >= 0.9).length,
      high: tails.filter((tail) => tail > 0.1).length,
      levelProbabilities: probabilities,
      directAnswers: direct.get(skillId) ?? 0,
      targetLevel,
      isCore: k >= 0 && target.isCore[k] === true,
      pMeets: targetLevel === null ? null : probabilityMeets(posterior, index, levelCut(targetLevel)),
    };
  });
}

/**
 * P(every core skill of the role meets its level), by Monte Carlo over the joint posterior: the
 * skills are correlated, so the product of marginals would understate it. Roles without core
 * requirements use all their requirements. Seeded, so a stored result reloads identically.
 */
export function readiness(
  posterior: Posterior,
  target: TargetProfile,
  seed: number,
  draws = READINESS_DRAWS,
): number {
  return readinessForRoles(posterior, [target], seed, draws)[0] ?? 0;
}

export interface RoleFit {
  roleId: string;
  /** P(all core skills meet target). */
  readiness: number;
  /** Weighted mean P(meets) over the role's requirements (core counts double): how much of the role is already there. */
  fit: number;
}

/** Readiness and fit for every role in the graph from the same posterior, best fit first. */
export function fitForEveryRole(engine: Engine, posterior: Posterior, seed: number): RoleFit[] {
  const targets = engine.graph.roleList.map((role) => targetProfile(engine.model, engine.graph, role.id));
  const readinessByRole = readinessForRoles(posterior, targets, seed);
  return targets
    .map((target, index) => {
      let weighted = 0;
      let weights = 0;
      target.skillIndexes.forEach((skill, k) => {
        const weight = target.weights[k] as number;
        weighted += weight * probabilityMeets(posterior, skill, target.cuts[k] as number);
        weights += weight;
      });
      return {
        roleId: target.roleId,
        readiness: readinessByRole[index] ?? 0,
        fit: weights === 0 ? 0 : weighted / weights,
      };
    })
    .sort((a, b) => b.fit - a.fit || b.readiness - a.readiness || (a.roleId < b.roleId ? -1 : 1));
}

export interface AnswerInfluence {
  questionId: string;
  outcome: RecordedAnswer["outcome"];
  /** Change of this skill's mean ability caused by the answer, in logits. */
  shift: number;
}

/**
 * Explains a result: for each answer, how far the final estimate of each skill would move without
 * it (leave one out), so a skill can list the answers that moved it, largest first. The posterior
 * does not depend on answer order, so neither does this: an early answer is not credited with
 * what a later one would have shown anyway.
 */
export function explainAnswers(
  engine: Engine,
  prior: Posterior,
  answers: readonly RecordedAnswer[],
): Map<string, AnswerInfluence[]> {
  const { skillIds } = engine.model;
  const influence = new Map<string, AnswerInfluence[]>(skillIds.map((id) => [id, []]));
  const counted = answers.filter((answer) => engine.model.skillIndex.has(answer.skillId));
  const { terms } = answerTerms(engine.model, counted);
  const full = fitPosterior(prior, terms);
  counted.forEach((answer, index) => {
    const without = fitPosterior(
      prior,
      terms.filter((_, other) => other !== index),
      full.sites,
    ).posterior;
    skillIds.forEach((skillId, skill) => {
      const shift = (full.posterior.mean[skill] as number) - (without.mean[skill] as number);
      if (Math.abs(shift) >= 0.01)
        influence.get(skillId)?.push({ questionId: answer.questionId, outcome: answer.outcome, shift });
    });
  });
  for (const list of influence.values()) list.sort((a, b) => Math.abs(b.shift) - Math.abs(a.shift));
  return influence;
}

/**
 * The level a learning plan should start from for each skill: a required skill the person likely
 * meets (`meetsTarget`) counts as at target; one they likely do not counts as below target even when
 * the most probable level says otherwise, so every uncertain gap gets its module.
 */
export function levelsForPlanning(
  skills: readonly { skillId: string; band: number; targetLevel: number | null; pMeets: number | null }[],
): Map<string, number> {
  return new Map(
    skills.map((skill) => {
      if (skill.targetLevel === null || skill.pMeets === null) return [skill.skillId, skill.band];
      return [
        skill.skillId,
        meetsTarget(skill.pMeets)
          ? Math.max(skill.band, skill.targetLevel)
          : Math.min(skill.band, skill.targetLevel - 1),
      ];
    }),
  );
}

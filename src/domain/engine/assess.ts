import type { SkillsGraph } from "../skills-graph";
import { decideNextStep, misclassificationRisk, type StopReason } from "./decision";
import {
  buildEngineModel,
  ENGINE_DEFAULTS,
  priorMean,
  targetProfile,
  type EngineItem,
  type EngineModel,
  type ItemParameters,
  type TargetProfile,
} from "./model";
import { fitPosterior, type AnswerTerm } from "./expectation-propagation";
import { createPrior, type Outcome, type Posterior } from "./posterior";
import { createRandom } from "./random";
import {
  biasPosterior,
  conditionOnSelfRatings,
  type RatedPrior,
  type SelfRating,
  type SelfRatingModel,
} from "./self-rating";

/** The engine bound to one content version: the graph plus its item model. */
export interface Engine {
  graph: SkillsGraph;
  model: EngineModel;
}

export function createEngine(graph: SkillsGraph): Engine {
  return { graph, model: buildEngineModel(graph) };
}

/** An answer as stored: the parameters used when it was given, so results survive content edits. */
export interface RecordedAnswer {
  questionId: string;
  skillId: string;
  outcome: Outcome;
  parameters: ItemParameters;
}

export interface AttemptSpec {
  currentRoleId: string | null;
  targetRoleId: string;
  seed: number;
  budget?: number;
  /** Questions the same person answered in earlier attempts (a reassessment measures growth, not memory). */
  seenBefore?: ReadonlySet<string>;
  stopRisk?: number;
  /** The person's self-ratings, evidence before the first answer ("not sure" and skipped: absent). */
  selfRatings?: readonly SelfRating[];
  /** How ratings relate to ability; SELF_RATING_DEFAULTS when absent. */
  selfRatingModel?: SelfRatingModel;
}

export interface AttemptState {
  posterior: Posterior;
  prior: Posterior;
  target: TargetProfile;
  answered: number;
  risk: number;
  /** Why the engine would stop now; undefined while it has more to ask. */
  stop: StopReason | undefined;
  /** The item to show next (undefined once stopped). */
  next: EngineItem | undefined;
  /** Required skills of the target not asked yet, core first (engine indexes). */
  uncovered: readonly number[];
  /** Answers that no longer map to a skill in this content version (the skill was removed). */
  ignoredAnswers: readonly string[];
  /** Self-ratings of skills this content version no longer has (skill ids): no evidence. */
  ignoredSelfRatings: readonly string[];
  /**
   * The person's rating bias β on the ability scale after ratings and answers (positive: rates
   * themselves above what they show); undefined when no rating counted.
   */
  selfRatingBias?: { mean: number; sd: number };
}

/**
 * Recomputes an attempt from its prior and stored answers. The state is a pure function of the
 * attempt's spec and answers (the posterior is the EP fixed point of all of them, whatever their
 * order), so nothing but the answers needs storing, and the next item is the same on every replay:
 * its randomisation is seeded by the attempt seed and the answer count.
 */
export function replayAttempt(
  engine: Engine,
  spec: AttemptSpec,
  answers: readonly RecordedAnswer[],
): AttemptState {
  const { graph, model } = engine;
  const { prior, rated, ignoredSelfRatings } = attemptPrior(engine, spec);
  const target = targetProfile(model, graph, spec.targetRoleId);
  const { terms, ignoredAnswers } = answerTerms(model, answers);
  const { posterior } = fitPosterior(prior, terms);
  const answeredSkills = new Set(terms.map((term) => term.skill));
  const { stop, next, uncovered } = decideNextStep(
    model,
    posterior,
    target,
    {
      answered: answers.length,
      answeredSkills,
      budget: spec.budget ?? ENGINE_DEFAULTS.budget,
      ...(spec.stopRisk === undefined ? {} : { stopRisk: spec.stopRisk }),
    },
    {
      used: new Set(answers.map((answer) => answer.questionId)),
      ...(spec.seenBefore ? { seenBefore: spec.seenBefore } : {}),
      random: createRandom(spec.seed, answers.length),
      attemptSeed: spec.seed,
    },
  );
  return {
    posterior,
    prior,
    target,
    answered: answers.length,
    risk: misclassificationRisk(posterior, target),
    stop,
    next,
    uncovered,
    ignoredAnswers,
    ignoredSelfRatings,
    ...(rated ? { selfRatingBias: biasPosterior(rated, posterior) } : {}),
  };
}

/**
 * The prior an attempt's answers are fitted against: the role-based prior, conditioned exactly on
 * the person's self-ratings when any rating counts (then `rated` carries what the bias posterior
 * needs). Without ratings it is the role-based prior itself, bit for bit.
 */
export function attemptPrior(
  engine: Engine,
  spec: Pick<AttemptSpec, "currentRoleId" | "selfRatings" | "selfRatingModel">,
): { prior: Posterior; rated: RatedPrior | undefined; ignoredSelfRatings: readonly string[] } {
  const { graph, model } = engine;
  const base = createPrior(model, priorMean(model, graph, spec.currentRoleId));
  if (!spec.selfRatings || spec.selfRatings.length === 0)
    return { prior: base, rated: undefined, ignoredSelfRatings: [] };
  const rated = conditionOnSelfRatings(model, base, spec.selfRatings, spec.selfRatingModel);
  return rated.used === 0
    ? { prior: base, rated: undefined, ignoredSelfRatings: rated.ignoredSkills }
    : { prior: rated.prior, rated, ignoredSelfRatings: rated.ignoredSkills };
}

/**
 * Stored answers as evidence terms of the posterior, one per answer (the scale-out cache keys them
 * by question, outcome and parameters). Answers to skills this content version no longer has are
 * returned apart: they cannot move any estimate.
 */
export function answerTerms(
  model: Engine["model"],
  answers: readonly RecordedAnswer[],
): { terms: AnswerTerm[]; ignoredAnswers: string[] } {
  const terms: AnswerTerm[] = [];
  const ignoredAnswers: string[] = [];
  for (const answer of answers) {
    const skill = model.skillIndex.get(answer.skillId);
    if (skill === undefined) ignoredAnswers.push(answer.questionId);
    else terms.push({ skill, parameters: answer.parameters, outcome: answer.outcome });
  }
  return { terms, ignoredAnswers };
}

/** How a chosen set of options scores: exact key set for multiple-answer items (no partial credit). */
export function scoreChoice(
  options: readonly { id: string; correct?: boolean | undefined }[],
  chosen: readonly string[],
): boolean {
  const keys = new Set(options.filter((option) => option.correct === true).map((option) => option.id));
  const picked = new Set(chosen);
  return picked.size === keys.size && [...picked].every((id) => keys.has(id));
}

import { attemptPrior } from "@/domain/engine/assess";
import { decideNextStep } from "@/domain/engine/decision";
import {
  ENGINE_DEFAULTS,
  groupItems,
  targetProfile,
  type EngineItem,
  type EngineModel,
  type TargetProfile,
} from "@/domain/engine/model";
import { fitPosterior, type AnswerTerm, type Sites } from "@/domain/engine/expectation-propagation";
import type { Posterior } from "@/domain/engine/posterior";
import type { Random } from "@/domain/engine/random";
import type { SelfRating, SelfRatingModel } from "@/domain/engine/self-rating";
import type { SkillsGraph } from "@/domain/skills-graph";
import { trueProbability, type Person, type TrueItem } from "./world";

export interface ArmRun {
  posterior: Posterior;
  prior: Posterior;
  target: TargetProfile;
  items: EngineItem[];
  /** The answers given, as the posterior's evidence (empty for the prior alone). */
  terms: AnswerTerm[];
}

/** The engine's view of the world: the content graph and the (possibly perturbed) nominal item model. */
export interface EngineView {
  graph: SkillsGraph;
  model: EngineModel;
}

function answer(
  person: Person,
  item: EngineItem,
  world: ReadonlyMap<string, TrueItem>,
  random: Random,
): boolean {
  const truth = world.get(item.id);
  if (!truth) throw new Error(`no true parameters for ${item.id}`);
  return random.next() < trueProbability(person.theta[item.skillIndex] as number, truth);
}

/** Self-ratings given before the first question, and the rating model the engine assumes. */
export interface RatingInput {
  ratings: readonly SelfRating[];
  model: SelfRatingModel;
}

/** The attempt's prior as the app builds it (attemptPrior): role-based, conditioned on any ratings. */
function start(view: EngineView, person: Person, rating?: RatingInput) {
  const { prior } = attemptPrior(view, {
    currentRoleId: person.currentRoleId,
    ...(rating ? { selfRatings: rating.ratings, selfRatingModel: rating.model } : {}),
  });
  return { prior, target: targetProfile(view.model, view.graph, person.targetRoleId) };
}

function termFor(item: EngineItem, isCorrect: boolean): AnswerTerm {
  return { skill: item.skillIndex, parameters: item, outcome: isCorrect ? "correct" : "incorrect" };
}

export function runPriorOnly(view: EngineView, person: Person): ArmRun {
  const { prior, target } = start(view, person);
  return { posterior: prior, prior, target, items: [], terms: [] };
}

export interface AdaptiveOptions {
  budget: number;
  /** Risk threshold; a negative value disables the risk stop (forced length). */
  stopRisk: number;
  withheldShare: number;
  readinessRisk: number;
}

export function runAdaptive(
  view: EngineView,
  person: Person,
  world: ReadonlyMap<string, TrueItem>,
  random: Random,
  options: AdaptiveOptions,
  rating?: RatingInput,
  /** Draws the answer to an item instead of `random` (bench:calibration's common random numbers). */
  respond?: (item: EngineItem) => boolean,
): ArmRun {
  const attemptSeed = Math.floor(random.next() * 2 ** 31);
  const { prior, target } = start(view, person, rating);
  let posterior = prior;
  let sites: Sites | undefined;
  const items: EngineItem[] = [];
  const terms: AnswerTerm[] = [];
  const used = new Set<string>();
  const answeredSkills = new Set<number>();
  for (;;) {
    const { next: item } = decideNextStep(
      view.model,
      posterior,
      target,
      {
        answered: items.length,
        answeredSkills,
        budget: options.budget,
        stopRisk: options.stopRisk,
        readinessRisk: options.readinessRisk,
      },
      { used, random, attemptSeed, withheldShare: options.withheldShare },
    );
    if (!item) break;
    used.add(item.id);
    answeredSkills.add(item.skillIndex);
    items.push(item);
    terms.push(termFor(item, respond ? respond(item) : answer(person, item, world, random)));
    // The app refits from all stored answers; starting from the last sites reaches the same fixed point sooner.
    ({ posterior, sites } = fitPosterior(prior, terms, sites));
  }
  return { posterior, prior, target, items, terms };
}

/**
 * The fixed form: round-robin over the target's required skills, each time the next item at the
 * skill's target level (nearest level once those run out), the same form for everyone aiming at
 * the role — scored with the engine's own prior and update so that only adaptivity differs.
 */
export function fixedForm(model: EngineModel, target: TargetProfile, length: number): EngineItem[] {
  const queues = target.skillIndexes.map((skill, k) => {
    const level = target.levels[k] as number;
    return [...(model.itemsBySkill[skill] ?? [])].sort(
      (a, b) =>
        Math.abs(a.level - level) - Math.abs(b.level - level) || a.level - b.level || (a.id < b.id ? -1 : 1),
    );
  });
  const form: EngineItem[] = [];
  for (let round = 0; form.length < length && queues.some((queue) => queue.length > round); round++) {
    for (const queue of queues) {
      const item = queue[round];
      if (item && form.length < length) form.push(item);
    }
  }
  return form;
}

export function runFixed(
  view: EngineView,
  person: Person,
  world: ReadonlyMap<string, TrueItem>,
  random: Random,
  length: number,
): ArmRun {
  const { prior, target } = start(view, person);
  const items = fixedForm(view.model, target, length);
  const terms = items.map((item) => termFor(item, answer(person, item, world, random)));
  const { posterior } = fitPosterior(prior, terms);
  return { posterior, prior, target, items, terms };
}

/** Nominal parameters perturbed as the issue asks: discrimination × U(0.7, 1.3), difficulty ± U(0, 0.5). */
export function perturbModel(model: EngineModel, random: Random): EngineModel {
  const items = model.items.map((item) => ({
    ...item,
    discrimination: item.discrimination * (0.7 + 0.6 * random.next()),
    difficulty: item.difficulty + (random.next() < 0.5 ? -1 : 1) * 0.5 * random.next(),
  }));
  const itemsBySkill = model.skillIds.map((_, skill) => items.filter((item) => item.skillIndex === skill));
  return {
    ...model,
    items,
    itemsBySkill,
    itemById: new Map(items.map((item) => [item.id, item])),
    groupsBySkill: groupItems(itemsBySkill),
  };
}

export const DEFAULT_ADAPTIVE: AdaptiveOptions = {
  budget: ENGINE_DEFAULTS.budget,
  stopRisk: ENGINE_DEFAULTS.stopRisk,
  withheldShare: ENGINE_DEFAULTS.withheldShare,
  readinessRisk: ENGINE_DEFAULTS.readinessRisk,
};

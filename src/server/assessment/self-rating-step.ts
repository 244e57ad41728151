import "server-only";
import { z } from "zod";
import { LEVEL_NAMES } from "@/domain/levels";
import { shortDescriptor } from "@/domain/self-rating";
import { advanceQuestion, findOwnedAttemptWithAnswers, type AttemptRow } from "../attempts";
import { storeSelfRatings, type StoredSelfRating } from "../self-ratings";
import type { Owner } from "../identity/owner";
import { answerPathRequest, attemptState, forgetAttemptStates } from "./attempt-states";
import { getAttemptEngine, getEngine } from "./engine";
import { specOf } from "./spec";
import { toRecordedAnswers } from "./scoring";

/**
 * The self-rating step: before the first question the person says, per required skill
 * of the target role, which level describes them — or "not sure" — or skips the whole step. The
 * ratings are evidence for the engine (specOf in quiz.ts) and lock with the first answer.
 */
export interface SelfRatingView {
  attemptId: string;
  targetTitle: string;
  skills: {
    skillId: string;
    title: string;
    isCore: boolean;
    targetLevel: number;
    /** Levels 0–4, each with its short descriptor (the skill page has the full text). */
    levels: { level: number; name: string; descriptor: string }[];
  }[];
}

/** The value a radio posts for "not sure". */
export const NOT_SURE = "unsure";

/** Whether the attempt, as read, shows the self-rating screen: in progress, step offered, no answer yet. */
export function offersSelfRating(attempt: AttemptRow, answerCount: number): boolean {
  return attempt.status === "in_progress" && attempt.selfRatingStep === "offered" && answerCount === 0;
}

/** The self-rating screen of an attempt: the target role's required skills, core first. */
export function selfRatingView(attempt: AttemptRow): SelfRatingView {
  const { graph } = getEngine();
  const requires = graph.roles.get(attempt.targetRoleId)?.requires ?? [];
  // Core skills first, as on the results page.
  const ordered = [...requires].sort((a, b) => Number(b.weight === "core") - Number(a.weight === "core"));
  return {
    attemptId: attempt.id,
    targetTitle: graph.roles.get(attempt.targetRoleId)?.title ?? attempt.targetRoleId,
    skills: ordered.flatMap((requirement) => {
      const skill = graph.skills.get(requirement.skill);
      if (!skill) return [];
      return [
        {
          skillId: skill.id,
          title: skill.title,
          isCore: requirement.weight === "core",
          targetLevel: requirement.level,
          levels: LEVEL_NAMES.map((name, level) => ({
            level,
            name,
            descriptor: shortDescriptor(skill.levels[level as 0 | 1 | 2 | 3 | 4]),
          })),
        },
      ];
    }),
  };
}

export const SelfRatingInputSchema = z
  .object({
    skip: z.boolean().default(false),
    /** Skill id → "0"–"4" or "unsure"; a required skill left out counts as "not sure". */
    ratings: z.record(z.string().min(1).max(100), z.string().max(10)).default({}),
  })
  .strict();

export type SelfRatingResult =
  | { kind: "saved" }
  | { kind: "notFound" }
  | { kind: "locked"; message: string }
  | { kind: "invalid"; message: string };

const LOCKED = "Your self-rating can no longer change: the quiz has started, and your answers already count.";

/**
 * Stores the person's ratings (or that they skipped the step) and chooses the first question again
 * from the rated state: the question stored when the attempt started came from the unrated prior.
 */
export function submitSelfRatings(
  attemptId: string,
  owner: Owner | null,
  input: z.input<typeof SelfRatingInputSchema>,
): Promise<SelfRatingResult> {
  return answerPathRequest(() => storeStep(attemptId, owner, input));
}

async function storeStep(
  attemptId: string,
  owner: Owner | null,
  input: z.input<typeof SelfRatingInputSchema>,
): Promise<SelfRatingResult> {
  const parsed = SelfRatingInputSchema.safeParse(input);
  if (!parsed.success) return { kind: "invalid", message: "The form could not be read; reload the page." };
  const found = await findOwnedAttemptWithAnswers(attemptId, owner);
  if (!found) return { kind: "notFound" };
  const { attempt, answers } = found;
  if (attempt.status !== "in_progress" || attempt.selfRatingStep === "none" || answers.length > 0)
    return { kind: "locked", message: LOCKED };

  const { graph } = getEngine();
  const required = new Set((graph.roles.get(attempt.targetRoleId)?.requires ?? []).map((r) => r.skill));
  const ratings: StoredSelfRating[] = [];
  if (!parsed.data.skip) {
    for (const [skillId, value] of Object.entries(parsed.data.ratings)) {
      if (!required.has(skillId))
        return { kind: "invalid", message: "A rated skill is not one this role requires; reload the page." };
      if (value === NOT_SURE) ratings.push({ skillId, level: null });
      else if (/^[0-4]$/.test(value)) ratings.push({ skillId, level: Number(value) });
      else return { kind: "invalid", message: "Choose a level from 0 to 4, or “not sure”, for each skill." };
    }
    // Skills left out are "not sure": one row each, so the export says what was asked.
    for (const skillId of required)
      if (!ratings.some((rating) => rating.skillId === skillId)) ratings.push({ skillId, level: null });
    ratings.sort((a, b) => (a.skillId < b.skillId ? -1 : a.skillId > b.skillId ? 1 : 0));
  }
  const step = parsed.data.skip ? "skipped" : "done";
  if (!(await storeSelfRatings(attempt.id, step, ratings))) return { kind: "locked", message: LOCKED };

  // The states computed before (the unrated 0-answer state and its look-aheads) are not this attempt's any more.
  forgetAttemptStates(attempt.id);
  const rated: AttemptRow = { ...attempt, selfRatingStep: step };
  const engine = await getAttemptEngine(attempt.calibrationVersion);
  const state = attemptState(attempt.id, engine, specOf(rated, ratings), toRecordedAnswers([]));
  await advanceQuestion(attempt.id, attempt.currentQuestionId, state.next?.id ?? null);
  return { kind: "saved" };
}

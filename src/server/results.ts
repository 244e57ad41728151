import "server-only";
import { ENGINE_DEFAULTS } from "@/domain/engine/model";
import { attemptPrior } from "@/domain/engine/assess";
import { explainAnswers } from "@/domain/engine/result";
import { ratingGap, type RatingGap } from "@/domain/self-rating";
import type { Outcome } from "@/domain/engine/posterior";
import { diffRoles } from "@/domain/transition";
import { belowTarget, meetsTarget, verdictOf } from "@/domain/engine/verdict";
import { findOwnedAttempt, findPreviousCompletedAttempt, listAnswers, listSkillEstimates } from "./attempts";
import { getEngine } from "./assessment/engine";
import { toRecordedAnswers, type StoredResult } from "./assessment/scoring";
import { specOf } from "./assessment/spec";
import { listSelfRatings } from "./self-ratings";
import { findOption } from "@/domain/content/options";
import { optionCode, orderOptions } from "./assessment/option-codes";
import { renderMarkdown } from "./markdown";
import { findPlanIdFor } from "./plans";
import type { Owner } from "./identity/owner";
import { isAttemptReviewWithheld } from "./review-withholding";

export interface SkillRow {
  skillId: string;
  title: string;
  isCore: boolean;
  targetLevel: number | null;
  level: number;
  low: number;
  high: number;
  pMeets: number | null;
  answerCount: number;
  /** Empty while the review is withheld: an answer's effect would tell whether it was right. */
  movedBy: { position: number; outcome: Outcome; shift: number }[];
  /** For a skill without a direct answer: the skills whose answers its estimate leans on most. */
  inferredFrom: string[];
  previous: { level: number; pMeets: number | null } | null;
  /** The level the person gave themselves before the questions, and how it compares; null when not rated. */
  selfRating: { level: number; gap: RatingGap } | null;
}

export interface ReviewItem {
  position: number;
  questionId: string;
  skillTitle: string;
  outcome: Outcome;
  isRemoved: boolean;
  /** The option the person chose has since been removed or replaced by a different one. */
  isChoiceRevised: boolean;
  stemHtml: string;
  options: { id: string; html: string; isKey: boolean; isChosen: boolean }[];
  explanationHtml: string;
}

/**
 * Everything the results page shows, from the stored result (so it reloads identically) plus the
 * answers for the review and for "what moved it". Null when the attempt is not the viewer's or is
 * not finished.
 */
export async function loadResults(attemptId: string, owner: Owner | null) {
  const attempt = await findOwnedAttempt(attemptId, owner);
  if (!attempt || !owner || attempt.status !== "completed" || !attempt.resultJson) return null;
  const { graph } = getEngine();
  const [estimates, answerRows, previousAttempt, planId, selfRatings] = await Promise.all([
    listSkillEstimates(attempt.id),
    listAnswers(attempt.id),
    findPreviousCompletedAttempt(owner, attempt.targetRoleId, attempt.createdAt),
    findPlanIdFor(owner, attempt.targetRoleId),
    attempt.selfRatingStep === "done" ? listSelfRatings(attempt.id) : Promise.resolve([]),
  ]);
  const isReviewWithheld = await isAttemptReviewWithheld(attempt);
  const previousEstimates = previousAttempt ? await listSkillEstimates(previousAttempt.id) : [];
  const previousBySkill = new Map(
    previousEstimates.map((row) => [row.skillId, { level: row.band, pMeets: row.pMeets }]),
  );
  const stored = JSON.parse(attempt.resultJson) as StoredResult;

  const answers = toRecordedAnswers(answerRows);
  // The prior the answers were fitted against: conditioned on the self-ratings when there are any.
  const { prior } = attemptPrior(getEngine(), specOf(attempt, selfRatings));
  const ratingOf = new Map(selfRatings.map((rating) => [rating.skillId, rating.level]));
  const influence = explainAnswers(getEngine(), prior, answers);
  const positionOf = new Map(answerRows.map((row) => [row.questionId, row.position]));
  const target = graph.roles.get(attempt.targetRoleId);
  const coreSkills = new Set((target?.requires ?? []).filter((r) => r.weight === "core").map((r) => r.skill));
  const title = (skillId: string) => graph.skills.get(skillId)?.title ?? skillId;
  const topological = new Map(graph.topologicalOrder.map((id, index) => [id, index]));

  const skillOfQuestion = new Map(answerRows.map((row) => [row.questionId, row.skillId]));
  const inferredFrom = (skillId: string) =>
    [...new Set((influence.get(skillId) ?? []).map((entry) => skillOfQuestion.get(entry.questionId) ?? ""))]
      .filter((id) => id !== "" && id !== skillId)
      .slice(0, 3)
      .map(title);
  const rows: SkillRow[] = estimates
    .map((row) => ({
      skillId: row.skillId,
      title: title(row.skillId),
      isCore: coreSkills.has(row.skillId),
      targetLevel: row.targetLevel,
      level: row.band,
      low: row.bandLow,
      high: row.bandHigh,
      pMeets: row.pMeets,
      answerCount: row.answerCount,
      movedBy: isReviewWithheld
        ? []
        : (influence.get(row.skillId) ?? []).slice(0, 3).map((entry) => ({
            position: positionOf.get(entry.questionId) ?? 0,
            outcome: entry.outcome,
            shift: entry.shift,
          })),
      inferredFrom: row.answerCount === 0 ? inferredFrom(row.skillId) : [],
      previous: previousBySkill.get(row.skillId) ?? null,
      selfRating: selfRatingOf(ratingOf.get(row.skillId), row),
    }))
    .sort(
      (a, b) =>
        Number(b.isCore) - Number(a.isCore) ||
        (topological.get(a.skillId) ?? 0) - (topological.get(b.skillId) ?? 0),
    );
  const required = rows.filter((row) => row.targetLevel !== null);
  const transition = attempt.currentRoleId
    ? diffRoles(graph, attempt.currentRoleId, attempt.targetRoleId)
    : undefined;
  const carriedIds = new Set(
    (transition?.items ?? []).filter((item) => item.status === "carries-over").map((item) => item.skillId),
  );
  const roleTitle = (id: string) => graph.roles.get(id)?.title ?? id;

  // Built only when it may be shown: while a round or window is open nothing about keys leaves the server.
  const review: ReviewItem[] = isReviewWithheld
    ? []
    : answerRows.map((row) => {
        const question = graph.questions.get(row.questionId);
        const storedIds = JSON.parse(row.chosenOptionIds) as string[];
        const chosen = new Set(question ? storedIds.map((id) => findOption(question, id)?.id) : []);
        return {
          position: row.position,
          questionId: row.questionId,
          skillTitle: title(row.skillId),
          outcome: row.isDontKnow ? "dontKnow" : row.isCorrect ? "correct" : "incorrect",
          isRemoved: !question,
          isChoiceRevised: question !== undefined && storedIds.some((id) => !findOption(question, id)),
          stemHtml: question ? renderMarkdown(question.stem) : "",
          // The order this person saw, numbered as they saw it.
          options: (question ? orderOptions(attempt.id, question.id, question.options) : []).map(
            (option) => ({
              id: optionCode(attempt.id, row.questionId, option),
              html: renderMarkdown(option.text),
              isKey: option.correct === true,
              isChosen: chosen.has(option.id),
            }),
          ),
          explanationHtml: question ? renderMarkdown(question.explanation) : "",
        };
      });

  return {
    attempt: {
      id: attempt.id,
      createdAt: attempt.createdAt,
      completedAt: attempt.completedAt,
      stopReason: attempt.stopReason,
      answered: answerRows.length,
      budget: attempt.budget,
      isContentChanged: attempt.contentHash !== graph.contentHash,
      stopRisk: ENGINE_DEFAULTS.stopRisk,
    },
    from: attempt.currentRoleId
      ? { id: attempt.currentRoleId, title: roleTitle(attempt.currentRoleId) }
      : null,
    to: { id: attempt.targetRoleId, title: roleTitle(attempt.targetRoleId) },
    readiness: attempt.readiness ?? 0,
    verdict: verdictOf(attempt.readiness ?? 0),
    risk: stored.risk,
    required,
    other: rows.filter((row) => row.targetLevel === null && row.answerCount > 0),
    roles: stored.roles.map((fit) => ({
      ...fit,
      title: roleTitle(fit.roleId),
      isTarget: fit.roleId === attempt.targetRoleId,
      isCurrent: fit.roleId === attempt.currentRoleId,
    })),
    carriesOver: required.filter((row) => carriedIds.has(row.skillId) && meetsTarget(row.pMeets)),
    gaps: required
      .filter((row) => belowTarget(row.pMeets))
      .sort(
        (a, b) =>
          (a.pMeets ?? 0) - (b.pMeets ?? 0) ||
          (b.targetLevel ?? 0) - b.level - ((a.targetLevel ?? 0) - a.level),
      )
      .slice(0, 5),
    previous: previousAttempt
      ? { attemptId: previousAttempt.id, completedAt: previousAttempt.completedAt }
      : null,
    // Team and cohort attempts: keys and explanations stay hidden until the round or window closes.
    review,
    isReviewWithheld,
    isCohortAttempt: attempt.cohortAssessmentId !== null,
    planId,
    selfRating: {
      step: attempt.selfRatingStep,
      rated: required.filter((row) => row.selfRating !== null).length,
      blindSpots: required.filter((row) => row.selfRating?.gap === "blindSpot"),
      hiddenStrengths: required.filter((row) => row.selfRating?.gap === "hiddenStrength"),
    },
  };
}

function selfRatingOf(
  level: number | null | undefined,
  estimate: { band: number; bandLow: number; bandHigh: number },
): SkillRow["selfRating"] {
  if (level === null || level === undefined) return null;
  return {
    level,
    gap: ratingGap(level, { level: estimate.band, low: estimate.bandLow, high: estimate.bandHigh }),
  };
}

export type ResultsView = NonNullable<Awaited<ReturnType<typeof loadResults>>>;

/** Whether the viewer's attempt is still running (its results page then sends them back to the quiz). */
export async function isAttemptInProgress(attemptId: string, owner: Owner | null): Promise<boolean> {
  return (await findOwnedAttempt(attemptId, owner))?.status === "in_progress";
}

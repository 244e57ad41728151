import "server-only";
import { z } from "zod";
import { skillEstimateSelect } from "./attempts";
import { db } from "./db";
import { planItemSelect } from "./plans";
import { isAttemptReviewWithheld } from "./review-withholding";

/**
 * "Export my data": everything Waypoint keeps about a user, as one JSON document. The shape is
 * documented field by field in docs/data-export.md; additive changes keep `version: 1`, anything
 * else bumps it. Secrets are never selected: no password hashes, session or share tokens, token
 * hashes, or the browser token hash an attempt had before it was claimed.
 */
export const EXPORT_FORMAT = "waypoint-account-export";
export const EXPORT_VERSION = 1;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const ChosenOptionIdsSchema = z.array(z.string());

/** Stored JSON text back as a value; a value that does not parse is exported as its text, not dropped. */
function parseStoredJson(text: string | null): Json {
  if (text === null) return null;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
}

function parseChosen(text: string): string[] {
  const parsed = ChosenOptionIdsSchema.safeParse(parseStoredJson(text));
  return parsed.success ? parsed.data : [];
}

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

/** The export for one user, or null when the user no longer exists. */
export async function exportUserData(userId: string, now = new Date()) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      name: true,
      email: true,
      emailVerified: true,
      currentRoleId: true,
      hoursPerWeek: true,
      createdAt: true,
      attempts: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          currentRoleId: true,
          targetRoleId: true,
          status: true,
          budget: true,
          stopReason: true,
          readiness: true,
          contentHash: true,
          hoursPerWeek: true,
          timeZone: true,
          resultJson: true,
          createdAt: true,
          completedAt: true,
          teamRoundId: true,
          cohortAssessmentId: true,
          answers: {
            orderBy: { position: "asc" },
            select: {
              questionId: true,
              skillId: true,
              chosenOptionIds: true,
              isDontKnow: true,
              isCorrect: true,
              position: true,
              answeredAt: true,
              msOnItem: true,
            },
          },
          skillEstimates: { orderBy: { skillId: "asc" }, select: skillEstimateSelect },
          selfRatingStep: true,
          selfRatingBiasMean: true,
          selfRatingBiasSd: true,
          selfRatingNoiseSd: true,
          selfRatings: { orderBy: { skillId: "asc" }, select: { skillId: true, level: true } },
        },
      },
      plans: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          targetRoleId: true,
          sourceAttemptId: true,
          hoursPerWeek: true,
          timeZone: true,
          startDate: true,
          createdAt: true,
          updatedAt: true,
          items: {
            orderBy: { position: "asc" },
            select: planItemSelect,
          },
        },
      },
      shareLinks: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { kind: true, targetId: true, createdAt: true, revokedAt: true },
      },
      memberships: {
        orderBy: [{ joinedAt: "asc" }, { id: "asc" }],
        select: {
          role: true,
          allowAggregate: true,
          allowIndividual: true,
          joinedAt: true,
          team: { select: { id: true, name: true, targetRoleId: true } },
        },
      },
      viewsOfMe: { orderBy: { viewedAt: "asc" }, select: { teamId: true, viewerName: true, viewedAt: true } },
      enrollments: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          role: true,
          joinedAt: true,
          cohort: { select: { id: true, name: true, targetRoleId: true } },
        },
      },
      assignments: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          cohortId: true,
          moduleId: true,
          source: true,
          dueDate: true,
          waivedAt: true,
          createdAt: true,
        },
      },
    },
  });
  if (!user) return null;
  // While a team round or cohort window is open, the person's own answers leave without their
  // correctness or the options chosen: either would hand the keys to those still taking it.
  const withheld = new Set<string>();
  for (const attempt of user.attempts)
    if (await isAttemptReviewWithheld(attempt, now)) withheld.add(attempt.id);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    profile: {
      name: user.name,
      email: user.email,
      emailVerified: user.emailVerified,
      currentRoleId: user.currentRoleId,
      hoursPerWeek: user.hoursPerWeek,
      createdAt: user.createdAt.toISOString(),
    },
    attempts: user.attempts.map(
      ({
        answers,
        skillEstimates,
        resultJson,
        createdAt,
        completedAt,
        teamRoundId: _round,
        cohortAssessmentId: _window,
        selfRatingStep,
        selfRatingBiasMean,
        selfRatingBiasSd,
        selfRatingNoiseSd,
        selfRatings,
        ...attempt
      }) => ({
        ...attempt,
        createdAt: createdAt.toISOString(),
        completedAt: iso(completedAt),
        isReviewWithheld: withheld.has(attempt.id),
        answers: answers.map((answer) => ({
          ...answer,
          chosenOptionIds: withheld.has(attempt.id) ? null : parseChosen(answer.chosenOptionIds),
          isCorrect: withheld.has(attempt.id) ? null : answer.isCorrect,
          answeredAt: answer.answeredAt.toISOString(),
        })),
        skillEstimates,
        // What the person said of themselves before the questions (level null: "not sure"), and the
        // model the engine read it with.
        selfRating: {
          step: selfRatingStep,
          ratings: selfRatings,
          model:
            selfRatingBiasMean === null || selfRatingBiasSd === null || selfRatingNoiseSd === null
              ? null
              : { biasMean: selfRatingBiasMean, biasSd: selfRatingBiasSd, noiseSd: selfRatingNoiseSd },
        },
        result: parseStoredJson(resultJson),
      }),
    ),
    plans: user.plans.map(({ items, createdAt, updatedAt, ...plan }) => ({
      ...plan,
      createdAt: createdAt.toISOString(),
      updatedAt: updatedAt.toISOString(),
      items: items.map((item) => ({ ...item, dueDate: iso(item.dueDate), doneAt: iso(item.doneAt) })),
    })),
    shareLinks: user.shareLinks.map((link) => ({
      ...link,
      createdAt: link.createdAt.toISOString(),
      revokedAt: iso(link.revokedAt),
    })),
    teams: user.memberships.map(({ team, joinedAt, ...membership }) => ({
      teamId: team.id,
      teamName: team.name,
      targetRoleId: team.targetRoleId,
      ...membership,
      joinedAt: joinedAt.toISOString(),
    })),
    individualViewsOfMe: user.viewsOfMe.map((view) => ({ ...view, viewedAt: view.viewedAt.toISOString() })),
    cohorts: user.enrollments.map(({ cohort, joinedAt, role }) => ({
      cohortId: cohort.id,
      cohortName: cohort.name,
      targetRoleId: cohort.targetRoleId,
      role,
      joinedAt: iso(joinedAt),
    })),
    cohortAssignments: user.assignments.map((assignment) => ({
      ...assignment,
      waivedAt: iso(assignment.waivedAt),
      createdAt: assignment.createdAt.toISOString(),
    })),
  };
}

export type UserDataExport = NonNullable<Awaited<ReturnType<typeof exportUserData>>>;

/** "waypoint-export-2026-11-30.json": the UTC date of the export. */
export function exportFileName(exportedAt: string): string {
  return `waypoint-export-${exportedAt.slice(0, 10)}.json`;
}

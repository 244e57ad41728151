import "server-only";
import { isCohortReviewWithheld } from "./cohorts/assessment";
import { isReviewWithheld } from "./teams/rounds";

/**
 * Whether an attempt's answer keys and correctness must stay on the server: its team round is
 * still open or its cohort window has not closed, so colleagues or classmates still taking the
 * same questions must not learn the keys from it. Every page, payload, share and export that
 * could carry correctness asks this one question.
 */
export async function isAttemptReviewWithheld(
  attempt: { teamRoundId: string | null; cohortAssessmentId: string | null },
  now = new Date(),
): Promise<boolean> {
  return (
    (await isReviewWithheld(attempt.teamRoundId)) ||
    (await isCohortReviewWithheld(attempt.cohortAssessmentId, now))
  );
}

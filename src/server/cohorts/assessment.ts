import "server-only";
import { db } from "../db";

/**
 * The cohort's assessment window. Attempts started inside it belong to it; their answer keys and
 * explanations stay hidden until it closes, so the first finishers can't publish them.
 */
export async function findCohortAssessment(cohortId: string) {
  return db.cohortAssessment.findUnique({
    where: { cohortId },
    select: { id: true, opensAt: true, closesAt: true },
  });
}

export async function setAssessmentWindow(cohortId: string, opensAt: Date, closesAt: Date): Promise<void> {
  await db.cohortAssessment.upsert({
    where: { cohortId },
    create: { cohortId, opensAt, closesAt },
    update: { opensAt, closesAt },
  });
}

export const isWindowOpen = (window: { opensAt: Date; closesAt: Date }, now: Date): boolean =>
  window.opensAt <= now && now < window.closesAt;

/** True while the attempt's cohort window has not closed: its answer review stays hidden. */
export async function isCohortReviewWithheld(
  cohortAssessmentId: string | null,
  now = new Date(),
): Promise<boolean> {
  if (!cohortAssessmentId) return false;
  const window = await db.cohortAssessment.findUnique({
    where: { id: cohortAssessmentId },
    select: { closesAt: true },
  });
  return window !== null && now < window.closesAt;
}

/** The learner's own latest cohort attempts, for the links on the cohort page. */
export async function findMyCohortAttempts(cohortId: string, userId: string) {
  const select = { id: true, completedAt: true, createdAt: true } as const;
  const where = { userId, cohortAssessment: { is: { cohortId } } };
  const [completed, inProgress] = await Promise.all([
    db.attempt.findFirst({
      where: { ...where, status: "completed" },
      orderBy: [{ completedAt: "desc" }, { id: "desc" }],
      select,
    }),
    db.attempt.findFirst({
      where: { ...where, status: "in_progress" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select,
    }),
  ]);
  return { completed, inProgress };
}

import "server-only";
import { isOverdue, moduleCompletion, tally, type AssignmentState } from "@/domain/cohort/progress";
import { previewCounts } from "@/domain/cohort/rules";
import { toCsv } from "@/domain/csv";
import { meetsTarget } from "@/domain/engine/verdict";
import { localDate } from "@/domain/time-zones";
import { getSkillsGraph } from "../content-loader";
import { db, inChunks } from "../db";
import { latestMailSelect, mailStatusOf } from "../mail-queue";
import { pendingAssignments } from "./assignments";

/**
 * What staff see: the roster with each learner's assessment status and latest result, their
 * assigned/done/overdue modules, and per-module completion. Everything is read per request from
 * rows that cascade away with an account, so a deleted account is in no number and no export.
 * "Today" and "overdue" are calendar days in the cohort's time zone.
 */
export type AssessmentStatus = "not-joined" | "not-started" | "started" | "finished";

interface CohortRef {
  id: string;
  name: string;
  targetRoleId: string;
  timeZone: string;
}

/** Done status per (learner, module), read from the learners' plans for the cohort's target role. */
async function assignmentStates(cohort: CohortRef, userIds: readonly string[]) {
  const assignments = (
    await inChunks(userIds, (chunk) =>
      db.assignment.findMany({
        where: { cohortId: cohort.id, userId: { in: chunk } },
        select: { id: true, userId: true, moduleId: true, dueDate: true, source: true, waivedAt: true },
      }),
    )
  ).sort(
    (a, b) =>
      a.dueDate.localeCompare(b.dueDate) || a.moduleId.localeCompare(b.moduleId) || a.id.localeCompare(b.id),
  );
  const moduleIds = [...new Set(assignments.map((row) => row.moduleId))];
  const items = await inChunks(userIds, (chunk) =>
    db.planItem.findMany({
      where: {
        moduleId: { in: moduleIds },
        plan: { is: { userId: { in: chunk }, targetRoleId: cohort.targetRoleId } },
      },
      select: { moduleId: true, doneAt: true, plan: { select: { id: true, userId: true } } },
    }),
  );
  const doneAt = new Map(items.map((item) => [`${item.plan.userId}\u0000${item.moduleId}`, item.doneAt]));
  return assignments.map((row) => ({
    ...row,
    isDone: Boolean(doneAt.get(`${row.userId}\u0000${row.moduleId}`)),
    isWaived: row.waivedAt !== null,
  }));
}

/**
 * The key numbers of every cohort the user staffs, for their home page, in a fixed number of
 * queries however many cohorts: learners on the roster, how many of them finished the cohort
 * assessment, and assignments past their due date (in the cohort's time zone) and not done, the
 * same counts the cohort page shows. Closed cohorts stay listed, marked closed.
 */
export async function summarizeStaffedCohorts(userId: string, now = new Date()) {
  const staffed = await db.enrollment.findMany({
    where: { userId, role: "staff" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      cohort: {
        select: { id: true, name: true, targetRoleId: true, timeZone: true, isDemo: true, closedAt: true },
      },
    },
  });
  const cohorts = staffed.map((row) => row.cohort);
  if (cohorts.length === 0) return [];
  const cohortIds = cohorts.map((cohort) => cohort.id);
  const learnerRows = await inChunks(cohortIds, (chunk) =>
    db.enrollment.findMany({
      where: { cohortId: { in: chunk }, role: "learner" },
      select: { cohortId: true, userId: true },
    }),
  );
  const finishedRows = await inChunks(cohortIds, (chunk) =>
    db.attempt.findMany({
      where: { status: "completed", cohortAssessment: { is: { cohortId: { in: chunk } } } },
      distinct: ["userId", "cohortAssessmentId"],
      select: { userId: true, cohortAssessment: { select: { cohortId: true } } },
    }),
  );
  const assignmentRows = await inChunks(cohortIds, (chunk) =>
    db.assignment.findMany({
      where: { cohortId: { in: chunk }, waivedAt: null },
      select: { cohortId: true, userId: true, moduleId: true, dueDate: true },
    }),
  );
  const learnerIds = [...new Set(learnerRows.flatMap((row) => (row.userId ? [row.userId] : [])))];
  const moduleIds = [...new Set(assignmentRows.map((row) => row.moduleId))];
  const doneItems =
    moduleIds.length === 0
      ? []
      : await inChunks(learnerIds, (chunk) =>
          db.planItem.findMany({
            where: {
              moduleId: { in: moduleIds },
              doneAt: { not: null },
              plan: { is: { userId: { in: chunk } } },
            },
            select: { moduleId: true, plan: { select: { userId: true, targetRoleId: true } } },
          }),
        );
  const done = new Set(
    doneItems.map((item) => `${item.plan.userId}\u0000${item.plan.targetRoleId}\u0000${item.moduleId}`),
  );
  return cohorts.map((cohort) => {
    const learners = learnerRows.filter((row) => row.cohortId === cohort.id);
    const joined = new Set(learners.flatMap((row) => (row.userId ? [row.userId] : [])));
    const finished = new Set(
      finishedRows
        .filter((row) => row.cohortAssessment?.cohortId === cohort.id && row.userId && joined.has(row.userId))
        .map((row) => row.userId),
    );
    const today = localDate(now, cohort.timeZone);
    const states: AssignmentState[] = assignmentRows
      .filter((row) => row.cohortId === cohort.id && joined.has(row.userId))
      .map((row) => ({
        userId: row.userId,
        moduleId: row.moduleId,
        dueDate: row.dueDate,
        isDone: done.has(`${row.userId}\u0000${cohort.targetRoleId}\u0000${row.moduleId}`),
        isWaived: false,
      }));
    return {
      cohortId: cohort.id,
      name: cohort.name,
      isDemo: cohort.isDemo,
      isClosed: cohort.closedAt !== null,
      targetTitle: getSkillsGraph().roles.get(cohort.targetRoleId)?.title ?? cohort.targetRoleId,
      learners: learners.length,
      finished: finished.size,
      overdue: tally(states, today).overdue,
    };
  });
}

export type StaffedCohortSummary = Awaited<ReturnType<typeof summarizeStaffedCohorts>>[number];

export async function loadCohortDashboard(cohort: CohortRef, now = new Date()) {
  const graph = getSkillsGraph();
  const today = localDate(now, cohort.timeZone);
  const enrollments = await db.enrollment.findMany({
    where: { cohortId: cohort.id },
    orderBy: [{ role: "desc" }, { name: "asc" }, { email: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      userId: true,
      joinedAt: true,
      invitations: {
        where: { revokedAt: null, usedAt: null, expiresAt: { gt: now } },
        orderBy: { createdAt: "desc" },
        select: { id: true, expiresAt: true, mail: latestMailSelect },
      },
    },
  });
  const learnerIds = enrollments
    .filter((row) => row.role === "learner" && row.userId)
    .map((row) => row.userId as string);
  // Chunked by learner, so each learner's attempts keep their order.
  const attempts = await inChunks(learnerIds, (chunk) =>
    db.attempt.findMany({
      where: {
        userId: { in: chunk },
        cohortAssessment: { is: { cohortId: cohort.id } },
        status: { in: ["completed", "in_progress"] },
      },
      orderBy: [{ completedAt: "desc" }, { createdAt: "desc" }],
      select: {
        userId: true,
        status: true,
        readiness: true,
        completedAt: true,
        skillEstimates: { where: { targetLevel: { not: null } }, select: { pMeets: true } },
      },
    }),
  );
  const states = await assignmentStates(cohort, learnerIds);
  const moduleTitle = (id: string) => graph.modules.get(id)?.title ?? id;

  const learners = enrollments
    .filter((row) => row.role === "learner")
    .map((row) => {
      const mine = row.userId ? attempts.filter((attempt) => attempt.userId === row.userId) : [];
      const finished = mine.find((attempt) => attempt.status === "completed");
      const status: AssessmentStatus = !row.userId
        ? "not-joined"
        : finished
          ? "finished"
          : mine.length > 0
            ? "started"
            : "not-started";
      const assignments = states
        .filter((state) => state.userId === row.userId)
        .map((state) => ({
          ...state,
          title: moduleTitle(state.moduleId),
          isOverdue: isOverdue(state, today),
        }));
      return {
        enrollmentId: row.id,
        userId: row.userId,
        name: row.name,
        email: row.email,
        hasOpenInvitation: row.invitations.length > 0,
        mail: row.invitations[0] ? mailStatusOf(row.invitations[0].mail) : null,
        status,
        result: finished
          ? {
              readiness: finished.readiness,
              completedOn: finished.completedAt ? localDate(finished.completedAt, cohort.timeZone) : null,
              meets: finished.skillEstimates.filter((skill) => meetsTarget(skill.pMeets)).length,
              required: finished.skillEstimates.length,
            }
          : null,
        assignments,
        tally: tally(assignments, today),
      };
    });
  const liveStates: AssignmentState[] = states.map((state) => ({
    userId: state.userId,
    moduleId: state.moduleId,
    dueDate: state.dueDate,
    isDone: state.isDone,
    isWaived: state.isWaived,
  }));
  const preview = previewCounts(await pendingAssignments(cohort));
  return {
    today,
    staff: enrollments
      .filter((row) => row.role === "staff")
      .map((row) => ({
        enrollmentId: row.id,
        name: row.name,
        email: row.email,
        hasJoined: row.userId !== null,
        hasOpenInvitation: row.invitations.length > 0,
        mail: row.invitations[0] ? mailStatusOf(row.invitations[0].mail) : null,
      })),
    learners,
    counts: {
      learners: learners.length,
      notJoined: learners.filter((row) => row.status === "not-joined").length,
      notStarted: learners.filter((row) => row.status === "not-started").length,
      started: learners.filter((row) => row.status === "started").length,
      finished: learners.filter((row) => row.status === "finished").length,
    },
    overall: tally(liveStates, today),
    modules: moduleCompletion(liveStates, today).map((row) => ({ ...row, title: moduleTitle(row.moduleId) })),
    preview,
  };
}

export type CohortDashboard = Awaited<ReturnType<typeof loadCohortDashboard>>;

const STATUS_TEXT: Record<AssessmentStatus, string> = {
  "not-joined": "not joined",
  "not-started": "not started",
  started: "started",
  finished: "finished",
};
export const statusText = (status: AssessmentStatus) => STATUS_TEXT[status];

/** Roster progress as CSV (formula-injection safe through toCsv). */
export function cohortCsv(dashboard: CohortDashboard): string {
  return toCsv(
    [
      "name",
      "email",
      "assessment",
      "finished on",
      "readiness",
      "required skills met",
      "modules assigned",
      "modules done",
      "modules overdue",
    ],
    dashboard.learners.map((row) => [
      row.name,
      row.email,
      statusText(row.status),
      row.result?.completedOn ?? "",
      row.result?.readiness === null || row.result?.readiness === undefined
        ? ""
        : `${Math.round(row.result.readiness * 100)}%`,
      row.result ? `${row.result.meets} of ${row.result.required}` : "",
      row.tally.assigned,
      row.tally.done,
      row.tally.overdue,
    ]),
  );
}

/** A learner's own assignments in a cohort, with the plan they live in. */
export async function loadMyAssignments(cohort: CohortRef, userId: string, now = new Date()) {
  const graph = getSkillsGraph();
  const today = localDate(now, cohort.timeZone);
  const [states, plan] = await Promise.all([
    assignmentStates(cohort, [userId]),
    db.learningPlan.findFirst({ where: { userId, targetRoleId: cohort.targetRoleId }, select: { id: true } }),
  ]);
  return {
    planId: plan?.id ?? null,
    assignments: states
      .filter((state) => !state.isWaived)
      .map((state) => ({
        moduleId: state.moduleId,
        title: graph.modules.get(state.moduleId)?.title ?? state.moduleId,
        dueDate: state.dueDate,
        isDone: state.isDone,
        isOverdue: isOverdue(state, today),
      })),
  };
}

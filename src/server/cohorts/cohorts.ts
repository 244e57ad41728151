import "server-only";
import { z } from "zod";
import { nameSchema } from "@/domain/names";
import { isCalendarDate } from "@/domain/plan";
import { setRightByEmail } from "../admin/rights";
import { getSkillsGraph } from "../content-loader";
import { db } from "../db";
import { logEvent } from "../log";
import { isTimeZone } from "@/domain/time-zones";

/** Cohort rows and enrollments. Callers check access first (src/server/identity). */
export type CohortRole = "staff" | "learner";

const CalendarDate = z.string().trim().refine(isCalendarDate, "Use a date written YYYY-MM-DD.");

export const CreateCohortSchema = z
  .object({
    name: nameSchema({
      min: 2,
      max: 80,
      tooShort: "Give the cohort a name of at least 2 characters.",
      tooLong: "Use at most 80 characters.",
    }),
    startsOn: CalendarDate,
    endsOn: CalendarDate,
    targetRoleId: z.string().trim().min(1, "Choose the role the cohort trains for.").max(100),
    timeZone: z
      .string()
      .trim()
      .max(100)
      .refine(isTimeZone, "Use an IANA time zone such as Europe/Berlin or UTC."),
  })
  .strict()
  .refine((cohort) => cohort.endsOn >= cohort.startsOn, {
    path: ["endsOn"],
    message: "The end date must not be before the start date.",
  });

export type CohortOutcome<T = object> =
  ({ ok: true } & T) | { ok: false; fieldErrors: Record<string, string> };

/** Whether the account has anything under Cohorts: it may create cohorts or is on a roster. */
export async function usesCohorts(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { canCreateCohorts: true, _count: { select: { enrollments: true } } },
  });
  return user !== null && (user.canCreateCohorts || user._count.enrollments > 0);
}

/** Whether the user is staff on any cohort (their sign-in lands on the home that lists them). */
export async function staffsACohort(userId: string): Promise<boolean> {
  const row = await db.enrollment.findFirst({ where: { userId, role: "staff" }, select: { id: true } });
  return row !== null;
}

/** Whether an instance admin allowed this account to create cohorts. */
export async function canCreateCohorts(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { canCreateCohorts: true } });
  return user?.canCreateCohorts === true;
}

/** npm run admin:allow-cohorts: false when no account uses `email`; the change is audit-logged. */
export async function allowCohortCreation(email: string, isAllowed = true): Promise<boolean> {
  return (await setRightByEmail(email, "cohorts", isAllowed)).ok;
}

/** A cohort with its creator enrolled (and joined) as staff. */
export async function createCohort(
  creator: { id: string; email: string; name: string },
  input: z.infer<typeof CreateCohortSchema>,
  options: { isDemo?: boolean } = {},
): Promise<CohortOutcome<{ cohortId: string }>> {
  if (!getSkillsGraph().roles.has(input.targetRoleId))
    return { ok: false, fieldErrors: { targetRoleId: "Choose a role from the list." } };
  const cohort = await db.cohort.create({
    data: {
      ...input,
      createdById: creator.id,
      isDemo: options.isDemo ?? false,
      enrollments: {
        create: {
          email: creator.email.toLowerCase(),
          name: creator.name,
          role: "staff",
          userId: creator.id,
          joinedAt: new Date(),
        },
      },
    },
    select: { id: true },
  });
  logEvent("info", "cohort.created", { cohortId: cohort.id, userId: creator.id });
  return { ok: true, cohortId: cohort.id };
}

export const cohortSelect = {
  id: true,
  name: true,
  startsOn: true,
  endsOn: true,
  targetRoleId: true,
  timeZone: true,
  isDemo: true,
  closedAt: true,
} as const;

/** The signed-in person's joined enrollment in a cohort (null for everyone else). */
export async function findEnrollment(cohortId: string, userId: string) {
  return db.enrollment.findFirst({
    where: { cohortId, userId },
    select: { id: true, role: true, cohort: { select: cohortSelect } },
  });
}

export type EnrollmentView = NonNullable<Awaited<ReturnType<typeof findEnrollment>>>;
export type CohortView = EnrollmentView["cohort"];

export async function listMyCohorts(userId: string) {
  const rows = await db.enrollment.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: {
      role: true,
      cohort: {
        select: { ...cohortSelect, _count: { select: { enrollments: { where: { role: "learner" } } } } },
      },
    },
  });
  const graph = getSkillsGraph();
  return rows.map((row) => ({
    cohortId: row.cohort.id,
    name: row.cohort.name,
    role: row.role as CohortRole,
    isDemo: row.cohort.isDemo,
    isClosed: row.cohort.closedAt !== null,
    startsOn: row.cohort.startsOn,
    endsOn: row.cohort.endsOn,
    targetTitle: graph.roles.get(row.cohort.targetRoleId)?.title ?? row.cohort.targetRoleId,
    learnerCount: row.cohort._count.enrollments,
  }));
}

/** Closing makes the cohort read-only; attempts, plans and done modules stay with their people. */
export async function closeCohort(cohortId: string, now = new Date()): Promise<boolean> {
  const { count } = await db.cohort.updateMany({
    where: { id: cohortId, closedAt: null },
    data: { closedAt: now },
  });
  return count === 1;
}

/**
 * Open cohorts in which the user is the only joined staff member, and how many other people are
 * enrolled. Account deletion refuses while any of these has other enrollments (nobody could run
 * it); one with nobody else is deleted with the account. Closed cohorts are read-only and need no
 * staff, so they never block.
 */
export async function listSolelyStaffedCohorts(userId: string) {
  const rows = await db.enrollment.findMany({
    where: { userId, role: "staff", cohort: { closedAt: null } },
    select: {
      cohort: {
        select: {
          id: true,
          name: true,
          // Not yet joined (userId null) counts as someone else too; SQL's NOT would drop those rows.
          enrollments: {
            where: { OR: [{ userId: null }, { userId: { not: userId } }] },
            select: { role: true, userId: true },
          },
        },
      },
    },
  });
  return rows
    .filter(
      (row) =>
        !row.cohort.enrollments.some(
          (enrollment) => enrollment.role === "staff" && enrollment.userId !== null,
        ),
    )
    .map((row) => ({
      cohortId: row.cohort.id,
      name: row.cohort.name,
      others: row.cohort.enrollments.length,
    }));
}

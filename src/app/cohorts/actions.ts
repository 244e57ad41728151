"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { NOT_FOUND, invalidFields, type FormState } from "@/components/forms/form-state";
import { describeWait } from "@/domain/rate-limit";
import { momentAt } from "@/domain/time-zones";
import { fieldErrorsOf } from "@/lib/field-errors";
import { formText } from "@/lib/form-data";
import { RouteIdSchema } from "@/lib/route-params";
import { startAssessment } from "@/server/assessment/quiz";
import { findCohortAssessment, isWindowOpen, setAssessmentWindow } from "@/server/cohorts/assessment";
import {
  addRule,
  applyRules,
  assignManually,
  deleteRule,
  ManualAssignSchema,
  RuleFormSchema,
  waiveAssignment,
} from "@/server/cohorts/assignments";
import { closeCohort, createCohort, CreateCohortSchema } from "@/server/cohorts/cohorts";
import {
  acceptCohortInvitation,
  inviteEnrollments,
  refuseInvitations,
  revokeInvitations,
} from "@/server/cohorts/invitations";
import { addStaff, findRosterEntry, importRoster, StaffSchema } from "@/server/cohorts/roster";
import {
  cohortCreatorAccess,
  cohortMemberAccess,
  openCohortStaffAccess,
  requireSignedInUser,
  userOwner,
} from "@/server/identity";
import { retryFailedMail } from "@/server/mail-queue";
import { RATE_RULES, checkRate, requestAddress } from "@/server/rate-limit";

/**
 * Every cohort form posts here. Each action reads the cohort id, asks the named permission first,
 * and answers a cohort it may not touch exactly like one that does not exist (NOT_FOUND). Staff
 * actions need an open cohort: a closed one is read-only.
 */
const CohortIdField = z.object({ cohortId: RouteIdSchema }).strict();
const RosterFormSchema = z
  .object({ cohortId: RouteIdSchema, roster: z.string().max(200_000, "Paste at most 200,000 characters.") })
  .strict();
const EnrollmentFormSchema = z.object({ cohortId: RouteIdSchema, enrollmentId: RouteIdSchema }).strict();
const RetryMailFormSchema = z.object({ cohortId: RouteIdSchema, mailId: RouteIdSchema }).strict();
const WindowFormSchema = z
  .object({
    cohortId: RouteIdSchema,
    opensAt: z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Choose a date and time."),
    closesAt: z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Choose a date and time."),
  })
  .strict();
const StartFormSchema = z
  .object({
    cohortId: RouteIdSchema,
    from: z.string(),
    hoursPerWeek: z.string(),
    timeZone: z.string(),
    budget: z.string(),
  })
  .strict();
const RuleIdSchema = z.object({ cohortId: RouteIdSchema, ruleId: RouteIdSchema }).strict();
const AssignmentIdSchema = z.object({ cohortId: RouteIdSchema, assignmentId: RouteIdSchema }).strict();
const JoinSchema = z.object({ token: z.string().max(200) }).strict();

const cohortIdOf = (form: FormData): string | null => {
  const parsed = CohortIdField.safeParse({ cohortId: formText(form, "cohortId") });
  return parsed.success ? parsed.data.cohortId : null;
};

const unreadable = () =>
  invalidFields({ form: "The form could not be read; reload the page and try again." });

const inviterOf = (user: { id: string; name: string }) => ({ id: user.id, name: user.name });

export async function createCohortAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requireSignedInUser("/cohorts");
  if (!(await cohortCreatorAccess()))
    return {
      ok: false,
      error: "An administrator of this Waypoint has to allow you to create cohorts first.",
    };
  const values = {
    name: formText(form, "name"),
    startsOn: formText(form, "startsOn"),
    endsOn: formText(form, "endsOn"),
    targetRoleId: formText(form, "targetRoleId"),
    timeZone: formText(form, "timeZone") || "UTC",
  };
  const parsed = CreateCohortSchema.safeParse(values);
  if (!parsed.success) return invalidFields(fieldErrorsOf(parsed.error), values);
  const result = await createCohort(user, parsed.data);
  if (!result.ok) return invalidFields(result.fieldErrors, values);
  redirect(`/cohorts/${result.cohortId}`);
}

export async function importRosterAction(_previous: FormState, form: FormData): Promise<FormState> {
  const cohortId = cohortIdOf(form);
  const access = cohortId ? await openCohortStaffAccess(cohortId) : null;
  if (!cohortId || !access) return NOT_FOUND;
  const file = form.get("file");
  const fromFile =
    file instanceof File && file.size > 0
      ? file.size <= 200_000
        ? await file.text()
        : "x".repeat(200_001)
      : "";
  const values = { roster: fromFile || formText(form, "roster") };
  const parsed = RosterFormSchema.safeParse({ cohortId, ...values });
  if (!parsed.success) return invalidFields(fieldErrorsOf(parsed.error), values);
  const result = await importRoster(access.enrollment.cohort, inviterOf(access.user), parsed.data.roster);
  if (!result.ok)
    return {
      ok: false,
      error: "Nothing was imported; the problems are listed under the roster field.",
      fieldErrors: result.fieldErrors,
      values,
    };
  revalidatePath(`/cohorts/${cohortId}`);
  return {
    ok: true,
    message: `Imported: ${result.added} new ${result.added === 1 ? "learner" : "learners"} (their invitations are queued; the roster shows when each is sent), ${result.updated} already on the roster.`,
  };
}

export async function addStaffAction(_previous: FormState, form: FormData): Promise<FormState> {
  const cohortId = cohortIdOf(form);
  const access = cohortId ? await openCohortStaffAccess(cohortId) : null;
  if (!cohortId || !access) return NOT_FOUND;
  const values = { name: formText(form, "name"), email: formText(form, "email") };
  const parsed = StaffSchema.safeParse(values);
  if (!parsed.success) return invalidFields(fieldErrorsOf(parsed.error), values);
  const added = await addStaff(access.enrollment.cohort, inviterOf(access.user), parsed.data);
  if (!added.ok) return invalidFields(added.fieldErrors, values);
  revalidatePath(`/cohorts/${cohortId}`);
  return {
    ok: true,
    message: `${parsed.data.name} is staff; an invitation to ${parsed.data.email} is queued unless they already joined.`,
  };
}

export async function resendInvitationAction(_previous: FormState, form: FormData): Promise<FormState> {
  const cohortId = cohortIdOf(form);
  const access = cohortId ? await openCohortStaffAccess(cohortId) : null;
  if (!cohortId || !access) return NOT_FOUND;
  const parsed = EnrollmentFormSchema.safeParse({ cohortId, enrollmentId: formText(form, "enrollmentId") });
  const entry = parsed.success ? await findRosterEntry(cohortId, parsed.data.enrollmentId) : null;
  if (!entry || entry.userId) return NOT_FOUND;
  const inviter = inviterOf(access.user);
  const refusal = await refuseInvitations(inviter, 1);
  if (refusal) return { ok: false, error: refusal };
  await inviteEnrollments(access.enrollment.cohort, [entry], inviter);
  revalidatePath(`/cohorts/${cohortId}`);
  return { ok: true, message: "Queued a new invitation; earlier ones no longer work." };
}

/** Sends an invitation's mail again after it failed for good. */
export async function retryInvitationMailAction(_previous: FormState, form: FormData): Promise<FormState> {
  const cohortId = cohortIdOf(form);
  const access = cohortId ? await openCohortStaffAccess(cohortId) : null;
  if (!cohortId || !access) return NOT_FOUND;
  const parsed = RetryMailFormSchema.safeParse({ cohortId, mailId: formText(form, "mailId") });
  if (!parsed.success || !(await retryFailedMail(parsed.data.mailId, { cohortId }))) return NOT_FOUND;
  revalidatePath(`/cohorts/${cohortId}`);
  return { ok: true, message: "Queued again." };
}

export async function revokeCohortInvitationAction(_previous: FormState, form: FormData): Promise<FormState> {
  const cohortId = cohortIdOf(form);
  const access = cohortId ? await openCohortStaffAccess(cohortId) : null;
  if (!cohortId || !access) return NOT_FOUND;
  const parsed = EnrollmentFormSchema.safeParse({ cohortId, enrollmentId: formText(form, "enrollmentId") });
  if (!parsed.success || !(await revokeInvitations(cohortId, parsed.data.enrollmentId))) return NOT_FOUND;
  revalidatePath(`/cohorts/${cohortId}`);
  return { ok: true, message: "Revoked." };
}

export async function setWindowAction(_previous: FormState, form: FormData): Promise<FormState> {
  const cohortId = cohortIdOf(form);
  const access = cohortId ? await openCohortStaffAccess(cohortId) : null;
  if (!cohortId || !access) return NOT_FOUND;
  const values = { opensAt: formText(form, "opensAt"), closesAt: formText(form, "closesAt") };
  const parsed = WindowFormSchema.safeParse({ cohortId, ...values });
  if (!parsed.success) return invalidFields(fieldErrorsOf(parsed.error), values);
  const zone = access.enrollment.cohort.timeZone;
  const opensAt = momentAt(parsed.data.opensAt, zone);
  const closesAt = momentAt(parsed.data.closesAt, zone);
  if (!opensAt.ok || !closesAt.ok)
    return invalidFields(
      {
        ...(opensAt.ok ? {} : { opensAt: opensAt.error }),
        ...(closesAt.ok ? {} : { closesAt: closesAt.error }),
      },
      values,
    );
  if (closesAt.moment <= opensAt.moment)
    return invalidFields({ closesAt: "The window must close after it opens." }, values);
  await setAssessmentWindow(cohortId, opensAt.moment, closesAt.moment);
  revalidatePath(`/cohorts/${cohortId}`);
  return { ok: true, message: "Saved the assessment window. Answer keys stay hidden until it closes." };
}

export async function startCohortAssessmentAction(_previous: FormState, form: FormData): Promise<FormState> {
  const cohortId = cohortIdOf(form);
  const access = cohortId ? await cohortMemberAccess(cohortId) : null;
  if (!cohortId || !access) return NOT_FOUND;
  const parsed = StartFormSchema.safeParse({
    cohortId,
    from: formText(form, "from"),
    hoursPerWeek: formText(form, "hoursPerWeek"),
    timeZone: formText(form, "timeZone"),
    budget: formText(form, "budget"),
  });
  if (!parsed.success) return unreadable();
  const { from, hoursPerWeek, timeZone, budget } = parsed.data;
  const values = { from, hoursPerWeek, budget };
  const window = await findCohortAssessment(cohortId);
  if (!window || !isWindowOpen(window, new Date()) || access.enrollment.cohort.closedAt)
    return { ok: false, error: "The cohort's assessment is not open right now.", values };
  const rate = await checkRate([{ rule: RATE_RULES.attemptPerAddress, subject: await requestAddress() }]);
  if (!rate.allowed)
    return {
      ok: false,
      error: `Too many new assessments from your network. Try again in ${describeWait(rate.retryAfterSeconds)}.`,
      values,
    };
  const result = await startAssessment(
    { from, to: access.enrollment.cohort.targetRoleId, hoursPerWeek, timeZone, budget },
    userOwner(access.user.id),
    { cohortAssessmentId: window.id },
  );
  if (!result.ok) return invalidFields(result.fieldErrors, values);
  redirect(`/assess/${result.attemptId}`);
}

export async function addRuleAction(_previous: FormState, form: FormData): Promise<FormState> {
  const cohortId = cohortIdOf(form);
  const access = cohortId ? await openCohortStaffAccess(cohortId) : null;
  if (!cohortId || !access) return NOT_FOUND;
  const values = {
    skillId: formText(form, "skillId"),
    condition: formText(form, "condition"),
    belowLevel: formText(form, "belowLevel"),
    pMeetsPercent: formText(form, "pMeetsPercent"),
    moduleId: formText(form, "moduleId"),
    dueDays: formText(form, "dueDays"),
  };
  const parsed = RuleFormSchema.safeParse(values);
  if (!parsed.success) return invalidFields(fieldErrorsOf(parsed.error), values);
  const result = await addRule(cohortId, parsed.data);
  if (!result.ok) return invalidFields(result.fieldErrors, values);
  revalidatePath(`/cohorts/${cohortId}`);
  return { ok: true, message: "Rule added. Check the preview, then apply." };
}

export async function deleteRuleAction(_previous: FormState, form: FormData): Promise<FormState> {
  const cohortId = cohortIdOf(form);
  const access = cohortId ? await openCohortStaffAccess(cohortId) : null;
  if (!cohortId || !access) return NOT_FOUND;
  const parsed = RuleIdSchema.safeParse({ cohortId, ruleId: formText(form, "ruleId") });
  if (!parsed.success || !(await deleteRule(cohortId, parsed.data.ruleId))) return NOT_FOUND;
  revalidatePath(`/cohorts/${cohortId}`);
  return { ok: true, message: "Rule removed; modules it assigned stay assigned." };
}

export async function applyRulesAction(_previous: FormState, form: FormData): Promise<FormState> {
  const cohortId = cohortIdOf(form);
  const access = cohortId ? await openCohortStaffAccess(cohortId) : null;
  if (!cohortId || !access) return NOT_FOUND;
  const { modules, learners } = await applyRules(access.enrollment.cohort);
  revalidatePath(`/cohorts/${cohortId}`);
  return {
    ok: true,
    message: `Assigned ${modules} ${modules === 1 ? "module" : "modules"} to ${learners} ${learners === 1 ? "learner" : "learners"}. Learners who finish later get the rules applied when they finish.`,
  };
}

export async function assignModuleAction(_previous: FormState, form: FormData): Promise<FormState> {
  const cohortId = cohortIdOf(form);
  const access = cohortId ? await openCohortStaffAccess(cohortId) : null;
  if (!cohortId || !access) return NOT_FOUND;
  const values = {
    userId: formText(form, "userId"),
    moduleId: formText(form, "moduleId"),
    dueDate: formText(form, "dueDate"),
  };
  const parsed = ManualAssignSchema.safeParse(values);
  if (!parsed.success) return invalidFields(fieldErrorsOf(parsed.error), values);
  const result = await assignManually(access.enrollment.cohort, parsed.data);
  if (!result) return NOT_FOUND;
  if (!result.ok) return invalidFields(result.fieldErrors, values);
  revalidatePath(`/cohorts/${cohortId}`);
  return { ok: true, message: "Assigned." };
}

export async function waiveAssignmentAction(_previous: FormState, form: FormData): Promise<FormState> {
  const cohortId = cohortIdOf(form);
  const access = cohortId ? await openCohortStaffAccess(cohortId) : null;
  if (!cohortId || !access) return NOT_FOUND;
  const parsed = AssignmentIdSchema.safeParse({ cohortId, assignmentId: formText(form, "assignmentId") });
  if (!parsed.success || !(await waiveAssignment(access.enrollment.cohort, parsed.data.assignmentId)))
    return NOT_FOUND;
  revalidatePath(`/cohorts/${cohortId}`);
  return { ok: true, message: "Waived; rules will not assign it again." };
}

export async function closeCohortAction(_previous: FormState, form: FormData): Promise<FormState> {
  const cohortId = cohortIdOf(form);
  const access = cohortId ? await openCohortStaffAccess(cohortId) : null;
  if (!cohortId || !access || !(await closeCohort(cohortId))) return NOT_FOUND;
  revalidatePath(`/cohorts/${cohortId}`);
  return { ok: true, message: "Closed. Everyone keeps their own results, plans and done modules." };
}

export async function joinCohortAction(_previous: FormState, form: FormData): Promise<FormState> {
  const parsed = JoinSchema.safeParse({ token: formText(form, "token") });
  const token = parsed.success ? parsed.data.token : "";
  const user = await requireSignedInUser(`/cohorts/join/${token}`);
  const result = await acceptCohortInvitation(token, { id: user.id, email: user.email });
  if (!result.ok) return { ok: false, error: result.message };
  redirect(`/cohorts/${result.cohortId}`);
}

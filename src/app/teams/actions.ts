"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { NOT_FOUND, invalidFields, type FormState } from "@/components/forms/form-state";
import { describeWait } from "@/domain/rate-limit";
import { env } from "@/env";
import { fieldErrorsOf } from "@/lib/field-errors";
import { formText } from "@/lib/form-data";
import { RouteIdSchema } from "@/lib/route-params";
import { startAssessment } from "@/server/assessment/quiz";
import {
  requireSignedInUser,
  teamManagerAccess,
  teamMemberAccess,
  teamOwnerAccess,
  userOwner,
} from "@/server/identity";
import { retryFailedMail } from "@/server/mail-queue";
import { RATE_RULES, checkRate, requestAddress } from "@/server/rate-limit";
import {
  acceptInvitation,
  createEmailInvitations,
  createLinkInvitation,
  revokeInvitation,
} from "@/server/teams/invitations";
import { RoundSchema, findOpenRound, openNextRound } from "@/server/teams/rounds";
import {
  ConsentSchema,
  CreateTeamSchema,
  removeMember,
  setEmailDomains,
  setMemberRole,
  transferOwnership,
  updateConsent,
  createTeam,
} from "@/server/teams/teams";

/**
 * Every team form posts here. Each action reads its fields into a strict schema, asks the named
 * permission first, and answers a team it may not touch exactly like a team that does not exist
 * (NOT_FOUND), so ids cannot be probed. Only the team id is read before the permission check.
 */
const TeamIdField = z.object({ teamId: RouteIdSchema }).strict();
const Checkbox = z.enum(["", "on"]).transform((value) => value === "on");

const ConsentFormSchema = z
  .object({ teamId: RouteIdSchema, allowAggregate: Checkbox, allowIndividual: Checkbox })
  .strict();
const StartTeamSchema = z
  .object({
    teamId: RouteIdSchema,
    from: z.string(),
    hoursPerWeek: z.string(),
    timeZone: z.string(),
    budget: z.string(),
  })
  .strict();
const EmailInvitesSchema = z
  .object({ teamId: RouteIdSchema, emails: z.string().max(20_000, "Paste at most 20,000 characters.") })
  .strict();
const RevokeSchema = z.object({ teamId: RouteIdSchema, invitationId: RouteIdSchema }).strict();
const RetryMailSchema = z.object({ teamId: RouteIdSchema, mailId: RouteIdSchema }).strict();
const MemberRoleSchema = z
  .object({ teamId: RouteIdSchema, memberUserId: RouteIdSchema, role: z.enum(["manager", "member"]) })
  .strict();
const RemoveMemberSchema = z.object({ teamId: RouteIdSchema, memberUserId: RouteIdSchema }).strict();
const OpenRoundSchema = z.object({ teamId: RouteIdSchema, name: z.string() }).strict();
const EmailDomainsSchema = z
  .object({ teamId: RouteIdSchema, emailDomains: z.string().max(2_000, "Use at most 2,000 characters.") })
  .strict();
const TransferSchema = z.object({ teamId: RouteIdSchema, newOwnerUserId: RouteIdSchema }).strict();
const JoinSchema = z.object({ token: z.string().max(200) }).strict();

const teamIdOf = (form: FormData): string | null => {
  const parsed = TeamIdField.safeParse({ teamId: formText(form, "teamId") });
  return parsed.success ? parsed.data.teamId : null;
};

export async function createTeamAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requireSignedInUser("/teams");
  const values = { name: formText(form, "name"), targetRoleId: formText(form, "targetRoleId") };
  const parsed = CreateTeamSchema.safeParse(values);
  if (!parsed.success) return invalidFields(fieldErrorsOf(parsed.error), values);
  const result = await createTeam(user.id, parsed.data);
  if (!result.ok) return invalidFields(result.fieldErrors, values);
  // The team page then confirms the creation and puts the invitations first.
  redirect(`/teams/${result.teamId}?created=1`);
}

export async function updateConsentAction(_previous: FormState, form: FormData): Promise<FormState> {
  const teamId = teamIdOf(form);
  const access = teamId ? await teamMemberAccess(teamId) : null;
  if (!teamId || !access) return NOT_FOUND;
  const parsed = ConsentFormSchema.safeParse({
    teamId,
    allowAggregate: formText(form, "allowAggregate"),
    allowIndividual: formText(form, "allowIndividual"),
  });
  if (!parsed.success)
    return invalidFields({ form: "The form could not be read; reload the page and try again." });
  const consent = ConsentSchema.parse({
    allowAggregate: parsed.data.allowAggregate,
    allowIndividual: parsed.data.allowIndividual,
  });
  if (!(await updateConsent(teamId, access.user.id, consent))) return NOT_FOUND;
  revalidatePath(`/teams/${teamId}`);
  return { ok: true, message: "Saved. Your choices apply from now on." };
}

export async function startTeamAssessmentAction(_previous: FormState, form: FormData): Promise<FormState> {
  const teamId = teamIdOf(form);
  const access = teamId ? await teamMemberAccess(teamId) : null;
  if (!teamId || !access) return NOT_FOUND;
  const parsed = StartTeamSchema.safeParse({
    teamId,
    from: formText(form, "from"),
    hoursPerWeek: formText(form, "hoursPerWeek"),
    timeZone: formText(form, "timeZone"),
    budget: formText(form, "budget"),
  });
  if (!parsed.success)
    return invalidFields({ form: "The form could not be read; reload the page and try again." });
  const { from, hoursPerWeek, timeZone, budget } = parsed.data;
  const values = { from, hoursPerWeek, budget };
  // The same limit as the personal start form (a server action cannot answer 429).
  const rate = await checkRate([{ rule: RATE_RULES.attemptPerAddress, subject: await requestAddress() }]);
  if (!rate.allowed)
    return {
      ok: false,
      error: `Too many new assessments from your network. Try again in ${describeWait(rate.retryAfterSeconds)}.`,
      values,
    };
  const round = await findOpenRound(teamId);
  const team = access.membership.team;
  const result = await startAssessment(
    { from, to: team.targetRoleId, hoursPerWeek, timeZone, budget },
    userOwner(access.user.id),
    { teamId, teamRoundId: round?.id ?? null },
  );
  if (!result.ok) return invalidFields(result.fieldErrors, values);
  redirect(`/assess/${result.attemptId}`);
}

export async function createLinkInviteAction(_previous: FormState, form: FormData): Promise<FormState> {
  const teamId = teamIdOf(form);
  const access = teamId ? await teamManagerAccess(teamId) : null;
  if (!teamId || !access) return NOT_FOUND;
  const { path, expiresAt } = await createLinkInvitation(teamId, access.user.id);
  revalidatePath(`/teams/${teamId}`);
  return {
    ok: true,
    message: `Anyone signed in who has this link can join until ${expiresAt.toISOString().slice(0, 10)}. Copy it now: it is shown only once.`,
    url: `${env.APP_URL}${path}`,
  };
}

export async function createEmailInvitesAction(_previous: FormState, form: FormData): Promise<FormState> {
  const teamId = teamIdOf(form);
  const access = teamId ? await teamManagerAccess(teamId) : null;
  if (!teamId || !access) return NOT_FOUND;
  const values = { emails: formText(form, "emails") };
  const parsed = EmailInvitesSchema.safeParse({ teamId, ...values });
  if (!parsed.success) return invalidFields(fieldErrorsOf(parsed.error), values);
  const team = access.membership.team;
  const result = await createEmailInvitations(
    { id: team.id, name: team.name },
    { id: access.user.id, name: access.user.name },
    parsed.data.emails,
  );
  if (!result.ok) return invalidFields(result.fieldErrors, values);
  revalidatePath(`/teams/${teamId}`);
  return {
    ok: true,
    message: `Queued ${result.queued} ${result.queued === 1 ? "invitation" : "invitations"}; the list below shows when each mail is sent. Each works once, for its address.`,
  };
}

export async function revokeInviteAction(_previous: FormState, form: FormData): Promise<FormState> {
  const teamId = teamIdOf(form);
  const access = teamId ? await teamManagerAccess(teamId) : null;
  if (!teamId || !access) return NOT_FOUND;
  const parsed = RevokeSchema.safeParse({ teamId, invitationId: formText(form, "invitationId") });
  if (!parsed.success || !(await revokeInvitation(teamId, parsed.data.invitationId))) return NOT_FOUND;
  revalidatePath(`/teams/${teamId}`);
  return { ok: true, message: "Revoked." };
}

/** Sends an invitation's mail again after it failed for good. */
export async function retryInviteMailAction(_previous: FormState, form: FormData): Promise<FormState> {
  const teamId = teamIdOf(form);
  const access = teamId ? await teamManagerAccess(teamId) : null;
  if (!teamId || !access) return NOT_FOUND;
  const parsed = RetryMailSchema.safeParse({ teamId, mailId: formText(form, "mailId") });
  if (!parsed.success || !(await retryFailedMail(parsed.data.mailId, { teamId }))) return NOT_FOUND;
  revalidatePath(`/teams/${teamId}`);
  return { ok: true, message: "Queued again." };
}

export async function setMemberRoleAction(_previous: FormState, form: FormData): Promise<FormState> {
  const teamId = teamIdOf(form);
  const access = teamId ? await teamOwnerAccess(teamId) : null;
  if (!teamId || !access) return NOT_FOUND;
  const parsed = MemberRoleSchema.safeParse({
    teamId,
    memberUserId: formText(form, "memberUserId"),
    role: formText(form, "role"),
  });
  if (!parsed.success || !(await setMemberRole(teamId, parsed.data.memberUserId, parsed.data.role)))
    return NOT_FOUND;
  revalidatePath(`/teams/${teamId}`);
  return { ok: true, message: parsed.data.role === "manager" ? "Now a manager." : "Now a member." };
}

export async function removeMemberAction(_previous: FormState, form: FormData): Promise<FormState> {
  const teamId = teamIdOf(form);
  const access = teamId ? await teamOwnerAccess(teamId) : null;
  if (!teamId || !access) return NOT_FOUND;
  const parsed = RemoveMemberSchema.safeParse({ teamId, memberUserId: formText(form, "memberUserId") });
  if (!parsed.success || !(await removeMember(teamId, parsed.data.memberUserId))) return NOT_FOUND;
  revalidatePath(`/teams/${teamId}`);
  return { ok: true, message: "Removed from the team." };
}

export async function setEmailDomainsAction(_previous: FormState, form: FormData): Promise<FormState> {
  const teamId = teamIdOf(form);
  const access = teamId ? await teamOwnerAccess(teamId) : null;
  if (!teamId || !access) return NOT_FOUND;
  const values = { emailDomains: formText(form, "emailDomains") };
  const parsed = EmailDomainsSchema.safeParse({ teamId, ...values });
  if (!parsed.success) return invalidFields(fieldErrorsOf(parsed.error), values);
  const result = await setEmailDomains(teamId, parsed.data.emailDomains);
  if (!result.ok) return result.fieldErrors.form ? NOT_FOUND : invalidFields(result.fieldErrors, values);
  revalidatePath(`/teams/${teamId}`);
  return {
    ok: true,
    message:
      result.domains.length === 0
        ? "Anyone with an invitation may join again."
        : `Only addresses at ${result.domains.join(", ")} may join now. Members outside them no longer count toward the team numbers.`,
  };
}

/** The owner hands the team to another member (offered when they delete their account); they stay a manager. */
export async function transferOwnershipAction(_previous: FormState, form: FormData): Promise<FormState> {
  const teamId = teamIdOf(form);
  const access = teamId ? await teamOwnerAccess(teamId) : null;
  if (!teamId || !access) return NOT_FOUND;
  const parsed = TransferSchema.safeParse({ teamId, newOwnerUserId: formText(form, "newOwnerUserId") });
  if (!parsed.success)
    return invalidFields({ newOwnerUserId: "Choose who owns the team next." }, { newOwnerUserId: "" });
  if (!(await transferOwnership(teamId, access.user.id, parsed.data.newOwnerUserId)))
    return invalidFields(
      { newOwnerUserId: "That person is no longer in the team. Reload the page and choose again." },
      { newOwnerUserId: parsed.data.newOwnerUserId },
    );
  revalidatePath(`/teams/${teamId}`);
  revalidatePath("/me/settings");
  return { ok: true, message: "Handed over. You are now a manager of this team." };
}

export async function openRoundAction(_previous: FormState, form: FormData): Promise<FormState> {
  const teamId = teamIdOf(form);
  const access = teamId ? await teamManagerAccess(teamId) : null;
  if (!teamId || !access) return NOT_FOUND;
  const values = { name: formText(form, "name") };
  const parsed = OpenRoundSchema.safeParse({ teamId, ...values });
  const round = parsed.success ? RoundSchema.safeParse({ name: parsed.data.name }) : null;
  if (!round?.success)
    return invalidFields(
      round
        ? fieldErrorsOf(round.error)
        : { form: "The form could not be read; reload the page and try again." },
      values,
    );
  await openNextRound(teamId, round.data.name);
  revalidatePath(`/teams/${teamId}`);
  return {
    ok: true,
    message: `Round “${round.data.name}” is open; the previous round's answer reviews are now released.`,
  };
}

export async function joinTeamAction(_previous: FormState, form: FormData): Promise<FormState> {
  const parsed = JoinSchema.safeParse({ token: formText(form, "token") });
  const token = parsed.success ? parsed.data.token : "";
  const user = await requireSignedInUser(`/teams/join/${token}`);
  const result = await acceptInvitation(token, { id: user.id, email: user.email });
  if (!result.ok) return { ok: false, error: result.message };
  redirect(`/teams/${result.teamId}`);
}

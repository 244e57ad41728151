import "server-only";
import { redirect } from "next/navigation";
import { currentSession } from "./auth/session";
import { findOwnedAttempt } from "./attempts";
import { logEvent } from "./log";
import { ensureOwner, readOwner } from "./owner";
import type { Owner } from "./ownership";
import { findOwnedPlan } from "./plans";
import { findMembership, isManagerRole, type MembershipView } from "./teams/teams";
import { canCreateCohorts, findEnrollment, type EnrollmentView } from "./cohorts/cohorts";

/**
 * The one authorisation layer. Loaders, actions and route handlers ask here who is acting and
 * whether they may touch a row; data modules then filter by that owner, so a row that belongs to
 * someone else is indistinguishable from one that does not exist (both answer 404).
 */
export interface SignedInUser {
  id: string;
  email: string;
  name: string;
}

/** The signed-in user, or null (route handlers answer 401). */
export async function requireUser(): Promise<SignedInUser | null> {
  const session = await currentSession();
  return session ? { id: session.user.id, email: session.user.email, name: session.user.name } : null;
}

/** Pages that need an account: anonymous visitors go to sign-in and come back afterwards. */
export async function requireUserOrSignIn(returnTo: string): Promise<SignedInUser> {
  const user = await requireUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return user;
}

/** Who owns what this request reads: the user, else the browser's anonymous token. */
export const currentOwner = readOwner;

/** Who will own what this request creates (issues an anonymous token when needed). */
export const creatingOwner = ensureOwner;

function denied(resource: string, id: string, owner: Owner | null): null {
  logEvent("warn", "authz.not-found-or-denied", {
    resource,
    id: id.slice(0, 64),
    actor: owner?.userId ?? (owner ? "anonymous" : "none"),
  });
  return null;
}

/** The attempt when the requester owns it; null (→ 404) otherwise. */
export async function canViewAttempt(attemptId: string) {
  const owner = await readOwner();
  const attempt = await findOwnedAttempt(attemptId, owner);
  return attempt ? { attempt, owner: owner as Owner } : denied("attempt", attemptId, owner);
}

/** The plan when the requester owns it; null (→ 404) otherwise. */
export async function canViewPlan(planId: string) {
  const owner = await readOwner();
  const plan = await findOwnedPlan(planId, owner);
  return plan ? { plan, owner: owner as Owner } : denied("plan", planId, owner);
}

/** The signed-in user's membership of a team; null (→ 404) for non-members and the signed out. */
export async function requireTeamMember(
  teamId: string,
): Promise<{ user: SignedInUser; membership: MembershipView } | null> {
  const user = await requireUser();
  const membership = user ? await findMembership(teamId, user.id) : null;
  if (!user || !membership) return denied("team", teamId, user ? { userId: user.id, tokenHash: null } : null);
  return { user, membership };
}

/** Owners and managers: the dashboard, invitations and rounds. Plain members get the same 404 as strangers. */
export async function requireTeamManager(teamId: string) {
  const access = await requireTeamMember(teamId);
  // A non-member was already logged by requireTeamMember; log only a member lacking the role.
  if (!access) return null;
  return isManagerRole(access.membership.role)
    ? access
    : denied("team-management", teamId, { userId: access.user.id, tokenHash: null });
}

/** Only the owner decides who manages. */
export async function requireTeamOwner(teamId: string) {
  const access = await requireTeamMember(teamId);
  if (!access) return null;
  return access.membership.role === "owner"
    ? access
    : denied("team-ownership", teamId, { userId: access.user.id, tokenHash: null });
}

/** Someone an instance admin allowed to create cohorts; null for everyone else. */
export async function requireCohortCreator(): Promise<SignedInUser | null> {
  const user = await requireUser();
  if (!user) return null;
  return (await canCreateCohorts(user.id))
    ? user
    : denied("cohort-creation", "-", { userId: user.id, tokenHash: null });
}

/** A joined member of the cohort (staff or learner); null (→ 404) for everyone else. */
export async function requireCohortMember(
  cohortId: string,
): Promise<{ user: SignedInUser; enrollment: EnrollmentView } | null> {
  const user = await requireUser();
  const enrollment = user ? await findEnrollment(cohortId, user.id) : null;
  if (!user || !enrollment)
    return denied("cohort", cohortId, user ? { userId: user.id, tokenHash: null } : null);
  return { user, enrollment };
}

/** The cohort's staff: roster, window, rules, assignments, export. Learners get the same 404 as strangers. */
export async function requireCohortStaff(cohortId: string) {
  const access = await requireCohortMember(cohortId);
  if (!access) return null;
  return access.enrollment.role === "staff"
    ? access
    : denied("cohort-staff", cohortId, { userId: access.user.id, tokenHash: null });
}

/** Staff of a cohort that is still open (closed cohorts are read-only). */
export async function requireOpenCohortStaff(cohortId: string) {
  const access = await requireCohortStaff(cohortId);
  return access && access.enrollment.cohort.closedAt === null ? access : null;
}

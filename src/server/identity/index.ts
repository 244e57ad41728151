import "server-only";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { readIdParam } from "@/lib/route-params";
import { currentSession } from "../auth/session";
import { canCreateCohorts, findEnrollment, type EnrollmentView } from "../cohorts/cohorts";
import { NOT_FOUND, UNAUTHENTICATED, rejectUnsafeWrite } from "../json-api";
import { logEvent } from "../log";
import { RATE_RULES, checkRate, tooManyRequests } from "../rate-limit";
import { findMembership, isManagerRole, type MembershipView } from "../teams/teams";
import { hashToken, newToken } from "../tokens";
import { anonymousOwner, userOwner, type Owner } from "./owner";
import { isAdministrator } from "../admin/rights";

/**
 * Who is acting, and what they may touch: the one module loaders, actions and route handlers ask.
 * Data modules then filter by the owner or user it returns, so a row that belongs to someone else
 * is indistinguishable from one that does not exist (both answer 404).
 *
 * Names say what they enforce: `current…` reads and may be null; `require…` does not return without
 * what it names (it redirects); `…Access` is the caller's access to a team or cohort in a role, or
 * null, which callers answer with the same 404 as for an unknown id.
 *
 * It is a folder because of one dependency: `./owner` (the owner value and its row filters) is
 * imported by the data modules (attempts, plans), and this file imports data modules (teams,
 * cohorts); keeping the filters apart keeps that graph acyclic. Everything else imports from here.
 */
export { userOwner, type Owner } from "./owner";

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
}

/** The signed-in user, or null. Route handlers answer null with 401, pages with their signed-out view. */
export async function currentUser(): Promise<SignedInUser | null> {
  const session = await currentSession();
  return session ? { id: session.user.id, email: session.user.email, name: session.user.name } : null;
}

/** For pages and actions that need an account: anonymous visitors go to sign-in and come back to `returnTo`. */
export async function requireSignedInUser(returnTo: string): Promise<SignedInUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return user;
}

/**
 * The prelude of every sensitive account change (password, deletion): a same-origin JSON write,
 * by a signed-in user, within the per-account limit. Returns the user, or the refusal to send.
 */
export async function requireUserForAccountChange(request: Request): Promise<SignedInUser | Response> {
  const unsafe = rejectUnsafeWrite(request);
  if (unsafe) return unsafe;
  const user = await currentUser();
  if (!user) return UNAUTHENTICATED();
  const rate = await checkRate([{ rule: RATE_RULES.passwordPerAccount, subject: user.id }]);
  return rate.allowed ? user : tooManyRequests(rate);
}

const OWNER_COOKIE = "waypoint_owner";
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;
const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

/** The anonymous token hash of this browser, or null when it has no (valid) token. */
export async function currentAnonymousHash(): Promise<string | null> {
  const token = (await cookies()).get(OWNER_COOKIE)?.value;
  return token && TOKEN_PATTERN.test(token) ? hashToken(token) : null;
}

/** Who owns what this request reads: the signed-in user, else this browser's token; null when neither. Safe in pages. */
export async function currentOwner(): Promise<Owner | null> {
  const session = await currentSession();
  if (session) return userOwner(session.user.id);
  const tokenHash = await currentAnonymousHash();
  return tokenHash ? anonymousOwner(tokenHash) : null;
}

/**
 * The prelude of every JSON write to one attempt (an answer, the self-ratings): a same-origin JSON
 * write, a well-formed id (else the 404 of an unknown attempt) and who asks. The owner may be null
 * (no cookie): the attempt's own read then finds nothing, the same 404 as for someone else's.
 * Returns the attempt id and owner, or the refusal to send.
 */
export async function openAttemptWrite(
  request: Request,
  params: Promise<{ attemptId: string }>,
): Promise<{ attemptId: string; owner: Owner | null } | Response> {
  const unsafe = rejectUnsafeWrite(request);
  if (unsafe) return unsafe;
  const attemptId = await readIdParam(params, "attemptId");
  if (!attemptId) return NOT_FOUND();
  return { attemptId, owner: await currentOwner() };
}

/** Who will own what this request creates, issuing an anonymous token first when there is none. Actions and route handlers only. */
export async function ensureOwner(): Promise<Owner> {
  const existing = await currentOwner();
  if (existing) return existing;
  const token = newToken(16);
  const isHttps = (await headers()).get("x-forwarded-proto") === "https";
  (await cookies()).set(OWNER_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: isHttps,
    path: "/",
    maxAge: ONE_YEAR_SECONDS,
  });
  return anonymousOwner(hashToken(token));
}

function denied(resource: string, id: string, userId: string | null): null {
  logEvent("warn", "authz.not-found-or-denied", { resource, id: id.slice(0, 64), actor: userId ?? "none" });
  return null;
}

/** The signed-in user's membership of a team; null (→ 404) for non-members and the signed out. */
export async function teamMemberAccess(
  teamId: string,
): Promise<{ user: SignedInUser; membership: MembershipView } | null> {
  const user = await currentUser();
  const membership = user ? await findMembership(teamId, user.id) : null;
  if (!user || !membership) return denied("team", teamId, user?.id ?? null);
  return { user, membership };
}

/** Owners and managers: the dashboard, invitations and rounds. Plain members get the same 404 as strangers. */
export async function teamManagerAccess(teamId: string) {
  const access = await teamMemberAccess(teamId);
  // A non-member was already logged by teamMemberAccess; log only a member lacking the role.
  if (!access) return null;
  return isManagerRole(access.membership.role) ? access : denied("team-management", teamId, access.user.id);
}

/** Only the owner decides who manages. */
export async function teamOwnerAccess(teamId: string) {
  const access = await teamMemberAccess(teamId);
  if (!access) return null;
  return access.membership.role === "owner" ? access : denied("team-ownership", teamId, access.user.id);
}

/** Someone an instance admin allowed to create cohorts; null for everyone else. */
export async function cohortCreatorAccess(): Promise<SignedInUser | null> {
  const user = await currentUser();
  if (!user) return null;
  return (await canCreateCohorts(user.id)) ? user : denied("cohort-creation", "-", user.id);
}

/** A joined member of the cohort (staff or learner); null (→ 404) for everyone else. */
export async function cohortMemberAccess(
  cohortId: string,
): Promise<{ user: SignedInUser; enrollment: EnrollmentView } | null> {
  const user = await currentUser();
  const enrollment = user ? await findEnrollment(cohortId, user.id) : null;
  if (!user || !enrollment) return denied("cohort", cohortId, user?.id ?? null);
  return { user, enrollment };
}

/** The cohort's staff: roster, window, rules, assignments, export. Learners get the same 404 as strangers. */
export async function cohortStaffAccess(cohortId: string) {
  const access = await cohortMemberAccess(cohortId);
  if (!access) return null;
  return access.enrollment.role === "staff" ? access : denied("cohort-staff", cohortId, access.user.id);
}

/** Staff of a cohort that is still open (closed cohorts are read-only). */
export async function openCohortStaffAccess(cohortId: string) {
  const access = await cohortStaffAccess(cohortId);
  return access && access.enrollment.cohort.closedAt === null ? access : null;
}

/** An instance administrator (User.isAdmin), read fresh each request; null for everyone else. */
export async function adminAccess(): Promise<SignedInUser | null> {
  const user = await currentUser();
  if (!user) return denied("admin", "-", null);
  return (await isAdministrator(user.id)) ? user : denied("admin", "-", user.id);
}

/** For /admin pages: anyone but an administrator gets the app's 404, signed in or not. */
export async function requireAdmin(): Promise<SignedInUser> {
  const user = await adminAccess();
  if (!user) notFound();
  return user;
}

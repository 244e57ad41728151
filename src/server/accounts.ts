import "server-only";
import { APIError } from "better-auth/api";
import { z } from "zod";
import { nameSchema } from "@/domain/names";
import { passwordProblem } from "@/domain/password";
import { HOURS_PER_WEEK } from "@/domain/plan";
import { fieldErrorsOf, type FieldErrors } from "@/lib/field-errors";
import { CLIENT_ADDRESS_HEADER } from "@/lib/client-address";
import { getAuth } from "./auth/auth";
import { isSmtpConfigured } from "./auth/mail";
import { setRightByEmail } from "./admin/rights";
import { claimAnonymousWork } from "./plans";
import { listSolelyStaffedCohorts } from "./cohorts/cohorts";
import { getSkillsGraph } from "./content-loader";
import { db } from "./db";
import { logEvent, type LogLevel } from "./log";
import { listSolelyOwnedTeams } from "./teams/teams";

/**
 * Account operations behind the /api/account route handlers. Each validates its input with a
 * strict schema (unknown keys are an error), applies the password policy, and calls better-auth
 * on the server. Results are discriminated unions the handlers turn into HTTP answers. Every
 * authentication event is logged with the account id (when there is one) and the client address
 * (ASVS V16): sign-up, sign-in success and failure, sign-out, password change, reset requested
 * and completed, deletion. Never the email, a password or a token.
 */
export type Outcome<T = object> =
  ({ ok: true } & T) | { ok: false; status: number; message: string; fieldErrors?: FieldErrors };

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email("Enter an email address like name@example.com."));
const password = z.string().max(1024, "That password is too long.");
const DisplayName = nameSchema({
  min: 1,
  max: 80,
  tooShort: "Tell us what to call you.",
  tooLong: "Use at most 80 characters.",
});

export const SignUpSchema = z
  .object({
    name: DisplayName,
    email,
    password,
  })
  .strict();
export const SignInSchema = z
  .object({ email, password: z.string().min(1, "Enter your password.").max(1024) })
  .strict();
export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(1024),
    newPassword: password,
  })
  .strict();
export const ResetRequestSchema = z.object({ email }).strict();
export const ResetConfirmSchema = z
  .object({ token: z.string().min(1).max(200), newPassword: password })
  .strict();
export const ProfileSchema = z
  .object({
    name: DisplayName,
    currentRoleId: z.string().trim().max(100).default(""),
    hoursPerWeek: z
      .union([
        z.literal(""),
        z.coerce.number().int("Enter whole hours.").min(HOURS_PER_WEEK.min).max(HOURS_PER_WEEK.max),
      ])
      .default(""),
  })
  .strict();
export const DeleteAccountSchema = z
  .object({
    password: z.string().min(1, "Enter your password to confirm.").max(1024),
    confirm: z.literal("delete my account", { error: 'Type "delete my account" to confirm.' }),
  })
  .strict();

export function invalid(error: z.ZodError): Outcome<never> {
  return {
    ok: false,
    status: 400,
    message: "Please fix the highlighted fields.",
    fieldErrors: fieldErrorsOf(error),
  };
}

/** One security log line: the event, the account (or null) and the client address scripts/server.ts set. */
function logAuthEvent(
  level: LogLevel,
  event: string,
  requestHeaders: Headers,
  context: { userId: string | null } & Record<string, unknown>,
): void {
  logEvent(level, event, { ...context, address: requestHeaders.get(CLIENT_ADDRESS_HEADER) ?? "unknown" });
}

async function userIdByEmail(address: string): Promise<string | null> {
  return (await db.user.findUnique({ where: { email: address }, select: { id: true } }))?.id ?? null;
}

/** The HTTP status of a better-auth APIError, else null. Duck-typed: the bundler can load two copies of its class. */
function apiStatus(error: unknown): number | null {
  if (error instanceof APIError) return Number(error.statusCode);
  const candidate = error as { name?: unknown; statusCode?: unknown } | null;
  return candidate && candidate.name === "APIError" && typeof candidate.statusCode === "number"
    ? candidate.statusCode
    : null;
}

export async function signUp(
  input: z.infer<typeof SignUpSchema>,
  requestHeaders: Headers,
  anonymousHash: string | null,
): Promise<Outcome<{ userId: string; needsVerification: boolean }>> {
  const problem = passwordProblem(input.password, { email: input.email, name: input.name });
  if (problem)
    return {
      ok: false,
      status: 400,
      message: "Please fix the highlighted fields.",
      fieldErrors: { password: problem },
    };
  try {
    const result = await getAuth().api.signUpEmail({
      body: { name: input.name, email: input.email, password: input.password },
      headers: requestHeaders,
    });
    if (anonymousHash) await claimAnonymousWork(anonymousHash, result.user.id);
    logAuthEvent("info", "account.created", requestHeaders, { userId: result.user.id });
    return { ok: true, userId: result.user.id, needsVerification: isSmtpConfigured() };
  } catch (error) {
    // Documented trade-off: sign-up says an address is taken (rate-limited per address).
    if (apiStatus(error) === 422)
      return {
        ok: false,
        status: 409,
        message: "An account with this email already exists. Sign in instead.",
        fieldErrors: { email: "An account with this email already exists." },
      };
    throw error;
  }
}

export async function signIn(
  input: z.infer<typeof SignInSchema>,
  requestHeaders: Headers,
  anonymousHash: string | null,
): Promise<Outcome<{ userId: string }>> {
  try {
    const result = await getAuth().api.signInEmail({
      body: { email: input.email, password: input.password },
      headers: requestHeaders,
    });
    if (anonymousHash) await claimAnonymousWork(anonymousHash, result.user.id);
    logAuthEvent("info", "auth.sign-in.succeeded", requestHeaders, { userId: result.user.id });
    return { ok: true, userId: result.user.id };
  } catch (error) {
    const status = apiStatus(error);
    if (status === 401 || status === 403) {
      logAuthEvent("warn", "auth.sign-in.failed", requestHeaders, {
        // The account under attack, when the address has one (never shown to the client).
        userId: await userIdByEmail(input.email),
        reason: status === 403 ? "unverified" : "credentials",
      });
      // One message for "no such account" and "wrong password": no user enumeration.
      return status === 403
        ? {
            ok: false,
            status: 403,
            message: "Confirm your email address first: we sent you a link when you signed up.",
          }
        : {
            ok: false,
            status: 401,
            message: "That email and password don't match an account.",
            fieldErrors: { form: "That email and password don't match an account." },
          };
    }
    throw error;
  }
}

export async function signOut(requestHeaders: Headers): Promise<void> {
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  await getAuth().api.signOut({ headers: requestHeaders });
  if (session) logAuthEvent("info", "auth.sign-out", requestHeaders, { userId: session.user.id });
}

export async function changePassword(
  input: z.infer<typeof ChangePasswordSchema>,
  requestHeaders: Headers,
  user: { id: string; email: string; name: string },
): Promise<Outcome> {
  const problem = passwordProblem(input.newPassword, user);
  if (problem)
    return {
      ok: false,
      status: 400,
      message: "Please fix the highlighted fields.",
      fieldErrors: { newPassword: problem },
    };
  try {
    await getAuth().api.changePassword({
      body: {
        currentPassword: input.currentPassword,
        newPassword: input.newPassword,
        revokeOtherSessions: true,
      },
      headers: requestHeaders,
    });
    logAuthEvent("info", "auth.password.changed", requestHeaders, { userId: user.id });
    return { ok: true };
  } catch (error) {
    if (apiStatus(error) === 400 || apiStatus(error) === 401) {
      logAuthEvent("warn", "auth.password.change-failed", requestHeaders, { userId: user.id });
      return {
        ok: false,
        status: 400,
        message: "Your current password is not right.",
        fieldErrors: { currentPassword: "That is not your current password." },
      };
    }
    throw error;
  }
}

export const RESET_SENT_MESSAGE =
  "If an account uses this address, we have sent it a link to choose a new password. It is valid for one hour.";

/** Always answers the same way, whether or not the address has an account (no enumeration). */
export async function requestPasswordReset(
  input: z.infer<typeof ResetRequestSchema>,
  requestHeaders: Headers = new Headers(),
): Promise<void> {
  await getAuth().api.requestPasswordReset({ body: { email: input.email } });
  logAuthEvent("info", "auth.reset.requested", requestHeaders, { userId: await userIdByEmail(input.email) });
}

/** The account a live reset token belongs to (better-auth keeps the user id as the token's value). */
async function resetTokenAccount(token: string): Promise<{ id: string; email: string; name: string } | null> {
  const { internalAdapter } = await getAuth().$context;
  const verification = await internalAdapter.findVerificationValue(`reset-password:${token}`);
  if (!verification || verification.expiresAt < new Date()) return null;
  return db.user.findUnique({
    where: { id: verification.value },
    select: { id: true, email: true, name: true },
  });
}

const RESET_LINK_SPENT: Outcome<never> = {
  ok: false,
  status: 400,
  message: "This reset link has expired or was already used. Ask for a new one.",
  fieldErrors: { form: "This reset link has expired or was already used." },
};

export async function resetPassword(
  input: z.infer<typeof ResetConfirmSchema>,
  requestHeaders: Headers = new Headers(),
): Promise<Outcome> {
  const account = await resetTokenAccount(input.token);
  if (!account) {
    logAuthEvent("warn", "auth.reset.failed", requestHeaders, { userId: null, reason: "token" });
    return RESET_LINK_SPENT;
  }
  const problem = passwordProblem(input.newPassword, account);
  if (problem)
    return {
      ok: false,
      status: 400,
      message: "Please fix the highlighted fields.",
      fieldErrors: { newPassword: problem },
    };
  try {
    await getAuth().api.resetPassword({ body: { token: input.token, newPassword: input.newPassword } });
    logAuthEvent("info", "auth.reset.completed", requestHeaders, { userId: account.id });
    return { ok: true };
  } catch (error) {
    if (apiStatus(error) === 400) {
      logAuthEvent("warn", "auth.reset.failed", requestHeaders, { userId: account.id, reason: "token" });
      return RESET_LINK_SPENT;
    }
    throw error;
  }
}

export async function verifyEmail(token: string): Promise<boolean> {
  try {
    await getAuth().api.verifyEmail({ query: { token } });
    return true;
  } catch (error) {
    if (apiStatus(error) !== null) return false;
    throw error;
  }
}

export async function findProfile(userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      emailVerified: true,
      currentRoleId: true,
      hoursPerWeek: true,
      isAdmin: true,
      createdAt: true,
    },
  });
}

export async function updateProfile(userId: string, input: z.infer<typeof ProfileSchema>): Promise<Outcome> {
  if (input.currentRoleId !== "" && !getSkillsGraph().roles.has(input.currentRoleId)) {
    return {
      ok: false,
      status: 400,
      message: "Please fix the highlighted fields.",
      fieldErrors: { currentRoleId: "Choose a role from the list." },
    };
  }
  await db.user.update({
    where: { id: userId },
    data: {
      name: input.name,
      currentRoleId: input.currentRoleId || null,
      hoursPerWeek: input.hoursPerWeek === "" ? null : input.hoursPerWeek,
    },
  });
  return { ok: true };
}

/**
 * What stands between an account and its deletion: teams it owns alone that have other members,
 * and open cohorts it alone staffs that have other people in them (either would be left with
 * nobody to run it). Teams and cohorts with nobody else in them go with the account.
 */
export async function accountDeletionHandovers(userId: string) {
  const [teams, cohorts] = await Promise.all([
    listSolelyOwnedTeams(userId),
    listSolelyStaffedCohorts(userId),
  ]);
  return {
    teams: teams.filter((team) => team.candidates.length > 0),
    cohorts: cohorts.filter((cohort) => cohort.others > 0),
    emptyTeams: teams.filter((team) => team.candidates.length === 0),
    emptyCohorts: cohorts.filter((cohort) => cohort.others === 0),
  };
}

const quoted = (names: readonly string[]) => names.map((name) => `“${name}”`).join(", ");

/**
 * Deletes the account after checking the password: the user row goes, and with it (foreign keys
 * ON DELETE CASCADE) sessions, credentials, attempts, answers, results, plans and share links.
 * Refused (409) while the account alone owns a team or staffs an open cohort that has other
 * people in it; those it alone owns or staffs with nobody else in them are deleted with it.
 */
export async function deleteAccount(
  userId: string,
  input: z.infer<typeof DeleteAccountSchema>,
  requestHeaders: Headers,
): Promise<Outcome> {
  try {
    await getAuth().api.verifyPassword({ body: { password: input.password }, headers: requestHeaders });
  } catch (error) {
    if (apiStatus(error) !== null) {
      logAuthEvent("warn", "account.delete.refused", requestHeaders, { userId });
      return {
        ok: false,
        status: 400,
        message: "That password is not right.",
        fieldErrors: { password: "That is not your password." },
      };
    }
    throw error;
  }
  const handovers = await accountDeletionHandovers(userId);
  if (handovers.teams.length > 0 || handovers.cohorts.length > 0) {
    logAuthEvent("warn", "account.delete.refused", requestHeaders, { userId, reason: "handover-needed" });
    const parts = [
      handovers.teams.length > 0
        ? `hand over ownership of ${quoted(handovers.teams.map((team) => team.name))}`
        : "",
      handovers.cohorts.length > 0
        ? `add another staff member who has joined to ${quoted(handovers.cohorts.map((cohort) => cohort.name))}`
        : "",
    ].filter(Boolean);
    return {
      ok: false,
      status: 409,
      message: `Your account was not deleted. First ${parts.join(", and ")}: nobody else could run them.`,
    };
  }
  await db.$transaction([
    db.team.deleteMany({ where: { id: { in: handovers.emptyTeams.map((team) => team.teamId) } } }),
    db.cohort.deleteMany({ where: { id: { in: handovers.emptyCohorts.map((cohort) => cohort.cohortId) } } }),
    db.user.delete({ where: { id: userId } }),
  ]);
  logAuthEvent("info", "account.deleted", requestHeaders, { userId });
  return { ok: true };
}

/** Makes an account an instance administrator (npm run admin:grant); the change is audit-logged. */
export async function grantAdmin(address: string): Promise<boolean> {
  return (await setRightByEmail(address, "admin", true)).ok;
}

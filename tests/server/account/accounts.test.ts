import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  changePassword,
  deleteAccount,
  grantAdmin,
  requestPasswordReset,
  resetPassword,
  signIn,
  signUp,
  updateProfile,
} from "@/server/accounts";
import { getAuth } from "@/server/auth/auth";
import { outboxDir } from "@/server/auth/mail";
import { lastMailTo as newestMailTo } from "../../support/outbox";
import { db } from "@/server/db";
import { finishEarly, startAssessment, submitAnswer, loadQuiz } from "@/server/assessment/quiz";
import { anonymousOwner, userOwner } from "@/server/identity/owner";
import { findOwnedAttempt } from "@/server/attempts";
import { claimAnonymousWork, findOwnedPlan, findPlanIdFor, setPlanItemDone } from "@/server/plans";

const PASSWORD = "correct horse battery staple";
const newEmail = () => `person-${randomUUID()}@example.com`;
const noHeaders = () => new Headers();

async function register(email = newEmail(), password = PASSWORD) {
  const result = await signUp({ name: "Ada", email, password }, noHeaders(), null);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return { email, userId: result.userId };
}

async function sessionHeaders(email: string, password = PASSWORD): Promise<Headers> {
  const { headers } = await getAuth().api.signInEmail({
    body: { email, password },
    headers: noHeaders(),
    returnHeaders: true,
  });
  const cookie = (headers.getSetCookie?.() ?? [headers.get("set-cookie") ?? ""])
    .map((line) => line.split(";")[0])
    .join("; ");
  return new Headers({ cookie });
}

/** The newest mail in the outbox for `email`, as the default transport wrote it. */
function lastMailTo(email: string): string {
  const mail = newestMailTo(outboxDir(), email);
  if (!mail) throw new Error(`no mail to ${email}`);
  return mail.text;
}

async function finishedAnonymousAttempt(tokenHash: string) {
  const owner = anonymousOwner(tokenHash);
  const started = await startAssessment(
    { from: "data-scientist", to: "ai-engineer", hoursPerWeek: "6", timeZone: "UTC" },
    owner,
  );
  if (!started.ok) throw new Error("could not start");
  const state = await loadQuiz(started.attemptId, owner);
  if (state.kind === "question")
    await submitAnswer(started.attemptId, owner, {
      questionId: state.view.questionId,
      choice: [],
      dontKnow: true,
    });
  await finishEarly(started.attemptId, owner);
  return started.attemptId;
}

describe("signing up and in", () => {
  it("creates an account against the migrated schema and signs in with the same password", async () => {
    const { email, userId } = await register();
    const row = await db.user.findUnique({ where: { id: userId }, select: { email: true, name: true } });
    expect(row).toEqual({ email, name: "Ada" });
    const credential = await db.account.findFirst({
      where: { userId },
      select: { providerId: true, password: true },
    });
    expect(credential?.providerId).toBe("credential");
    expect(credential?.password).not.toContain(PASSWORD); // a hash, never the password
    const signedIn = await signIn({ email, password: PASSWORD }, noHeaders(), null);
    expect(signedIn).toMatchObject({ ok: true, userId });
  });

  it("refuses a short or common password with a field error and creates nothing", async () => {
    const email = newEmail();
    expect(await signUp({ name: "Bo", email, password: "short" }, noHeaders(), null)).toMatchObject({
      ok: false,
      fieldErrors: { password: expect.stringMatching(/at least 8/) },
    });
    expect(await signUp({ name: "Bo", email, password: "password123" }, noHeaders(), null)).toMatchObject({
      ok: false,
      fieldErrors: { password: expect.stringMatching(/common/) },
    });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("says an address is taken on sign-up (documented trade-off)", async () => {
    const { email } = await register();
    expect(await signUp({ name: "Other", email, password: PASSWORD }, noHeaders(), null)).toMatchObject({
      ok: false,
      status: 409,
      fieldErrors: { email: expect.any(String) },
    });
  });

  it("answers a wrong password and an unknown account with the same message", async () => {
    const { email } = await register();
    const wrong = await signIn({ email, password: "not the password at all" }, noHeaders(), null);
    const unknown = await signIn({ email: newEmail(), password: PASSWORD }, noHeaders(), null);
    expect(wrong).toEqual(unknown);
    expect(wrong).toMatchObject({ ok: false, status: 401 });
  });
});

describe("changing and resetting the password", () => {
  it("needs the current password and ends every other session", async () => {
    const { email, userId } = await register();
    const first = await sessionHeaders(email);
    const second = await sessionHeaders(email);
    expect(await db.session.count({ where: { userId } })).toBe(3); // sign-up's own session too
    expect(
      await changePassword(
        { currentPassword: "wrong password here", newPassword: "a brand new passphrase" },
        first,
        { id: userId, email, name: "Ada" },
      ),
    ).toMatchObject({ ok: false, fieldErrors: { currentPassword: expect.any(String) } });
    expect(
      await changePassword({ currentPassword: PASSWORD, newPassword: "a brand new passphrase" }, first, {
        id: userId,
        email,
        name: "Ada",
      }),
    ).toEqual({ ok: true });
    // The session that changed it is replaced by a fresh one (set as a cookie); all others end.
    expect(await getAuth().api.getSession({ headers: second })).toBeNull();
    expect(await db.session.count({ where: { userId } })).toBe(1);
    expect(await signIn({ email, password: "a brand new passphrase" }, noHeaders(), null)).toMatchObject({
      ok: true,
    });
  });

  it("mails a reset link whose token works once, and not after it expires", async () => {
    const { email } = await register();
    await requestPasswordReset({ email });
    const token = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(lastMailTo(email))?.[1];
    expect(token).toBeTruthy();
    expect(await resetPassword({ token: token as string, newPassword: "reset to this passphrase" })).toEqual({
      ok: true,
    });
    expect(
      await resetPassword({ token: token as string, newPassword: "and again to this one" }),
    ).toMatchObject({ ok: false, status: 400 });
    expect(await signIn({ email, password: "reset to this passphrase" }, noHeaders(), null)).toMatchObject({
      ok: true,
    });

    await requestPasswordReset({ email });
    const second = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(lastMailTo(email))?.[1] as string;
    await db.verification.updateMany({
      where: { identifier: `reset-password:${second}` },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await resetPassword({ token: second, newPassword: "too late for this one" })).toMatchObject({
      ok: false,
      status: 400,
    });
  });

  it("refuses a password built from the account's email or name on sign-up, change and reset", async () => {
    const email = newEmail();
    const localPart = email.split("@")[0] as string;
    expect(
      await signUp({ name: "Grace Hopper", email, password: "Grace Hopper 1906" }, noHeaders(), null),
    ).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { password: expect.stringMatching(/your name/) },
    });
    expect(
      await signUp({ name: "Grace Hopper", email, password: email.toUpperCase() }, noHeaders(), null),
    ).toMatchObject({ ok: false, fieldErrors: { password: expect.stringMatching(/email address/) } });
    const signedUp = await signUp({ name: "Grace Hopper", email, password: PASSWORD }, noHeaders(), null);
    if (!signedUp.ok) throw new Error(JSON.stringify(signedUp));
    const user = { id: signedUp.userId, email, name: "Grace Hopper" };

    const session = await sessionHeaders(email);
    expect(
      await changePassword({ currentPassword: PASSWORD, newPassword: `${localPart}!!` }, session, user),
    ).toMatchObject({ ok: false, fieldErrors: { newPassword: expect.stringMatching(/email address/) } });
    expect(
      await changePassword({ currentPassword: PASSWORD, newPassword: "hopper grace!" }, session, user),
    ).toMatchObject({ ok: false, fieldErrors: { newPassword: expect.stringMatching(/your name/) } });

    // The reviewer's finding: a reset to the account's own email was accepted.
    await requestPasswordReset({ email });
    const token = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(lastMailTo(email))?.[1] as string;
    expect(await resetPassword({ token, newPassword: email })).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { newPassword: "Don't build your password from your email address." },
    });
    expect(await resetPassword({ token, newPassword: "Grace.Hopper" })).toMatchObject({
      ok: false,
      fieldErrors: { newPassword: "Don't build your password from your name." },
    });
    // Nothing was spent: the same link still sets a good password, and the old one stops working.
    expect(await resetPassword({ token, newPassword: "compilers before breakfast" })).toEqual({ ok: true });
    expect(await signIn({ email, password: email }, noHeaders(), null)).toMatchObject({ ok: false });
    expect(await signIn({ email, password: "compilers before breakfast" }, noHeaders(), null)).toMatchObject({
      ok: true,
    });
  });

  it("writes nothing for an unknown address but answers the same way", async () => {
    const before = fs.existsSync(outboxDir()) ? fs.readdirSync(outboxDir()).length : 0;
    await expect(requestPasswordReset({ email: newEmail() })).resolves.toBeUndefined();
    expect(fs.existsSync(outboxDir()) ? fs.readdirSync(outboxDir()).length : 0).toBe(before);
  });

  it("keeps outbox files private to the server's user", async () => {
    const { email } = await register();
    await requestPasswordReset({ email });
    const newest = fs.readdirSync(outboxDir()).sort().at(-1) as string;
    expect(fs.statSync(path.join(outboxDir(), newest)).mode & 0o777).toBe(0o600);
  });
});

describe("claiming anonymous work", () => {
  it("moves this browser's attempts and plan into the account, once, and never someone else's", async () => {
    const mine = `browser-${randomUUID()}`;
    const theirs = `browser-${randomUUID()}`;
    const attemptId = await finishedAnonymousAttempt(mine);
    const otherAttempt = await finishedAnonymousAttempt(theirs);
    const { userId } = await register();

    expect(await claimAnonymousWork(mine, userId)).toEqual({ attempts: 1, plans: 1 });
    expect(await claimAnonymousWork(mine, userId)).toEqual({ attempts: 0, plans: 0 });
    expect(await findOwnedAttempt(attemptId, userOwner(userId))).not.toBeNull();
    expect(await findOwnedAttempt(attemptId, anonymousOwner(mine))).toBeNull();
    expect(await findPlanIdFor(userOwner(userId), "ai-engineer")).not.toBeNull();
    expect(await findOwnedAttempt(otherAttempt, userOwner(userId))).toBeNull();
    expect(await findOwnedAttempt(otherAttempt, anonymousOwner(theirs))).not.toBeNull();
  });

  it("folds a second browser's plan for the same role into the account's plan, keeping what was done", async () => {
    const { userId } = await register();
    const first = `browser-${randomUUID()}`;
    await finishedAnonymousAttempt(first);
    await claimAnonymousWork(first, userId);
    const second = `browser-${randomUUID()}`;
    await finishedAnonymousAttempt(second);
    const anonymousPlanId = (await findPlanIdFor(anonymousOwner(second), "ai-engineer")) as string;
    const anonymousPlan = await findOwnedPlan(anonymousPlanId, anonymousOwner(second));
    const doneModule = anonymousPlan?.items[0]?.moduleId as string;
    await setPlanItemDone(anonymousPlanId, doneModule, anonymousOwner(second), true);

    await claimAnonymousWork(second, userId);
    const accountPlan = await findOwnedPlan(
      (await findPlanIdFor(userOwner(userId), "ai-engineer")) as string,
      userOwner(userId),
    );
    expect(await db.learningPlan.count({ where: { userId, targetRoleId: "ai-engineer" } })).toBe(1);
    expect(await db.learningPlan.count({ where: { id: anonymousPlanId } })).toBe(0);
    const folded = accountPlan?.items.find((item) => item.moduleId === doneModule);
    if (folded) expect(folded.doneAt).not.toBeNull();
    expect(await db.attempt.count({ where: { userId } })).toBe(2);
  });
});

describe("instance administrators", () => {
  it("admin:grant makes an existing account an administrator and refuses an unknown address", async () => {
    const { email, userId } = await register();
    expect(await grantAdmin(email.toUpperCase())).toBe(true);
    expect(
      (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { isAdmin: true } })).isAdmin,
    ).toBe(true);
    expect(await grantAdmin(newEmail())).toBe(false);
  });
});

describe("profile and deletion", () => {
  it("validates the profile's role", async () => {
    const { userId } = await register();
    expect(
      await updateProfile(userId, { name: "Ada L.", currentRoleId: "no-such-role", hoursPerWeek: 6 }),
    ).toMatchObject({ ok: false, fieldErrors: { currentRoleId: expect.any(String) } });
    expect(
      await updateProfile(userId, { name: "Ada L.", currentRoleId: "data-scientist", hoursPerWeek: 6 }),
    ).toEqual({ ok: true });
    expect(
      await db.user.findUnique({
        where: { id: userId },
        select: { name: true, currentRoleId: true, hoursPerWeek: true },
      }),
    ).toEqual({ name: "Ada L.", currentRoleId: "data-scientist", hoursPerWeek: 6 });
  });

  it("deletes the account with its sessions, attempts, answers, results and plans, after checking the password", async () => {
    const browser = `browser-${randomUUID()}`;
    const attemptId = await finishedAnonymousAttempt(browser);
    const { email, userId } = await register();
    await claimAnonymousWork(browser, userId);
    const headers = await sessionHeaders(email);
    expect(
      await deleteAccount(userId, { password: "not my password", confirm: "delete my account" }, headers),
    ).toMatchObject({ ok: false, fieldErrors: { password: expect.any(String) } });
    expect(await db.user.count({ where: { id: userId } })).toBe(1);

    expect(
      await deleteAccount(userId, { password: PASSWORD, confirm: "delete my account" }, headers),
    ).toEqual({ ok: true });
    expect(await db.user.count({ where: { id: userId } })).toBe(0);
    expect(await db.session.count({ where: { userId } })).toBe(0);
    expect(await db.account.count({ where: { userId } })).toBe(0);
    expect(await db.attempt.count({ where: { id: attemptId } })).toBe(0);
    expect(await db.answer.count({ where: { attemptId } })).toBe(0);
    expect(await db.skillEstimate.count({ where: { attemptId } })).toBe(0);
    expect(await db.learningPlan.count({ where: { userId } })).toBe(0);
    expect(await signIn({ email, password: PASSWORD }, noHeaders(), null)).toMatchObject({
      ok: false,
      status: 401,
    });
  });
});

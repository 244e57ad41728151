import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createCohort } from "@/server/cohorts/cohorts";
import { refuseInvitations } from "@/server/cohorts/invitations";
import { importRoster } from "@/server/cohorts/roster";
import { getSkillsGraph } from "@/server/content-loader";
import { db } from "@/server/db";
import { anonymousOwner, userOwner } from "@/server/identity/owner";
import { reportQuestion } from "@/server/question-reports";
import { RATE_RULES } from "@/server/rate-limit";
import { createShareLink } from "@/server/share-links";
import { createEmailInvitations } from "@/server/teams/invitations";
import { createTeam } from "@/server/teams/teams";
import { createPerson, dontKnowAttempt } from "../factories/people";

const address = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 4)}`;
const emails = (count: number) =>
  Array.from({ length: count }, (_, index) => `x-${index}-${randomUUID().slice(0, 8)}@example.com`).join(
    "\n",
  );

// The invitations queued here are never meant to go out: leave nothing due for other tests.
afterAll(() => db.queuedMail.updateMany({ where: { status: "pending" }, data: { status: "cancelled" } }));

describe("limits on what can be automated", () => {
  it("refuses the 21st problem report in an hour from one anonymous browser, and the 61st from one address", async () => {
    const questionId = [...getSkillsGraph().questions.keys()][0] ?? "";
    const report = { questionId, reason: "typo", details: "" };
    const browser = anonymousOwner(`hash-${randomUUID()}`);
    const network = address();
    for (let count = 0; count < RATE_RULES.reportPerOwner.limit; count++)
      expect(await reportQuestion(report, browser, network)).toEqual({ ok: true });
    const refused = await reportQuestion(report, browser, network);
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/^Too many reports/) });

    // Fresh browsers (or none) from one address: the per-address limit still holds.
    const shared = address();
    for (let count = 0; count < RATE_RULES.reportPerAddress.limit; count++)
      expect(await reportQuestion(report, count % 2 ? null : anonymousOwner(randomUUID()), shared)).toEqual({
        ok: true,
      });
    expect(await reportQuestion(report, null, shared)).toMatchObject({ ok: false });
  });

  it("refuses team invitations past the inviter's daily number, with a field error and nothing written", async () => {
    const owner = await createPerson("Inviter");
    const created = await createTeam(owner.id, { name: "Limits team", targetRoleId: "mlops-engineer" });
    if (!created.ok) throw new Error("team not created");
    const team = { id: created.teamId, name: "Limits team" };
    expect(await createEmailInvitations(team, owner, emails(200))).toEqual({ ok: true, queued: 200 });
    expect(await createEmailInvitations(team, owner, emails(101))).toEqual({
      ok: false,
      fieldErrors: {
        emails: expect.stringMatching(
          /^You can invite at most 300 addresses a day\. Nothing was sent; try again in \d+ hours?\.$/,
        ),
      },
    });
    expect(await db.invitation.count({ where: { teamId: team.id } })).toBe(200);
    // More than 200 in one request is a field error of its own.
    const other = await createPerson("Other inviter");
    expect(await createEmailInvitations(team, other, emails(201))).toEqual({
      ok: false,
      fieldErrors: { emails: "At most 200 addresses at once." },
    });
  });

  it("refuses a roster import past the staff member's daily invitations, importing nothing", async () => {
    const staff = await createPerson("Staff");
    await db.user.update({ where: { id: staff.id }, data: { canCreateCohorts: true } });
    const created = await createCohort(staff, {
      name: "Limits cohort",
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
      targetRoleId: "mlops-engineer",
      timeZone: "UTC",
    });
    if (!created.ok) throw new Error("cohort not created");
    expect(await refuseInvitations(staff, RATE_RULES.cohortInvitesPerStaff.limit)).toBeNull();
    const outcome = await importRoster(
      { id: created.cohortId, name: "Limits cohort" },
      staff,
      `name,email\nAda,ada-${randomUUID()}@example.com\n`,
    );
    expect(outcome).toEqual({
      ok: false,
      fieldErrors: {
        roster: expect.stringMatching(/^You can send at most 2500 invitations a day\. Nothing was sent/),
      },
    });
    expect(await db.enrollment.count({ where: { cohortId: created.cohortId, role: "learner" } })).toBe(0);
  });

  it("refuses the 31st share link a user creates in an hour", async () => {
    const user = await createPerson("Sharer");
    const attemptId = await dontKnowAttempt(userOwner(user.id), { to: "ai-engineer", answers: 1 });
    for (let count = 0; count < RATE_RULES.shareLinksPerUser.limit; count++)
      expect(await createShareLink(user.id, "results", attemptId)).toMatchObject({ ok: true });
    expect(await createShareLink(user.id, "results", attemptId)).toMatchObject({
      ok: false,
      reason: "rate-limited",
      refusal: { allowed: false, rule: "share-link:user" },
    });
    expect(await db.shareLink.count({ where: { userId: user.id } })).toBe(RATE_RULES.shareLinksPerUser.limit);
  });
});

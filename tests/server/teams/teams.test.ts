import { randomUUID } from "node:crypto";
import { outboxDir } from "@/server/auth/mail";
import { sendDueMail } from "@/server/mail-queue";
import { lastMailTo } from "../../support/outbox";
import { createPerson, dontKnowAttempt } from "../../factories/people";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { userOwner } from "@/server/identity/owner";
import { loadResults } from "@/server/results";
import { dashboardCsv, listViewsOfMe, loadTeamDashboard } from "@/server/teams/dashboard";
import {
  acceptInvitation,
  createEmailInvitations,
  createLinkInvitation,
  resolveInvitation,
  revokeInvitation,
} from "@/server/teams/invitations";
import { findOpenRound, openNextRound } from "@/server/teams/rounds";
import { exportUserData } from "@/server/data-export";
import { addMember, createTeam, removeMember, updateConsent } from "@/server/teams/teams";

const TARGET = "mlops-engineer";

/** A person with a unique display name (the CSV checks look names up). */
const person = (label = "Member") => createPerson(`${label} ${randomUUID().slice(0, 6)}`);

async function newTeam() {
  const owner = await person("Owner");
  const created = await createTeam(owner.id, {
    name: `Team ${randomUUID().slice(0, 6)}`,
    targetRoleId: TARGET,
  });
  if (!created.ok) throw new Error("team not created");
  return { owner, teamId: created.teamId };
}

/** A finished team attempt in the open round: two "don't know" answers, then finish. */
async function teamAttempt(teamId: string, userId: string): Promise<string> {
  const round = await findOpenRound(teamId);
  return dontKnowAttempt(userOwner(userId), {
    to: TARGET,
    context: { teamId, teamRoundId: round?.id ?? null },
  });
}

async function teamWith(
  count: number,
  consent: (index: number) => { allowAggregate: boolean; allowIndividual: boolean },
) {
  const { owner, teamId } = await newTeam();
  const members = [];
  for (let index = 0; index < count; index++) {
    const member = await person();
    await addMember(teamId, member.id);
    await updateConsent(teamId, member.id, consent(index));
    await teamAttempt(teamId, member.id);
    members.push(member);
  }
  return { owner, teamId, members, team: { id: teamId, targetRoleId: TARGET } };
}

const everyoneAggregates = () => ({ allowAggregate: true, allowIndividual: false });

describe("team aggregates and consent", () => {
  it("shows no numbers with four contributors and shows them with five", async () => {
    const { owner, team, members } = await teamWith(4, everyoneAggregates);
    expect((await loadTeamDashboard(team, owner)).aggregate).toEqual({ kind: "suppressed", minimum: 5 });
    const fifth = await person();
    await addMember(team.id, fifth.id);
    await teamAttempt(team.id, fifth.id);
    const shown = (await loadTeamDashboard(team, owner)).aggregate;
    expect(shown.kind === "shown" && shown.contributors).toBe(5);
    expect(members).toHaveLength(4);
  });

  it("leaves out members who turned aggregation off, from the next request on", async () => {
    const { owner, team, members } = await teamWith(6, everyoneAggregates);
    expect((await loadTeamDashboard(team, owner)).aggregate).toMatchObject({
      kind: "shown",
      contributors: 6,
    });
    await updateConsent(team.id, (members[0] as { id: string }).id, {
      allowAggregate: false,
      allowIndividual: false,
    });
    expect((await loadTeamDashboard(team, owner)).aggregate).toMatchObject({
      kind: "shown",
      contributors: 5,
    });
    await updateConsent(team.id, (members[1] as { id: string }).id, {
      allowAggregate: false,
      allowIndividual: false,
    });
    expect((await loadTeamDashboard(team, owner)).aggregate).toEqual({ kind: "suppressed", minimum: 5 });
  });

  it("shows individual rows and CSV lines only for members who chose to share, and logs every such view", async () => {
    const { owner, team, members } = await teamWith(6, (index) => ({
      allowAggregate: true,
      allowIndividual: index < 2,
    }));
    const dashboard = await loadTeamDashboard(team, owner);
    expect(dashboard.individuals.map((row) => row.userId).sort()).toEqual(
      members
        .slice(0, 2)
        .map((member) => member.id)
        .sort(),
    );
    const csv = dashboardCsv(dashboard);
    for (const [index, member] of members.entries()) expect(csv.includes(member.name)).toBe(index < 2);
    const sharer = members[0] as { id: string };
    const log = await listViewsOfMe(team.id, sharer.id);
    expect(log).toHaveLength(1);
    expect(log[0]?.viewerName).toBe(owner.name);
    expect(await listViewsOfMe(team.id, (members[3] as { id: string }).id)).toEqual([]);
  });

  it("forgets a deleted account in every aggregate and export", async () => {
    const { owner, team, members } = await teamWith(6, () => ({
      allowAggregate: true,
      allowIndividual: true,
    }));
    const leaving = members[0] as { id: string; name: string };
    await db.user.delete({ where: { id: leaving.id } });
    const dashboard = await loadTeamDashboard(team, owner);
    expect(dashboard.aggregate).toMatchObject({ kind: "shown", contributors: 5 });
    expect(dashboardCsv(dashboard)).not.toContain(leaving.name);
  });

  it("keeps a removed member's own results with them", async () => {
    const { team, members } = await teamWith(1, everyoneAggregates);
    const member = members[0] as { id: string };
    const attemptId = (
      await db.attempt.findFirstOrThrow({
        where: { userId: member.id, teamId: team.id },
        select: { id: true },
      })
    ).id;
    expect(await removeMember(team.id, member.id)).toBe(true);
    expect(await loadResults(attemptId, userOwner(member.id))).not.toBeNull();
  });
});

describe("rounds", () => {
  it("hide a team attempt's answer keys until the round closes", async () => {
    const { teamId } = await newTeam();
    const member = await person();
    await addMember(teamId, member.id);
    const attemptId = await teamAttempt(teamId, member.id);
    const open = await loadResults(attemptId, userOwner(member.id));
    expect(open).toMatchObject({ isReviewWithheld: true, review: [] });
    expect(JSON.stringify(open)).not.toContain("isKey");
    // No per-answer effect either: "raised"/"lowered" would say which answers were right.
    expect([...(open?.required ?? []), ...(open?.other ?? [])].every((row) => row.movedBy.length === 0)).toBe(
      true,
    );
    const exportedOpen = (await exportUserData(member.id))?.attempts.find(
      (attempt) => attempt.id === attemptId,
    );
    expect(exportedOpen?.isReviewWithheld).toBe(true);
    expect(exportedOpen?.answers.length).toBeGreaterThan(0);
    expect(
      exportedOpen?.answers.every((answer) => answer.isCorrect === null && answer.chosenOptionIds === null),
    ).toBe(true);
    await openNextRound(teamId, "Round 2");
    const closed = await loadResults(attemptId, userOwner(member.id));
    expect(closed?.isReviewWithheld).toBe(false);
    expect(closed?.review.length).toBeGreaterThan(0);
    const exportedClosed = (await exportUserData(member.id))?.attempts.find(
      (attempt) => attempt.id === attemptId,
    );
    expect(
      exportedClosed?.answers.every(
        (answer) => typeof answer.isCorrect === "boolean" && Array.isArray(answer.chosenOptionIds),
      ),
    ).toBe(true);
  });
});

describe("invitations", () => {
  it("a link invitation lets people join until it is revoked", async () => {
    const { owner, teamId } = await newTeam();
    const { path } = await createLinkInvitation(teamId, owner.id);
    const token = path.split("/").at(-1) as string;
    const first = await person();
    expect(await acceptInvitation(token, first)).toEqual({ ok: true, teamId });
    const invitation = await db.invitation.findFirstOrThrow({
      where: { teamId, kind: "link" },
      select: { id: true, tokenHash: true },
    });
    expect(invitation.tokenHash).not.toContain(token);
    await revokeInvitation(teamId, invitation.id);
    expect(await acceptInvitation(token, await person())).toMatchObject({ ok: false });
    expect(await db.membership.count({ where: { teamId } })).toBe(2);
  });

  it("an email invitation works once, only for its address, and a bad list sends nothing", async () => {
    const { owner, teamId } = await newTeam();
    const invitee = await person("Invitee");
    expect(
      await createEmailInvitations({ id: teamId, name: "T" }, owner, `${invitee.email}\nnot-an-address`),
    ).toMatchObject({ ok: false, fieldErrors: { emails: expect.stringContaining("line 2") } });
    expect(await db.invitation.count({ where: { teamId } })).toBe(0);
    expect(await createEmailInvitations({ id: teamId, name: "T" }, owner, invitee.email)).toEqual({
      ok: true,
      queued: 1,
    });
    // The token exists only in the mail (the outbox transport in tests), once the queue sent it.
    await sendDueMail();
    const mail = lastMailTo(outboxDir(), invitee.email)?.text ?? "";
    const token = /\/teams\/join\/([A-Za-z0-9_-]+)/.exec(mail)?.[1] as string;
    expect(token).toBeTruthy();
    expect(await acceptInvitation(token, await person("Someone else"))).toMatchObject({
      ok: false,
      message: expect.stringContaining("another address"),
    });
    expect(await acceptInvitation(token, invitee)).toEqual({ ok: true, teamId });
    expect(await acceptInvitation(token, invitee)).toMatchObject({ ok: false });
  });

  it("an expired invitation resolves to nothing", async () => {
    const { owner, teamId } = await newTeam();
    const { path } = await createLinkInvitation(
      teamId,
      owner.id,
      new Date(Date.now() - 30 * 24 * 60 * 60 * 1000),
    );
    expect(await resolveInvitation(path.split("/").at(-1) as string)).toBeNull();
  });
});

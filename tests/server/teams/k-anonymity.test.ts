import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { env } from "@/env";
import { db } from "@/server/db";
import { userOwner } from "@/server/identity/owner";
import { countContributors, loadTeamDashboard } from "@/server/teams/dashboard";
import { acceptInvitation, createEmailInvitations, createLinkInvitation } from "@/server/teams/invitations";
import { findOpenRound, openNextRound } from "@/server/teams/rounds";
import {
  addMember,
  createTeam,
  listMembers,
  setEmailDomains,
  setMemberRole,
  updateConsent,
} from "@/server/teams/teams";
import { dontKnowAttempt } from "../../factories/people";

/**
 * Decision 007's k = 5 against a manager who controls accounts: the numbers count only members
 * who cannot see them, inside the team's email domains, verified when mail is sent.
 */
const TARGET = "mlops-engineer";

async function account(label: string, domain = "example.com", emailVerified = false) {
  const id = `u-${randomUUID()}`;
  const email = `${label.toLowerCase().replace(/\W+/g, "-")}-${id}@${domain}`;
  const name = `${label} ${id.slice(2, 8)}`;
  await db.user.create({ data: { id, name, email, emailVerified } });
  return { id, name, email };
}

async function teamAttempt(teamId: string, userId: string): Promise<string> {
  const round = await findOpenRound(teamId);
  return dontKnowAttempt(userOwner(userId), {
    to: TARGET,
    context: { teamId, teamRoundId: round?.id ?? null },
  });
}

async function newTeam() {
  const owner = await account("Owner");
  const created = await createTeam(owner.id, {
    name: `Team ${randomUUID().slice(0, 6)}`,
    targetRoleId: TARGET,
  });
  if (!created.ok) throw new Error("team not created");
  return { owner, teamId: created.teamId, team: { id: created.teamId, targetRoleId: TARGET } };
}

const tokenOf = (path: string) => path.split("/").at(-1) as string;

/** `count` members with finished team attempts who allow aggregation. */
async function contributors(teamId: string, count: number, domain = "example.com", emailVerified = false) {
  const people = [];
  for (let index = 0; index < count; index++) {
    const member = await account("Member", domain, emailVerified);
    await addMember(teamId, member.id, "email");
    await teamAttempt(teamId, member.id);
    people.push(member);
  }
  return people;
}

describe("k = 5 against accounts a manager controls", () => {
  it("suppresses the numbers for a manager's own attempt plus three made-up link accounts plus one non-consenting member", async () => {
    const { owner, teamId, team } = await newTeam();
    // The manager: a team manager who took the team assessment themselves.
    const manager = await account("Manager");
    await addMember(teamId, manager.id, "email");
    expect(await setMemberRole(teamId, manager.id, "manager")).toBe(true);
    await teamAttempt(teamId, manager.id);
    // Three accounts the manager made, joined through the reusable link, each with a finished attempt.
    const { path } = await createLinkInvitation(teamId, manager.id);
    const fakes = [];
    for (let index = 0; index < 3; index++) {
      const fake = await account(`Fake ${index + 1}`);
      expect(await acceptInvitation(tokenOf(path), fake)).toEqual({ ok: true, teamId });
      await teamAttempt(teamId, fake.id);
      fakes.push(fake);
    }
    // The target: counts in the aggregates, never shows individual results.
    const victim = await account("Victim");
    await addMember(teamId, victim.id, "email");
    await updateConsent(teamId, victim.id, { allowAggregate: true, allowIndividual: false });
    await teamAttempt(teamId, victim.id);

    for (const viewer of [manager, owner]) {
      const dashboard = await loadTeamDashboard(team, viewer);
      expect(dashboard.aggregate).toEqual({ kind: "suppressed", minimum: 5 });
      expect(dashboard.trend.map((round) => round.aggregate.kind)).toEqual(["suppressed"]);
      expect(dashboard.individuals).toEqual([]);
      expect(dashboard.contributorCount).toBe(4);
    }

    // What every member sees: the three link accounts and who manages, and four contributors.
    const members = await listMembers(teamId);
    expect(members.filter((member) => member.joinedVia === "link").map((member) => member.name)).toEqual(
      fakes.map((fake) => fake.name),
    );
    expect(members.find((member) => member.userId === manager.id)).toMatchObject({
      role: "manager",
      exclusion: "manages-team",
    });
    expect(members.find((member) => member.userId === owner.id)).toMatchObject({
      role: "owner",
      joinedVia: "created",
      exclusion: "manages-team",
    });
    expect(JSON.stringify(members)).not.toMatch(/allowAggregate|allowIndividual|@/);
    expect(await countContributors(teamId)).toBe(4);

    // A fifth real member who may count brings the numbers back — without the manager's attempt.
    await contributors(teamId, 1);
    const shown = (await loadTeamDashboard(team, owner)).aggregate;
    expect(shown).toMatchObject({ kind: "shown", contributors: 5 });
  });

  it("stops counting a member who is made a manager, from the next request on", async () => {
    const { owner, teamId, team } = await newTeam();
    const people = await contributors(teamId, 5);
    expect((await loadTeamDashboard(team, owner)).aggregate).toMatchObject({
      kind: "shown",
      contributors: 5,
    });
    await setMemberRole(teamId, (people[0] as { id: string }).id, "manager");
    expect((await loadTeamDashboard(team, owner)).aggregate).toEqual({ kind: "suppressed", minimum: 5 });
  });
});

describe("email domains", () => {
  it("refuses joining through the link or an email invitation with an address outside the team's domains", async () => {
    const { owner, teamId } = await newTeam();
    expect(await setEmailDomains(teamId, "@Example.org, staff.example.org")).toEqual({
      ok: true,
      domains: ["example.org", "staff.example.org"],
    });
    const { path } = await createLinkInvitation(teamId, owner.id);
    const outsider = await account("Outsider", "example.com");
    expect(await acceptInvitation(tokenOf(path), outsider)).toEqual({
      ok: false,
      message: expect.stringContaining("only addresses at example.org, staff.example.org"),
    });
    // A subdomain that is not listed is outside too.
    const sub = await account("Sub", "eu.example.org");
    expect(await acceptInvitation(tokenOf(path), sub)).toMatchObject({ ok: false });
    const insider = await account("Insider", "staff.example.org");
    expect(await acceptInvitation(tokenOf(path), insider)).toEqual({ ok: true, teamId });

    // An email invitation to an outside address cannot be accepted either, and stays unused.
    const token = randomUUID().replaceAll("-", "") + randomUUID().replaceAll("-", "");
    const { createHash } = await import("node:crypto");
    await db.invitation.create({
      data: {
        teamId,
        kind: "email",
        email: outsider.email,
        tokenHash: createHash("sha256").update(token).digest("hex"),
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    expect(await acceptInvitation(token, outsider)).toMatchObject({
      ok: false,
      message: expect.stringContaining("only addresses at"),
    });
    expect(await db.invitation.count({ where: { teamId, kind: "email", usedAt: { not: null } } })).toBe(0);
    expect((await listMembers(teamId)).map((member) => member.userId).sort()).toEqual(
      [owner.id, insider.id].sort(),
    );
  });

  it("refuses to invite by email an address outside the team's domains, and sends nothing", async () => {
    const { owner, teamId } = await newTeam();
    await setEmailDomains(teamId, "example.org");
    const team = { id: teamId, name: "Domain team" };
    const before = await db.queuedMail.count();
    expect(
      await createEmailInvitations(
        team,
        { id: owner.id, name: owner.name },
        "ada@example.org\nbob@example.com",
      ),
    ).toEqual({
      ok: false,
      fieldErrors: { emails: expect.stringContaining("only addresses at example.org, not bob@example.com") },
    });
    expect(await db.invitation.count({ where: { teamId, kind: "email" } })).toBe(0);
    expect(await db.queuedMail.count()).toBe(before);
    expect(
      await createEmailInvitations(team, { id: owner.id, name: owner.name }, "ada@example.org"),
    ).toMatchObject({ ok: true });
  });

  it("keeps members outside newly set domains, marks them, and leaves them out of the numbers", async () => {
    const { owner, teamId, team } = await newTeam();
    await contributors(teamId, 4, "example.org");
    const [outside] = await contributors(teamId, 1, "example.com");
    expect((await loadTeamDashboard(team, owner)).aggregate).toMatchObject({
      kind: "shown",
      contributors: 5,
    });
    await setEmailDomains(teamId, "example.org");
    expect((await loadTeamDashboard(team, owner)).aggregate).toEqual({ kind: "suppressed", minimum: 5 });
    const members = await listMembers(teamId);
    expect(members).toHaveLength(6);
    expect(members.find((member) => member.userId === outside?.id)?.exclusion).toBe("outside-domains");
    // Clearing the domains admits everyone again.
    expect(await setEmailDomains(teamId, "  ")).toEqual({ ok: true, domains: [] });
    expect((await loadTeamDashboard(team, owner)).aggregate).toMatchObject({
      kind: "shown",
      contributors: 5,
    });
  });

  it("refuses a list with something that is not a domain, and changes nothing", async () => {
    const { teamId } = await newTeam();
    await setEmailDomains(teamId, "example.org");
    expect(await setEmailDomains(teamId, "example.org, not a domain!")).toEqual({
      ok: false,
      fieldErrors: { emailDomains: expect.stringContaining("“not” is not a domain") },
    });
    expect((await db.team.findUniqueOrThrow({ where: { id: teamId } })).emailDomains).toBe("example.org");
  });
});

describe("verified addresses when mail is sent", () => {
  const original = env.SMTP_URL;
  afterEach(() => {
    (env as { SMTP_URL?: string }).SMTP_URL = original;
  });

  it("counts only members whose address is verified once SMTP is configured", async () => {
    const { owner, teamId, team } = await newTeam();
    await contributors(teamId, 4, "example.com", true);
    const [unverified] = await contributors(teamId, 1, "example.com", false);
    expect((await loadTeamDashboard(team, owner)).aggregate).toMatchObject({
      kind: "shown",
      contributors: 5,
    });

    (env as { SMTP_URL?: string }).SMTP_URL = "smtp://mail.invalid:25";
    expect((await loadTeamDashboard(team, owner)).aggregate).toEqual({ kind: "suppressed", minimum: 5 });
    expect((await listMembers(teamId)).find((member) => member.userId === unverified?.id)?.exclusion).toBe(
      "email-unverified",
    );
    await db.user.update({ where: { id: unverified?.id }, data: { emailVerified: true } });
    expect((await loadTeamDashboard(team, owner)).aggregate).toMatchObject({
      kind: "shown",
      contributors: 5,
    });
  });
});

describe("the trend", () => {
  it("counts each member's latest attempt per round, and the overall numbers from the latest of all", async () => {
    const { owner, teamId, team } = await newTeam();
    const people = await contributors(teamId, 6);
    await openNextRound(teamId, "Round 2");
    for (const member of people.slice(0, 4)) await teamAttempt(teamId, member.id);
    // A second attempt in the same round replaces the first in that round.
    await teamAttempt(teamId, (people[0] as { id: string }).id);
    const dashboard = await loadTeamDashboard(team, owner);
    expect(
      dashboard.trend.map((round) => [
        round.name,
        round.aggregate.kind === "shown" ? round.aggregate.contributors : round.aggregate.kind,
      ]),
    ).toEqual([
      ["Round 1", 6],
      ["Round 2", "suppressed"],
    ]);
    expect(dashboard.aggregate).toMatchObject({ kind: "shown", contributors: 6 });
    await contributors(teamId, 1);
    expect(
      (await loadTeamDashboard(team, owner)).trend.map((round) =>
        round.aggregate.kind === "shown" ? round.aggregate.contributors : round.aggregate.kind,
      ),
    ).toEqual([6, 5]);
  });
});

import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { deleteAccount, signUp } from "@/server/accounts";
import { getAuth } from "@/server/auth/auth";
import { closeCohort, createCohort } from "@/server/cohorts/cohorts";
import { db } from "@/server/db";
import {
  addMember,
  createTeam,
  listSolelyOwnedTeams,
  setMemberRole,
  transferOwnership,
} from "@/server/teams/teams";

/**
 * Deleting the only owner of a team (or the only staff member of an open cohort) would leave it
 * with nobody to run it: deletion is refused (409, naming them) until it is handed over, and what
 * has nobody else in it goes with the account.
 */
const PASSWORD = "correct horse battery staple";
const CONFIRM = { password: PASSWORD, confirm: "delete my account" as const };

async function register(name = "Ada") {
  const email = `person-${randomUUID()}@example.com`;
  const result = await signUp({ name, email, password: PASSWORD }, new Headers(), null);
  if (!result.ok) throw new Error(JSON.stringify(result));
  const { headers } = await getAuth().api.signInEmail({
    body: { email, password: PASSWORD },
    headers: new Headers(),
    returnHeaders: true,
  });
  const cookie = headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  return { id: result.userId, email, name, headers: new Headers({ cookie }) };
}

async function teamOf(ownerId: string, name: string) {
  const created = await createTeam(ownerId, { name, targetRoleId: "mlops-engineer" });
  if (!created.ok) throw new Error("team not created");
  return created.teamId;
}

const roleIn = async (teamId: string, userId: string) =>
  (await db.membership.findUnique({ where: { teamId_userId: { teamId, userId } }, select: { role: true } }))
    ?.role ?? null;

describe("deleting an account that alone owns a team", () => {
  it("is refused with 409 naming the team, and nothing is deleted", async () => {
    const owner = await register("Owner");
    const teamName = `Team ${randomUUID().slice(0, 6)}`;
    const teamId = await teamOf(owner.id, teamName);
    const member = await register("Member");
    await addMember(teamId, member.id, "link");

    expect(await deleteAccount(owner.id, CONFIRM, owner.headers)).toEqual({
      ok: false,
      status: 409,
      message: expect.stringContaining(`hand over ownership of “${teamName}”`),
    });
    expect(await db.user.count({ where: { id: owner.id } })).toBe(1);
    expect(await roleIn(teamId, owner.id)).toBe("owner");
  });

  it("suggests the longest-standing manager, and after handing over the account goes and the new owner runs the team", async () => {
    const owner = await register("Owner");
    const teamId = await teamOf(owner.id, `Team ${randomUUID().slice(0, 6)}`);
    const plain = await register("Plain");
    const firstManager = await register("First manager");
    const secondManager = await register("Second manager");
    for (const person of [plain, firstManager, secondManager]) await addMember(teamId, person.id, "link");
    await setMemberRole(teamId, secondManager.id, "manager");
    await setMemberRole(teamId, firstManager.id, "manager");
    const [team] = await listSolelyOwnedTeams(owner.id);
    expect(team?.candidates.map((candidate) => candidate.userId)).toEqual([
      plain.id,
      firstManager.id,
      secondManager.id,
    ]);
    expect(team?.suggestedUserId).toBe(firstManager.id);

    // Someone who is not in the team cannot take it over.
    expect(await transferOwnership(teamId, owner.id, (await register("Stranger")).id)).toBe(false);
    expect(await roleIn(teamId, owner.id)).toBe("owner");

    expect(await transferOwnership(teamId, owner.id, plain.id)).toBe(true);
    expect(await roleIn(teamId, plain.id)).toBe("owner");
    expect(await roleIn(teamId, owner.id)).toBe("manager");
    expect(await deleteAccount(owner.id, CONFIRM, owner.headers)).toEqual({ ok: true });
    expect(await db.user.count({ where: { id: owner.id } })).toBe(0);
    // The new owner manages: promotes a member, and is the only owner left.
    expect(await setMemberRole(teamId, firstManager.id, "member")).toBe(true);
    expect(await listSolelyOwnedTeams(plain.id)).toMatchObject([{ teamId }]);
  });

  it("deletes a team with nobody else in it together with the account", async () => {
    const owner = await register("Owner");
    const teamId = await teamOf(owner.id, `Team ${randomUUID().slice(0, 6)}`);
    expect(await deleteAccount(owner.id, CONFIRM, owner.headers)).toEqual({ ok: true });
    expect(await db.team.count({ where: { id: teamId } })).toBe(0);
  });

  it("does not block while another owner remains", async () => {
    const owner = await register("Owner");
    const teamId = await teamOf(owner.id, `Team ${randomUUID().slice(0, 6)}`);
    const coOwner = await register("Co-owner");
    await addMember(teamId, coOwner.id, "link");
    await db.membership.updateMany({ where: { teamId, userId: coOwner.id }, data: { role: "owner" } });
    expect(await deleteAccount(owner.id, CONFIRM, owner.headers)).toEqual({ ok: true });
    expect(await roleIn(teamId, coOwner.id)).toBe("owner");
  });
});

describe("deleting an account that alone staffs a cohort", () => {
  const dates = {
    startsOn: "2026-01-01",
    endsOn: "2026-12-31",
    targetRoleId: "ai-engineer",
    timeZone: "UTC",
  };

  it("is refused while an open cohort has learners and no other joined staff, and allowed once one joins", async () => {
    const staff = await register("Staff");
    const name = `Cohort ${randomUUID().slice(0, 6)}`;
    const created = await createCohort(staff, { name, ...dates });
    if (!created.ok) throw new Error("cohort not created");
    const learner = await register("Learner");
    await db.enrollment.create({
      data: {
        cohortId: created.cohortId,
        email: learner.email,
        name: "Learner",
        role: "learner",
        userId: learner.id,
      },
    });
    // Invited staff who have not joined cannot run it yet.
    await db.enrollment.create({
      data: {
        cohortId: created.cohortId,
        email: `later-${randomUUID()}@example.com`,
        name: "Later",
        role: "staff",
      },
    });
    expect(await deleteAccount(staff.id, CONFIRM, staff.headers)).toEqual({
      ok: false,
      status: 409,
      message: expect.stringContaining(`add another staff member who has joined to “${name}”`),
    });
    await db.enrollment.updateMany({
      where: { cohortId: created.cohortId, userId: learner.id },
      data: { role: "staff" },
    });
    expect(await deleteAccount(staff.id, CONFIRM, staff.headers)).toEqual({ ok: true });
    expect(await db.cohort.count({ where: { id: created.cohortId } })).toBe(1);
  });

  it("never blocks on a closed cohort, and deletes an open cohort nobody else is in", async () => {
    const staff = await register("Staff");
    const closed = await createCohort(staff, { name: "Closed", ...dates });
    const empty = await createCohort(staff, { name: "Empty", ...dates });
    if (!closed.ok || !empty.ok) throw new Error("cohort not created");
    await db.enrollment.create({
      data: { cohortId: closed.cohortId, email: `l-${randomUUID()}@example.com`, name: "L", role: "learner" },
    });
    await closeCohort(closed.cohortId);
    expect(await deleteAccount(staff.id, CONFIRM, staff.headers)).toEqual({ ok: true });
    expect(await db.cohort.count({ where: { id: closed.cohortId } })).toBe(1);
    expect(await db.cohort.count({ where: { id: empty.cohortId } })).toBe(0);
  });
});

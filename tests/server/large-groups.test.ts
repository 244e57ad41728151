import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { setAssessmentWindow, findCohortAssessment } from "@/server/cohorts/assessment";
import { addRule, applyRules, previewRules } from "@/server/cohorts/assignments";
import { loadCohortDashboard } from "@/server/cohorts/dashboard";
import { importRoster } from "@/server/cohorts/roster";
import { getSkillsGraph } from "@/server/content-loader";
import { db } from "@/server/db";
import { countContributors, loadTeamDashboard } from "@/server/teams/dashboard";
import { createTeam } from "@/server/teams/teams";
import { createStaffedCohort } from "../factories/cohorts";
import { createPerson } from "../factories/people";

/**
 * SQLite binds at most 999 values per statement, and Prisma splits only a lone `in` list. A
 * cohort roster may hold 2,000 people, and a team has no upper bound: every query over their ids
 * must work past a thousand. (Before the id lists were chunked, each of these failed with P2029.)
 */
const MANY = 1_100;
const TARGET = "mlops-engineer";
const HOUR = 60 * 60 * 1000;

/** `count` accounts written in bulk (the people factory makes one at a time, far too slow here). */
async function bulkUsers(count: number): Promise<string[]> {
  const stamp = randomUUID().slice(0, 8);
  const users = Array.from({ length: count }, (_, index) => ({
    id: `bulk-${stamp}-${index}`,
    name: `Person ${index}`,
    email: `person-${index}-${stamp}@example.com`,
  }));
  await db.user.createMany({ data: users });
  return users.map((user) => user.id);
}

/** A finished attempt with every required skill at level 0 (P(meets) near 0). */
function finishedAttempt(userId: string, context: { teamId?: string; cohortAssessmentId?: string }) {
  const role = getSkillsGraph().roles.get(TARGET);
  const id = `att-${randomUUID()}`;
  return {
    attempt: {
      id,
      userId,
      targetRoleId: TARGET,
      contentHash: "bulk",
      engineSeed: 1,
      status: "completed",
      completedAt: new Date(),
      readiness: 0.02,
      ...context,
    },
    estimates: (role?.requires ?? []).map((requirement) => ({
      attemptId: id,
      skillId: requirement.skill,
      mean: -2,
      sd: 0.5,
      band: 0,
      targetLevel: requirement.level,
      pMeets: 0.01,
      isAssessed: true,
      answerCount: 1,
    })),
  };
}

async function writeAttempts(rows: ReturnType<typeof finishedAttempt>[]) {
  await db.attempt.createMany({ data: rows.map((row) => row.attempt) });
  await db.skillEstimate.createMany({ data: rows.flatMap((row) => row.estimates) });
}

/** A cohort for the target role, created by staff allowed to. */
const newCohort = () => createStaffedCohort(TARGET, { namePrefix: "Big" });

// Thousands of statements per test: on PostgreSQL each is a round trip to the server, so allow
// more than the default 20 s on a busy machine.
describe("groups past a thousand people", { timeout: 90_000 }, () => {
  it("imports a roster of 1,100 learners, and importing it again updates them all", async () => {
    const { staff, cohort } = await newCohort();
    const roster =
      "name,email\n" +
      Array.from({ length: MANY }, (_, index) => `Learner ${index},l${index}@big.example`).join("\n");
    expect(await importRoster(cohort, staff, roster)).toEqual({ ok: true, added: MANY, updated: 0 });
    expect(await importRoster(cohort, staff, roster)).toEqual({ ok: true, added: 0, updated: MANY });
    expect(await db.enrollment.count({ where: { cohortId: cohort.id } })).toBe(MANY + 1);
  });

  it("shows the dashboard of a 1,100-learner cohort and applies its rules to every learner", async () => {
    const { cohort } = await newCohort();
    await setAssessmentWindow(cohort.id, new Date(Date.now() - HOUR), new Date(Date.now() + HOUR));
    const window = await findCohortAssessment(cohort.id);
    const learners = await bulkUsers(MANY);
    await db.enrollment.createMany({
      data: learners.map((userId, index) => ({
        cohortId: cohort.id,
        email: `l${index}-${userId}@big.example`,
        name: `Learner ${index}`,
        role: "learner",
        userId,
        joinedAt: new Date(),
      })),
    });
    await writeAttempts(
      learners.map((userId) => finishedAttempt(userId, { cohortAssessmentId: window?.id ?? "" })),
    );
    const requirement = getSkillsGraph().roles.get(TARGET)?.requires[0];
    const assigned = [...getSkillsGraph().modules.values()].find(
      (entry) => entry.skills[0]?.skill === requirement?.skill,
    );
    if (!requirement || !assigned) throw new Error("no module for the target role");
    expect(
      await addRule(cohort.id, {
        skillId: requirement.skill,
        condition: "belowLevel",
        threshold: 4,
        moduleId: assigned.id,
        dueDays: 14,
      }),
    ).toEqual({ ok: true });

    expect(await previewRules(cohort)).toEqual({ modules: MANY, learners: MANY });
    expect(await applyRules(cohort)).toEqual({ modules: MANY, learners: MANY });
    expect(await previewRules(cohort)).toEqual({ modules: 0, learners: 0 });

    const dashboard = await loadCohortDashboard(cohort);
    expect(dashboard.learners).toHaveLength(MANY);
    expect(dashboard.learners.every((learner) => learner.status === "finished")).toBe(true);
    expect(await db.planItem.count({ where: { cohortId: cohort.id, moduleId: assigned.id } })).toBe(MANY);
  });

  it("shows the numbers of a 1,100-member team", async () => {
    const owner = await createPerson("Owner");
    const created = await createTeam(owner.id, {
      name: `Big ${randomUUID().slice(0, 6)}`,
      targetRoleId: TARGET,
    });
    if (!created.ok) throw new Error("team not created");
    const team = { id: created.teamId, targetRoleId: TARGET };
    const members = await bulkUsers(MANY);
    await db.membership.createMany({
      data: members.map((userId) => ({ teamId: team.id, userId, role: "member", joinedVia: "link" })),
    });
    await writeAttempts(members.map((userId) => finishedAttempt(userId, { teamId: team.id })));

    expect(await countContributors(team.id)).toBe(MANY);
    const dashboard = await loadTeamDashboard(team, owner);
    expect(dashboard.contributorCount).toBe(MANY);
    expect(dashboard.aggregate).toMatchObject({ kind: "shown", contributors: MANY, readyCount: 0 });
    if (dashboard.aggregate.kind !== "shown") throw new Error("suppressed");
    for (const skill of dashboard.aggregate.skills) expect(skill.blocked).toBe(MANY);
  });
});

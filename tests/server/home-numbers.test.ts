import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { assignManually } from "@/server/cohorts/assignments";
import { findCohortAssessment, setAssessmentWindow } from "@/server/cohorts/assessment";
import { loadCohortDashboard, summarizeStaffedCohorts } from "@/server/cohorts/dashboard";
import { getSkillsGraph } from "@/server/content-loader";
import { db } from "@/server/db";
import { userOwner } from "@/server/identity/owner";
import { findPlanIdFor, setPlanItemDone } from "@/server/plans";
import { loadTeamDashboard, summarizeManagedTeams } from "@/server/teams/dashboard";
import { findOpenRound } from "@/server/teams/rounds";
import { addMember, createTeam, setMemberRole, updateConsent } from "@/server/teams/teams";
import { createStaffedCohort } from "../factories/cohorts";
import { createPerson, dontKnowAttempt } from "../factories/people";

/**
 * The key numbers on the home of people who manage teams or staff cohorts: the same numbers their
 * dashboards show, never more (k = 5 hides the ready share exactly where the dashboard hides it).
 */
const TARGET = "mlops-engineer";
const HOUR = 60 * 60 * 1000;

async function newTeam(owner: { id: string }) {
  const created = await createTeam(owner.id, {
    name: `Team ${randomUUID().slice(0, 6)}`,
    targetRoleId: TARGET,
  });
  if (!created.ok) throw new Error("team not created");
  return created.teamId;
}

/** A consenting member with a finished team attempt; `ready` makes every core skill likely met. */
async function contributor(teamId: string, ready = false): Promise<string> {
  const member = await createPerson("Member");
  await addMember(teamId, member.id, "email");
  await updateConsent(teamId, member.id, { allowAggregate: true, allowIndividual: false });
  const round = await findOpenRound(teamId);
  const attemptId = await dontKnowAttempt(userOwner(member.id), {
    to: TARGET,
    context: { teamId, teamRoundId: round?.id ?? null },
  });
  if (ready) await db.skillEstimate.updateMany({ where: { attemptId }, data: { pMeets: 0.99 } });
  return member.id;
}

describe("the home's team numbers", () => {
  it("counts contributors and shows the ready share only from five contributors on, as the dashboard does", async () => {
    const owner = await createPerson("Owner");
    const small = await newTeam(owner);
    const large = await newTeam(owner);
    // Someone else's team the owner only belongs to: not on their home.
    const other = await createPerson("Other owner");
    const foreign = await newTeam(other);
    await addMember(foreign, owner.id, "link");

    for (let index = 0; index < 4; index++) await contributor(small, index < 2);
    for (let index = 0; index < 6; index++) await contributor(large, index < 2);
    // Never counted: a member who does not allow aggregation, and a manager's own attempt.
    const declined = await contributor(large, true);
    await updateConsent(large, declined, { allowAggregate: false, allowIndividual: false });
    const manager = await contributor(large, true);
    await setMemberRole(large, manager, "manager");

    const summaries = await summarizeManagedTeams(owner.id);
    expect(summaries.map((team) => team.teamId).sort()).toEqual([small, large].sort());
    const smallSummary = summaries.find((team) => team.teamId === small);
    const largeSummary = summaries.find((team) => team.teamId === large);
    expect(smallSummary).toMatchObject({ contributors: 4, ready: null, minimum: 5, role: "owner" });
    expect(largeSummary).toMatchObject({ contributors: 6, ready: { count: 2, share: 2 / 6 } });

    // The same numbers the dashboards show.
    const viewer = { id: owner.id, name: "Owner" };
    const smallDashboard = await loadTeamDashboard({ id: small, targetRoleId: TARGET }, viewer);
    expect(smallDashboard.aggregate.kind).toBe("suppressed");
    expect(smallDashboard.contributorCount).toBe(4);
    const largeDashboard = await loadTeamDashboard({ id: large, targetRoleId: TARGET }, viewer);
    expect(largeDashboard.aggregate).toMatchObject({ kind: "shown", contributors: 6, readyCount: 2 });

    // The manager sees the team on their home too; a plain member has nothing there.
    expect((await summarizeManagedTeams(manager)).map((team) => team.teamId)).toEqual([large]);
    expect(await summarizeManagedTeams(declined)).toEqual([]);
  });
});

describe("the home's cohort numbers", () => {
  it("counts learners, finished assessments and assignments past due and not done", async () => {
    const { staff, cohort } = await createStaffedCohort(TARGET);
    const now = new Date("2026-03-10T12:00:00Z");
    await setAssessmentWindow(cohort.id, new Date(Date.now() - HOUR), new Date(Date.now() + 24 * HOUR));
    const window = await findCohortAssessment(cohort.id);

    const learners = [];
    for (let index = 0; index < 3; index++) {
      const learner = await createPerson(`Learner ${index + 1}`);
      await db.enrollment.create({
        data: {
          cohortId: cohort.id,
          email: learner.email,
          name: learner.name,
          role: "learner",
          userId: learner.id,
          joinedAt: new Date(),
        },
      });
      learners.push(learner);
    }
    // Invited, not joined yet: a learner on the roster who cannot have finished.
    await db.enrollment.create({
      data: { cohortId: cohort.id, email: `${randomUUID()}@example.com`, name: "Invited", role: "learner" },
    });
    const [first, second] = learners as [(typeof learners)[0], (typeof learners)[0]];
    for (const learner of [first, second])
      await dontKnowAttempt(userOwner(learner.id), {
        to: TARGET,
        context: { cohortAssessmentId: window?.id ?? null },
      });

    const graph = getSkillsGraph();
    const required = new Set((graph.roles.get(TARGET)?.requires ?? []).map((entry) => entry.skill));
    const [moduleA, moduleB] = [...graph.modules.values()]
      .filter((entry) => entry.skills[0] && required.has(entry.skills[0].skill))
      .map((entry) => entry.id);
    if (!moduleA || !moduleB) throw new Error("no modules for the target role");
    // Past due and not done (overdue), past due but done (not overdue), due later (not overdue).
    await assignManually(cohort, { userId: first.id, moduleId: moduleA, dueDate: "2026-03-01" }, now);
    await assignManually(cohort, { userId: second.id, moduleId: moduleA, dueDate: "2026-03-01" }, now);
    await assignManually(cohort, { userId: first.id, moduleId: moduleB, dueDate: "2026-04-01" }, now);
    const planId = (await findPlanIdFor(userOwner(second.id), TARGET)) as string;
    await setPlanItemDone(planId, moduleA, userOwner(second.id), true);

    const [summary] = await summarizeStaffedCohorts(staff.id, now);
    expect(summary).toMatchObject({
      cohortId: cohort.id,
      learners: 4,
      finished: 2,
      overdue: 1,
      isClosed: false,
    });
    const dashboard = await loadCohortDashboard(cohort, now);
    expect(dashboard.counts).toMatchObject({ learners: 4, finished: 2 });
    expect(dashboard.overall.overdue).toBe(1);

    // Learners do not staff the cohort: nothing on their home.
    expect(await summarizeStaffedCohorts(first.id, now)).toEqual([]);
  });
});

import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { finishEarly, loadQuiz, startAssessment, submitAnswer } from "@/server/assessment/quiz";
import { submitSelfRatings } from "@/server/assessment/self-rating-step";
import { getSkillsGraph } from "@/server/content-loader";
import { db } from "@/server/db";
import { userOwner } from "@/server/identity/owner";
import { loadTeamDashboard } from "@/server/teams/dashboard";
import { findOpenRound } from "@/server/teams/rounds";
import { addMember, createTeam, updateConsent } from "@/server/teams/teams";

/**
 * The team dashboard's self-rating shares: counts of contributors over- and
 * under-rating each skill, under the same k ≥ 5 and aggregate consent as every other team figure,
 * and only for skills at least five contributors rated.
 */
const TARGET = "mlops-engineer";
const required = () => (getSkillsGraph().roles.get(TARGET)?.requires ?? []).map((r) => r.skill);

async function account() {
  const id = `u-${randomUUID()}`;
  await db.user.create({ data: { id, name: `Member ${id.slice(2, 8)}`, email: `${id}@example.com` } });
  return id;
}

/** A member's finished team attempt: every required skill rated `rating` (or the step skipped), two "I don't know"s. */
async function ratedMember(teamId: string, rating: "4" | "0" | "skip") {
  const userId = await account();
  await addMember(teamId, userId, "email");
  const owner = userOwner(userId);
  const round = await findOpenRound(teamId);
  const started = await startAssessment({ from: "data-scientist", to: TARGET, budget: "15" }, owner, {
    teamId,
    teamRoundId: round?.id ?? null,
  });
  if (!started.ok) throw new Error("not started");
  await submitSelfRatings(
    started.attemptId,
    owner,
    rating === "skip"
      ? { skip: true }
      : { ratings: Object.fromEntries(required().map((skill) => [skill, rating])) },
  );
  for (let count = 0; count < 2; count++) {
    const state = await loadQuiz(started.attemptId, owner);
    if (state.kind === "question")
      await submitAnswer(started.attemptId, owner, { questionId: state.view.questionId, dontKnow: true });
  }
  await finishEarly(started.attemptId, owner);
  return { userId, attemptId: started.attemptId };
}

async function newTeam() {
  const ownerId = await account();
  const created = await createTeam(ownerId, {
    name: `Team ${randomUUID().slice(0, 6)}`,
    targetRoleId: TARGET,
  });
  if (!created.ok) throw new Error("team not created");
  return {
    owner: { id: ownerId, name: "Owner" },
    teamId: created.teamId,
    team: { id: created.teamId, targetRoleId: TARGET },
  };
}

/** What the rule says each attempt's rating of each skill is, from the stored estimates. */
async function expectedCounts(attemptIds: string[], rating: number) {
  const estimates = await db.skillEstimate.findMany({
    where: { attemptId: { in: attemptIds }, targetLevel: { not: null } },
    select: { skillId: true, bandLow: true, bandHigh: true },
  });
  const counts = new Map<string, { over: number; under: number }>();
  for (const estimate of estimates) {
    const entry = counts.get(estimate.skillId) ?? { over: 0, under: 0 };
    if (rating > estimate.bandHigh) entry.over += 1;
    if (rating < estimate.bandLow) entry.under += 1;
    counts.set(estimate.skillId, entry);
  }
  return counts;
}

describe("self-rating shares on the team dashboard", () => {
  it("counts over- and under-raters per skill among consenting contributors, never a non-consenting member's rating", async () => {
    const { owner, teamId, team } = await newTeam();
    const over = [];
    for (let index = 0; index < 3; index++) over.push(await ratedMember(teamId, "4"));
    const under = [];
    for (let index = 0; index < 2; index++) under.push(await ratedMember(teamId, "0"));
    // A sixth member who rated but does not allow aggregation: not in any count.
    const private_ = await ratedMember(teamId, "4");
    await updateConsent(teamId, private_.userId, { allowAggregate: false, allowIndividual: false });

    const dashboard = await loadTeamDashboard(team, owner);
    if (dashboard.aggregate.kind !== "shown") throw new Error("expected numbers");
    expect(dashboard.aggregate.contributors).toBe(5);
    const overCounts = await expectedCounts(
      over.map((member) => member.attemptId),
      4,
    );
    const underCounts = await expectedCounts(
      under.map((member) => member.attemptId),
      0,
    );
    for (const skill of dashboard.aggregate.skills) {
      expect(skill.selfRating, skill.skillId).toEqual({
        rated: 5,
        over: overCounts.get(skill.skillId)?.over ?? 0,
        under: underCounts.get(skill.skillId)?.under ?? 0,
      });
    }
    // Someone rated Expert after two "I don't know"s: the team has over-raters somewhere.
    expect(dashboard.aggregate.skills.some((skill) => (skill.selfRating?.over ?? 0) > 0)).toBe(true);
    // Counts only: no attempt or person is named in the aggregate.
    const json = JSON.stringify(dashboard.aggregate);
    for (const member of [...over, ...under, private_]) {
      expect(json).not.toContain(member.userId);
      expect(json).not.toContain(member.attemptId);
    }
  }, 120_000);

  it("leaves the shares out when fewer than five contributors rated, though the rest of the dashboard shows", async () => {
    const { owner, teamId, team } = await newTeam();
    for (let index = 0; index < 4; index++) await ratedMember(teamId, "4");
    await ratedMember(teamId, "skip");
    const dashboard = await loadTeamDashboard(team, owner);
    if (dashboard.aggregate.kind !== "shown") throw new Error("expected numbers");
    expect(dashboard.aggregate.contributors).toBe(5);
    expect(dashboard.aggregate.skills.every((skill) => skill.selfRating === null)).toBe(true);
  }, 120_000);
});

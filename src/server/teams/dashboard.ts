import "server-only";
import { meetsTarget } from "@/domain/engine/verdict";
import { aggregateTeam, teamTrend, type Contribution, type Requirement } from "@/domain/team/aggregate";
import { toCsv, type CsvValue } from "@/domain/csv";
import { getSkillsGraph } from "../content-loader";
import { db } from "../db";
import { listRounds } from "./rounds";

/**
 * The manager's view of a team, assembled only from what members allow: aggregates over members
 * who allow aggregation (and only with ≥ 5 of them), individual rows only for members who allow
 * individual view — and each such view is written to the audit log the member can read.
 */
interface LatestAttempt {
  attemptId: string;
  userId: string;
  readiness: number | null;
  completedAt: Date | null;
  teamRoundId: string | null;
}

/** Each listed member's latest finished attempt in this team (optionally within one round). */
async function latestTeamAttempts(
  teamId: string,
  userIds: readonly string[],
  roundId?: string,
): Promise<LatestAttempt[]> {
  if (userIds.length === 0) return [];
  const rows = await db.attempt.findMany({
    where: {
      teamId,
      status: "completed",
      userId: { in: [...userIds] },
      ...(roundId ? { teamRoundId: roundId } : {}),
    },
    orderBy: [{ completedAt: "desc" }, { id: "desc" }],
    select: { id: true, userId: true, readiness: true, completedAt: true, teamRoundId: true },
  });
  const latest = new Map<string, LatestAttempt>();
  for (const row of rows)
    if (row.userId && !latest.has(row.userId))
      latest.set(row.userId, {
        attemptId: row.id,
        userId: row.userId,
        readiness: row.readiness,
        completedAt: row.completedAt,
        teamRoundId: row.teamRoundId,
      });
  return [...latest.values()];
}

async function contributionsOf(attempts: readonly LatestAttempt[]): Promise<Map<string, Contribution>> {
  const estimates = await db.skillEstimate.findMany({
    where: { attemptId: { in: attempts.map((attempt) => attempt.attemptId) } },
    select: { attemptId: true, skillId: true, band: true, pMeets: true },
  });
  const byAttempt = new Map<string, Map<string, { band: number; pMeets: number | null }>>();
  for (const row of estimates) {
    const skills = byAttempt.get(row.attemptId) ?? new Map();
    skills.set(row.skillId, { band: row.band, pMeets: row.pMeets });
    byAttempt.set(row.attemptId, skills);
  }
  return new Map(
    attempts.map((attempt) => [attempt.userId, { skills: byAttempt.get(attempt.attemptId) ?? new Map() }]),
  );
}

function requirementsOf(targetRoleId: string): Requirement[] {
  const role = getSkillsGraph().roles.get(targetRoleId);
  return (role?.requires ?? []).map((requirement) => ({
    skillId: requirement.skill,
    level: requirement.level,
    weight: requirement.weight,
  }));
}

export async function loadTeamDashboard(
  team: { id: string; targetRoleId: string },
  viewer: { id: string; name: string },
  now = new Date(),
) {
  const graph = getSkillsGraph();
  const requirements = requirementsOf(team.targetRoleId);
  const members = await db.membership.findMany({
    where: { teamId: team.id },
    select: { userId: true, allowAggregate: true, allowIndividual: true, user: { select: { name: true } } },
  });
  const aggregating = members.filter((member) => member.allowAggregate).map((member) => member.userId);
  const latest = await latestTeamAttempts(team.id, aggregating);
  const contributions = await contributionsOf(latest);
  const aggregate = aggregateTeam(requirements, [...contributions.values()]);

  const rounds = await listRounds(team.id);
  const trend = teamTrend(
    requirements,
    await Promise.all(
      rounds.map(async (round) => ({
        roundId: round.id,
        name: round.name,
        openedAt: round.openedAt,
        contributions: [
          ...(await contributionsOf(await latestTeamAttempts(team.id, aggregating, round.id))).values(),
        ],
      })),
    ),
  );

  const individualMembers = members.filter((member) => member.allowIndividual);
  const individualLatest = await latestTeamAttempts(
    team.id,
    individualMembers.map((member) => member.userId),
  );
  const individualSkills = await contributionsOf(individualLatest);
  const individuals = individualLatest
    .map((attempt) => ({
      userId: attempt.userId,
      name: individualMembers.find((member) => member.userId === attempt.userId)?.user.name ?? "",
      attemptId: attempt.attemptId,
      readiness: attempt.readiness,
      completedAt: attempt.completedAt,
      skills: requirements.map((requirement) => {
        const result = individualSkills.get(attempt.userId)?.skills.get(requirement.skillId);
        return {
          skillId: requirement.skillId,
          level: result?.band ?? null,
          pMeets: result?.pMeets ?? null,
          meets: meetsTarget(result?.pMeets),
        };
      }),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  // Every look at someone else's individual results is recorded for that person.
  const viewed = individuals.filter((row) => row.userId !== viewer.id);
  if (viewed.length > 0)
    await db.individualView.createMany({
      data: viewed.map((row) => ({
        teamId: team.id,
        viewerId: viewer.id,
        viewerName: viewer.name,
        memberId: row.userId,
        viewedAt: now,
      })),
    });

  return {
    requirements: requirements.map((requirement) => ({
      ...requirement,
      title: graph.skills.get(requirement.skillId)?.title ?? requirement.skillId,
    })),
    aggregate,
    trend,
    individuals,
    memberCount: members.length,
  };
}

export type TeamDashboard = Awaited<ReturnType<typeof loadTeamDashboard>>;

/** Exactly what the dashboard shows, as CSV (formula-safe): team rows when shown, then consenting members. */
export function dashboardCsv(dashboard: TeamDashboard): string {
  const header = [
    "scope",
    "member",
    "skill",
    "target level",
    "weight",
    "people at level 0",
    "level 1",
    "level 2",
    "level 3",
    "level 4",
    "meeting target",
    "blocked",
    "bus factor risk",
    "member level",
    "member P(meets)",
  ];
  const rows: CsvValue[][] = [];
  const title = new Map(
    dashboard.requirements.map((requirement) => [requirement.skillId, requirement.title]),
  );
  if (dashboard.aggregate.kind === "shown") {
    for (const skill of dashboard.aggregate.skills)
      rows.push([
        "team",
        "",
        title.get(skill.skillId),
        skill.targetLevel,
        skill.weight,
        ...skill.levelCounts,
        skill.meeting,
        skill.blocked,
        skill.isBusFactorRisk ? "yes" : "no",
        "",
        "",
      ]);
  }
  for (const person of dashboard.individuals) {
    for (const skill of person.skills) {
      const requirement = dashboard.requirements.find((entry) => entry.skillId === skill.skillId);
      rows.push([
        "member",
        person.name,
        title.get(skill.skillId),
        requirement?.level,
        requirement?.weight,
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        skill.level,
        skill.pMeets === null ? "" : skill.pMeets.toFixed(2),
      ]);
    }
  }
  return toCsv(header, rows);
}

/** The member's own log: who looked at their individual results, newest first. */
export async function listViewsOfMe(teamId: string, memberId: string) {
  return db.individualView.findMany({
    where: { teamId, memberId },
    orderBy: { viewedAt: "desc" },
    take: 100,
    select: { viewerName: true, viewedAt: true },
  });
}

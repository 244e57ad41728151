import "server-only";
import { meetsTarget } from "@/domain/engine/verdict";
import {
  MIN_CONTRIBUTORS,
  aggregateTeam,
  teamTrend,
  type Contribution,
  type Requirement,
  type SkillResult,
} from "@/domain/team/aggregate";
import { toCsv, type CsvValue } from "@/domain/csv";
import { getSkillsGraph } from "../content-loader";
import { db, inChunks } from "../db";
import { listRounds } from "./rounds";
import { listManagedTeams, loadMemberFacts, loadMemberFactsByTeam } from "./teams";

/**
 * The manager's view of a team, assembled only from what members allow: aggregates over members
 * who may count (decision 007: not owners or managers, inside the team's email domains, verified
 * when mail is sent) and allow aggregation — and only with ≥ 5 of them — and individual rows only
 * for members who allow individual view; each such view is written to the audit log the member
 * can read. The whole dashboard costs a fixed number of queries, however many rounds there are.
 */
interface FinishedAttempt {
  attemptId: string;
  userId: string;
  readiness: number | null;
  completedAt: Date | null;
  teamRoundId: string | null;
}

/** Every finished team attempt of the listed members, newest first (one query per chunk). */
async function finishedTeamAttempts(teamId: string, userIds: readonly string[]): Promise<FinishedAttempt[]> {
  if (userIds.length === 0) return [];
  // Chunked by member, so each member's attempts stay newest first (all the callers rely on).
  const rows = await inChunks(userIds, (chunk) =>
    db.attempt.findMany({
      where: { teamId, status: "completed", userId: { in: chunk } },
      orderBy: [{ completedAt: "desc" }, { id: "desc" }],
      select: { id: true, userId: true, readiness: true, completedAt: true, teamRoundId: true },
    }),
  );
  return toFinished(rows);
}

function toFinished(
  rows: {
    id: string;
    userId: string | null;
    readiness: number | null;
    completedAt: Date | null;
    teamRoundId: string | null;
  }[],
): FinishedAttempt[] {
  return rows.flatMap((row) =>
    row.userId
      ? [
          {
            attemptId: row.id,
            userId: row.userId,
            readiness: row.readiness,
            completedAt: row.completedAt,
            teamRoundId: row.teamRoundId,
          },
        ]
      : [],
  );
}

/** Each listed member's latest attempt among `attempts` (which are newest first). */
function latestPerMember(
  attempts: readonly FinishedAttempt[],
  userIds: ReadonlySet<string>,
): FinishedAttempt[] {
  const latest = new Map<string, FinishedAttempt>();
  for (const attempt of attempts)
    if (userIds.has(attempt.userId) && !latest.has(attempt.userId)) latest.set(attempt.userId, attempt);
  return [...latest.values()];
}

type SkillsByAttempt = Map<string, Map<string, SkillResult>>;

/** The skill estimates of every listed attempt (one query per chunk of attempts). */
async function skillsOf(attemptIds: ReadonlySet<string>): Promise<SkillsByAttempt> {
  const byAttempt: SkillsByAttempt = new Map();
  if (attemptIds.size === 0) return byAttempt;
  const estimates = await inChunks(attemptIds, (chunk) =>
    db.skillEstimate.findMany({
      where: { attemptId: { in: chunk } },
      select: { attemptId: true, skillId: true, band: true, bandLow: true, bandHigh: true, pMeets: true },
    }),
  );
  // Self-ratings only ever leave here inside the aggregate's counts (k ≥ 5 raters per skill).
  const ratings = await inChunks(attemptIds, (chunk) =>
    db.selfRating.findMany({
      where: { attemptId: { in: chunk }, attempt: { selfRatingStep: "done" } },
      select: { attemptId: true, skillId: true, level: true },
    }),
  );
  const ratingOf = new Map(ratings.map((row) => [`${row.attemptId}\u0000${row.skillId}`, row.level]));
  for (const row of estimates) {
    const skills = byAttempt.get(row.attemptId) ?? new Map<string, SkillResult>();
    const rating = ratingOf.get(`${row.attemptId}\u0000${row.skillId}`);
    skills.set(row.skillId, {
      band: row.band,
      pMeets: row.pMeets,
      bandLow: row.bandLow,
      bandHigh: row.bandHigh,
      ...(rating === undefined ? {} : { selfRating: rating }),
    });
    byAttempt.set(row.attemptId, skills);
  }
  return byAttempt;
}

const contributionOf = (attempt: FinishedAttempt, skills: SkillsByAttempt): Contribution => ({
  skills: skills.get(attempt.attemptId) ?? new Map(),
});

function requirementsOf(targetRoleId: string): Requirement[] {
  const role = getSkillsGraph().roles.get(targetRoleId);
  return (role?.requires ?? []).map((requirement) => ({
    skillId: requirement.skill,
    level: requirement.level,
    weight: requirement.weight,
  }));
}

/** Members whose results enter the numbers: may count (decision 007) and allow aggregation. */
const contributingIds = (members: Awaited<ReturnType<typeof loadMemberFacts>>): Set<string> =>
  new Set(
    members
      .filter((member) => member.exclusion === null && member.allowAggregate)
      .map((member) => member.userId),
  );

/**
 * How many members' results are in the team numbers now. Every member sees it next to the member
 * list, so accounts made up to outvote k are visible to all (decision 007).
 */
export async function countContributors(teamId: string): Promise<number> {
  const ids = contributingIds(await loadMemberFacts(teamId));
  if (ids.size === 0) return 0;
  const rows = await inChunks(ids, (chunk) =>
    db.attempt.findMany({
      where: { teamId, status: "completed", userId: { in: chunk } },
      distinct: ["userId"],
      select: { userId: true },
    }),
  );
  return rows.length;
}

/**
 * The key numbers of every team the user owns or manages, for their home page, in a fixed number
 * of queries however many teams: how many members' results are in the team numbers (shown to
 * every member anyway) and, only when the dashboard would show numbers (k ≥ 5), the share of them
 * who likely meet every core requirement. Below k the ready share is absent, as on the dashboard.
 */
export async function summarizeManagedTeams(userId: string) {
  const teams = await listManagedTeams(userId);
  if (teams.length === 0) return [];
  const factsByTeam = await loadMemberFactsByTeam(teams.map((team) => team.teamId));
  const contributingByTeam = new Map(
    teams.map((team) => [team.teamId, contributingIds(factsByTeam.get(team.teamId) ?? [])]),
  );
  // Chunked by team, so each team's attempts stay newest first.
  const rows = await inChunks(
    teams.map((team) => team.teamId),
    (chunk) =>
      db.attempt.findMany({
        where: { teamId: { in: chunk }, status: "completed" },
        orderBy: [{ completedAt: "desc" }, { id: "desc" }],
        select: {
          id: true,
          teamId: true,
          userId: true,
          readiness: true,
          completedAt: true,
          teamRoundId: true,
        },
      }),
  );
  const latestByTeam = new Map(
    teams.map((team) => [
      team.teamId,
      latestPerMember(
        toFinished(rows.filter((row) => row.teamId === team.teamId)),
        contributingByTeam.get(team.teamId) ?? new Set(),
      ),
    ]),
  );
  const shownTeams = teams.filter((team) => (latestByTeam.get(team.teamId)?.length ?? 0) >= MIN_CONTRIBUTORS);
  const skills = await skillsOf(
    new Set(shownTeams.flatMap((team) => (latestByTeam.get(team.teamId) ?? []).map((row) => row.attemptId))),
  );
  return teams.map((team) => {
    const latest = latestByTeam.get(team.teamId) ?? [];
    const aggregate = aggregateTeam(
      requirementsOf(team.targetRoleId),
      latest.length >= MIN_CONTRIBUTORS ? latest.map((attempt) => contributionOf(attempt, skills)) : [],
    );
    return {
      teamId: team.teamId,
      name: team.name,
      role: team.role,
      isDemo: team.isDemo,
      targetTitle: team.targetTitle,
      contributors: latest.length,
      ready:
        aggregate.kind === "shown"
          ? { count: aggregate.readyCount, share: aggregate.readyCount / aggregate.contributors }
          : null,
      minimum: MIN_CONTRIBUTORS,
    };
  });
}

export type ManagedTeamSummary = Awaited<ReturnType<typeof summarizeManagedTeams>>[number];

export async function loadTeamDashboard(
  team: { id: string; targetRoleId: string },
  viewer: { id: string; name: string },
  now = new Date(),
) {
  const graph = getSkillsGraph();
  const requirements = requirementsOf(team.targetRoleId);
  const members = await loadMemberFacts(team.id);
  const contributing = contributingIds(members);
  const individualMembers = members.filter((member) => member.allowIndividual);
  const individualIds = new Set(individualMembers.map((member) => member.userId));
  const [attempts, rounds] = await Promise.all([
    finishedTeamAttempts(team.id, [...new Set([...contributing, ...individualIds])]),
    listRounds(team.id),
  ]);

  const latest = latestPerMember(attempts, contributing);
  const perRound = rounds.map((round) => ({
    round,
    latest: latestPerMember(
      attempts.filter((attempt) => attempt.teamRoundId === round.id),
      contributing,
    ),
  }));
  const individualLatest = latestPerMember(attempts, individualIds);
  const skills = await skillsOf(
    new Set(
      [...latest, ...perRound.flatMap((entry) => entry.latest), ...individualLatest].map(
        (attempt) => attempt.attemptId,
      ),
    ),
  );

  const aggregate = aggregateTeam(
    requirements,
    latest.map((attempt) => contributionOf(attempt, skills)),
  );
  const trend = teamTrend(
    requirements,
    perRound.map(({ round, latest: roundLatest }) => ({
      roundId: round.id,
      name: round.name,
      openedAt: round.openedAt,
      contributions: roundLatest.map((attempt) => contributionOf(attempt, skills)),
    })),
  );

  const individuals = individualLatest
    .map((attempt) => ({
      userId: attempt.userId,
      name: individualMembers.find((member) => member.userId === attempt.userId)?.name ?? "",
      attemptId: attempt.attemptId,
      readiness: attempt.readiness,
      completedAt: attempt.completedAt,
      skills: requirements.map((requirement) => {
        const result = skills.get(attempt.attemptId)?.get(requirement.skillId);
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
    /** Members whose results are in the numbers now (shown to every member, suppressed or not). */
    contributorCount: latest.length,
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

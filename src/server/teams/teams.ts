import "server-only";
import { z } from "zod";
import { nameSchema } from "@/domain/names";
import {
  exclusionOf,
  formatEmailDomains,
  parseEmailDomains,
  readEmailDomains,
  type CountingRules,
} from "@/domain/team/eligibility";
import { createRowId, db, inChunks } from "../db";
import { isSmtpConfigured } from "../auth/mail";
import { getSkillsGraph } from "../content-loader";
import { logEvent } from "../log";

/** Team rows and memberships. Callers check access first (src/server/identity). */
export type TeamRole = "owner" | "manager" | "member";
/** How a membership began: the team's creator, the reusable link, or a single-use email invitation. */
export type JoinedVia = "created" | "link" | "email";
export const isManagerRole = (role: string): boolean => role === "owner" || role === "manager";

export const CreateTeamSchema = z
  .object({
    name: nameSchema({
      min: 2,
      max: 80,
      tooShort: "Give the team a name of at least 2 characters.",
      tooLong: "Use at most 80 characters.",
    }),
    targetRoleId: z.string().trim().min(1, "Choose the role the team is measured against.").max(100),
  })
  .strict();

export const ConsentSchema = z.object({ allowAggregate: z.boolean(), allowIndividual: z.boolean() }).strict();

export type TeamOutcome<T = object> = ({ ok: true } & T) | { ok: false; fieldErrors: Record<string, string> };

/** A team with its owner's membership and an open first round, written in one batch. */
export async function createTeam(
  userId: string,
  input: z.infer<typeof CreateTeamSchema>,
  options: { isDemo?: boolean } = {},
): Promise<TeamOutcome<{ teamId: string }>> {
  if (!getSkillsGraph().roles.has(input.targetRoleId))
    return { ok: false, fieldErrors: { targetRoleId: "Choose a role from the list." } };
  const teamId = createRowId("t");
  await db.$transaction([
    db.team.create({
      data: {
        id: teamId,
        name: input.name,
        targetRoleId: input.targetRoleId,
        createdById: userId,
        isDemo: options.isDemo ?? false,
      },
    }),
    db.membership.create({ data: { teamId, userId, role: "owner", joinedVia: "created" } }),
    db.teamRound.create({ data: { teamId, name: "Round 1" } }),
  ]);
  logEvent("info", "team.created", { teamId, userId });
  return { ok: true, teamId };
}

export async function findMembership(teamId: string, userId: string) {
  return db.membership.findUnique({
    where: { teamId_userId: { teamId, userId } },
    select: {
      id: true,
      role: true,
      allowAggregate: true,
      allowIndividual: true,
      joinedAt: true,
      team: { select: { id: true, name: true, targetRoleId: true, isDemo: true, emailDomains: true } },
    },
  });
}

export type MembershipView = NonNullable<Awaited<ReturnType<typeof findMembership>>>;

export async function listMyTeams(userId: string) {
  const rows = await db.membership.findMany({
    where: { userId },
    orderBy: { joinedAt: "desc" },
    select: {
      role: true,
      team: {
        select: {
          id: true,
          name: true,
          targetRoleId: true,
          isDemo: true,
          _count: { select: { memberships: true } },
        },
      },
    },
  });
  const graph = getSkillsGraph();
  return rows.map((row) => ({
    teamId: row.team.id,
    name: row.team.name,
    role: row.role as TeamRole,
    isDemo: row.team.isDemo,
    targetTitle: graph.roles.get(row.team.targetRoleId)?.title ?? row.team.targetRoleId,
    memberCount: row.team._count.memberships,
  }));
}

/** Whether the user owns or manages any team (their sign-in lands on the home that lists them). */
export async function managesATeam(userId: string): Promise<boolean> {
  const row = await db.membership.findFirst({
    where: { userId, role: { in: ["owner", "manager"] } },
    select: { id: true },
  });
  return row !== null;
}

/** The teams the user owns or manages, newest membership first: what their home lists. */
export async function listManagedTeams(userId: string) {
  const rows = await db.membership.findMany({
    where: { userId, role: { in: ["owner", "manager"] } },
    orderBy: [{ joinedAt: "desc" }, { id: "desc" }],
    select: { role: true, team: { select: { id: true, name: true, targetRoleId: true, isDemo: true } } },
  });
  const graph = getSkillsGraph();
  return rows.map((row) => ({
    teamId: row.team.id,
    name: row.team.name,
    role: row.role as TeamRole,
    isDemo: row.team.isDemo,
    targetRoleId: row.team.targetRoleId,
    targetTitle: graph.roles.get(row.team.targetRoleId)?.title ?? row.team.targetRoleId,
  }));
}

/** The rules of `exclusionOf` for one team: its email domains, and verified addresses when mail is sent. */
export const countingRulesOf = (team: { emailDomains: string | null }): CountingRules => ({
  domains: readEmailDomains(team.emailDomains),
  requireVerifiedEmail: isSmtpConfigured(),
});

/**
 * Every membership with what decides whether it counts toward the team numbers. Consent is in
 * here for the dashboard's computation only; listMembers (what people see) leaves it out.
 */
export async function loadMemberFacts(teamId: string) {
  return (await loadMemberFactsByTeam([teamId])).get(teamId) ?? [];
}

/** loadMemberFacts for several teams at once (one query per chunk of teams), keyed by team id. */
export async function loadMemberFactsByTeam(teamIds: readonly string[]) {
  const teams = await inChunks(new Set(teamIds), (chunk) =>
    db.team.findMany({
      where: { id: { in: chunk } },
      select: {
        id: true,
        emailDomains: true,
        memberships: {
          orderBy: [{ joinedAt: "asc" }, { id: "asc" }],
          select: {
            role: true,
            joinedAt: true,
            joinedVia: true,
            allowAggregate: true,
            allowIndividual: true,
            user: { select: { id: true, name: true, email: true, emailVerified: true } },
          },
        },
      },
    }),
  );
  return new Map(
    teams.map((team) => {
      const rules = countingRulesOf(team);
      return [
        team.id,
        team.memberships.map((row) => ({
          userId: row.user.id,
          name: row.user.name,
          role: row.role as TeamRole,
          joinedAt: row.joinedAt,
          joinedVia: (row.joinedVia ?? null) as JoinedVia | null,
          allowAggregate: row.allowAggregate,
          allowIndividual: row.allowIndividual,
          exclusion: exclusionOf(
            { role: row.role, email: row.user.email, emailVerified: row.user.emailVerified },
            rules,
          ),
        })),
      ];
    }),
  );
}

/**
 * Who is a member, for every member to see (decision 007): name, role, when and how they joined,
 * and why someone never counts toward the team numbers (manages the team, address outside the
 * team's domains, address not verified). Never whether someone consents.
 */
export async function listMembers(teamId: string) {
  return (await loadMemberFacts(teamId)).map((member) => ({
    userId: member.userId,
    name: member.name,
    role: member.role,
    joinedAt: member.joinedAt,
    joinedVia: member.joinedVia,
    exclusion: member.exclusion,
  }));
}

export type MemberRow = Awaited<ReturnType<typeof listMembers>>[number];

/** A member's own two choices; they take effect on the next request. */
export async function updateConsent(
  teamId: string,
  userId: string,
  consent: z.infer<typeof ConsentSchema>,
): Promise<boolean> {
  const { count } = await db.membership.updateMany({ where: { teamId, userId }, data: consent });
  if (count === 1) logEvent("info", "team.consent", { teamId, userId, ...consent });
  return count === 1;
}

/** Owners make members managers (or back); the owner's own role does not change here. */
export async function setMemberRole(
  teamId: string,
  memberUserId: string,
  role: "manager" | "member",
): Promise<boolean> {
  const { count } = await db.membership.updateMany({
    where: { teamId, userId: memberUserId, role: { not: "owner" } },
    data: { role },
  });
  return count === 1;
}

/** Removes a membership; the person's own attempts, results and plans stay theirs. */
export async function removeMember(teamId: string, memberUserId: string): Promise<boolean> {
  const { count } = await db.membership.deleteMany({
    where: { teamId, userId: memberUserId, role: { not: "owner" } },
  });
  return count === 1;
}

export async function addMember(teamId: string, userId: string, via?: JoinedVia): Promise<void> {
  await db.membership.upsert({
    where: { teamId_userId: { teamId, userId } },
    create: { teamId, userId, role: "member", joinedVia: via ?? null },
    update: {},
  });
}

/**
 * The owner's membership rule: only addresses at these domains may join (empty: any address).
 * Existing members outside them stay members, stop counting toward the team numbers, and are
 * marked on the member list (decision 007).
 */
export async function setEmailDomains(
  teamId: string,
  text: string,
): Promise<TeamOutcome<{ domains: string[] }>> {
  const parsed = parseEmailDomains(text);
  if (!parsed.ok) return { ok: false, fieldErrors: { emailDomains: parsed.message } };
  const { count } = await db.team.updateMany({
    where: { id: teamId },
    data: { emailDomains: formatEmailDomains(parsed.domains) },
  });
  if (count !== 1) return { ok: false, fieldErrors: { form: "Not found." } };
  logEvent("info", "team.email-domains", { teamId, domains: parsed.domains.join(" ") });
  return { ok: true, domains: parsed.domains };
}

/**
 * Teams the user is the only owner of, with the other members who could take over (oldest
 * membership first) and the one to suggest: the longest-standing manager, if there is one.
 * Account deletion refuses while any of these has other members (a team nobody owns cannot be
 * managed); a team with no other members is deleted with the account.
 */
export async function listSolelyOwnedTeams(userId: string) {
  const rows = await db.membership.findMany({
    where: { userId, role: "owner" },
    orderBy: { joinedAt: "asc" },
    select: {
      team: {
        select: {
          id: true,
          name: true,
          memberships: {
            where: { userId: { not: userId } },
            orderBy: [{ joinedAt: "asc" }, { id: "asc" }],
            select: { role: true, user: { select: { id: true, name: true } } },
          },
        },
      },
    },
  });
  return rows
    .filter((row) => !row.team.memberships.some((member) => member.role === "owner"))
    .map((row) => ({
      teamId: row.team.id,
      name: row.team.name,
      candidates: row.team.memberships.map((member) => ({
        userId: member.user.id,
        name: member.user.name,
        role: member.role as TeamRole,
      })),
      suggestedUserId: row.team.memberships.find((member) => member.role === "manager")?.user.id ?? null,
    }));
}

export type SolelyOwnedTeam = Awaited<ReturnType<typeof listSolelyOwnedTeams>>[number];

/**
 * Hands the team over: the chosen member becomes owner and the previous owner a manager, in one
 * batch (if the chosen person is no longer a member, nothing changes). False when they are not.
 */
export async function transferOwnership(
  teamId: string,
  fromUserId: string,
  toUserId: string,
): Promise<boolean> {
  if (toUserId === fromUserId) return false;
  const target = await db.membership.findUnique({
    where: { teamId_userId: { teamId, userId: toUserId } },
    select: { id: true },
  });
  if (!target) return false;
  try {
    await db.$transaction([
      db.membership.update({ where: { id: target.id }, data: { role: "owner" } }),
      db.membership.update({
        where: { teamId_userId: { teamId, userId: fromUserId }, role: "owner" },
        data: { role: "manager" },
      }),
    ]);
  } catch (error) {
    // P2025: a row was gone by the time the batch ran; the batch rolled back as a whole.
    if ((error as { code?: string }).code === "P2025") return false;
    throw error;
  }
  logEvent("info", "team.ownership-transferred", { teamId, fromUserId, toUserId });
  return true;
}

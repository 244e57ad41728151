import "server-only";
import { z } from "zod";
import { nameSchema } from "@/domain/names";
import { createRowId, db } from "../db";
import { getSkillsGraph } from "../content-loader";
import { logEvent } from "../log";

/** Team rows and memberships. Callers check access first (src/server/identity). */
export type TeamRole = "owner" | "manager" | "member";
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
    db.membership.create({ data: { teamId, userId, role: "owner" } }),
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
      team: { select: { id: true, name: true, targetRoleId: true, isDemo: true } },
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

/** Who is a member (managers see this; never why a member is missing from the numbers). */
export async function listMembers(teamId: string) {
  const rows = await db.membership.findMany({
    where: { teamId },
    orderBy: [{ joinedAt: "asc" }, { id: "asc" }],
    select: { role: true, joinedAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  return rows.map((row) => ({
    userId: row.user.id,
    name: row.user.name,
    email: row.user.email,
    role: row.role as TeamRole,
    joinedAt: row.joinedAt,
  }));
}

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

export async function addMember(teamId: string, userId: string): Promise<void> {
  await db.membership.upsert({
    where: { teamId_userId: { teamId, userId } },
    create: { teamId, userId, role: "member" },
    update: {},
  });
}

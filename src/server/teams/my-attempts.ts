import "server-only";
import { db } from "@/server/db";

/**
 * The member's own latest team attempts (finished and in progress), for the links on the team
 * page. Filtered by the member's own user id, so nobody else's attempt can appear.
 */
export async function findMyTeamAttempts(teamId: string, userId: string) {
  const select = { id: true, completedAt: true, createdAt: true } as const;
  const [completed, inProgress] = await Promise.all([
    db.attempt.findFirst({
      where: { teamId, userId, status: "completed" },
      orderBy: [{ completedAt: "desc" }, { id: "desc" }],
      select,
    }),
    db.attempt.findFirst({
      where: { teamId, userId, status: "in_progress" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select,
    }),
  ]);
  return { completed, inProgress };
}

import "server-only";
import type { AttemptSummary } from "@/components/assess/my-attempts";
import { listOwnedAttempts } from "../attempts";
import { getSkillsGraph } from "../content-loader";

/** The owner's attempts, newest first, with role titles for display. */
export async function listMyAttempts(ownerHash: string | null): Promise<AttemptSummary[]> {
  const graph = getSkillsGraph();
  const title = (id: string) => graph.roles.get(id)?.title ?? id;
  return (await listOwnedAttempts(ownerHash)).map((attempt) => ({
    id: attempt.id,
    fromTitle: attempt.currentRoleId ? title(attempt.currentRoleId) : null,
    toTitle: title(attempt.targetRoleId),
    status: attempt.status,
    readiness: attempt.readiness,
    createdAt: attempt.createdAt,
  }));
}

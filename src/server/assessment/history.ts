import "server-only";
import type { AttemptSummary } from "@/components/assess/my-attempts";
import { listOwnedAttempts } from "../attempts";
import { getSkillsGraph } from "../content-loader";
import type { Owner } from "../ownership";

/** The owner's attempts, newest first, with role titles for display. */
export async function listMyAttempts(owner: Owner | null): Promise<AttemptSummary[]> {
  const graph = getSkillsGraph();
  const title = (id: string) => graph.roles.get(id)?.title ?? id;
  return (await listOwnedAttempts(owner)).map((attempt) => ({
    id: attempt.id,
    fromTitle: attempt.currentRoleId ? title(attempt.currentRoleId) : null,
    toTitle: title(attempt.targetRoleId),
    status: attempt.status,
    readiness: attempt.readiness,
    createdAt: attempt.createdAt,
  }));
}

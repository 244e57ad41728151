import "server-only";
import { listOwnedAttempts } from "../attempts";
import { getSkillsGraph } from "../content-loader";
import type { Owner } from "../identity/owner";

/** One of the owner's attempts as the "my assessments" list shows it. */
export interface AttemptSummary {
  id: string;
  fromRoleId: string | null;
  toRoleId: string;
  fromTitle: string | null;
  toTitle: string;
  status: string;
  readiness: number | null;
  createdAt: Date;
}

/** The owner's attempts, newest first, with role titles for display. */
export async function listMyAttempts(owner: Owner | null): Promise<AttemptSummary[]> {
  const graph = getSkillsGraph();
  const title = (id: string) => graph.roles.get(id)?.title ?? id;
  return (await listOwnedAttempts(owner)).map((attempt) => ({
    id: attempt.id,
    fromRoleId: attempt.currentRoleId,
    toRoleId: attempt.targetRoleId,
    fromTitle: attempt.currentRoleId ? title(attempt.currentRoleId) : null,
    toTitle: title(attempt.targetRoleId),
    status: attempt.status,
    readiness: attempt.readiness,
    createdAt: attempt.createdAt,
  }));
}

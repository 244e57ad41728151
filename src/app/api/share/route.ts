import { z } from "zod";
import { jsonError, privateJson, readJson, rejectUnsafeWrite, UNAUTHENTICATED } from "@/server/json-api";
import { currentUser } from "@/server/identity";
import { tooManyRequests } from "@/server/rate-limit";
import { createShareLink, ShareKindSchema } from "@/server/share-links";

const BodySchema = z.object({ kind: ShareKindSchema, targetId: z.string().min(1).max(100) }).strict();

/**
 * POST /api/share {kind: "results" | "plan", targetId} → 201 {linkId, url}: a fresh read-only
 * link (any earlier link to the same target stops working). 401 when signed out; 404 for a
 * target that is not the user's own, finished result or plan; 429 past the per-user hourly limit.
 */
export async function POST(request: Request): Promise<Response> {
  const unsafe = rejectUnsafeWrite(request);
  if (unsafe) return unsafe;
  const user = await currentUser();
  if (!user) return UNAUTHENTICATED();
  const body = BodySchema.safeParse(await readJson(request));
  if (!body.success) return jsonError(400, 'Expected { kind: "results" | "plan", targetId }.');
  const created = await createShareLink(user.id, body.data.kind, body.data.targetId);
  if (!created.ok)
    return created.reason === "rate-limited"
      ? tooManyRequests(created.refusal)
      : jsonError(404, "No such result or plan.");
  return privateJson({ linkId: created.linkId, url: created.url }, 201);
}

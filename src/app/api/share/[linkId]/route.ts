import { readIdParam } from "@/lib/route-params";
import { jsonError, privateJson, rejectUnsafeWrite, UNAUTHENTICATED } from "@/server/json-api";
import { currentUser } from "@/server/identity";
import { revokeShareLink } from "@/server/share-links";

/** DELETE /api/share/<linkId> → 200 {ok: true}: the link stops working. 404 for a link that is not the user's (or already revoked). */
export async function DELETE(
  request: Request,
  { params }: { params: Promise<{ linkId: string }> },
): Promise<Response> {
  const unsafe = rejectUnsafeWrite(request, { bodyless: true });
  if (unsafe) return unsafe;
  const user = await currentUser();
  if (!user) return UNAUTHENTICATED();
  const linkId = await readIdParam(params, "linkId");
  if (!linkId) return jsonError(404, "Not found.");
  if (linkId.length > 100 || !(await revokeShareLink(user.id, linkId)))
    return jsonError(404, "No such share link.");
  return privateJson({ ok: true });
}

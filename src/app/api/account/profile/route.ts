import { ProfileSchema, invalid, updateProfile } from "@/server/accounts";
import { UNAUTHENTICATED, outcomeResponse, readJson, rejectUnsafeWrite } from "@/server/json-api";
import { currentUser } from "@/server/identity";

/** PATCH /api/account/profile {name, currentRoleId, hoursPerWeek}: prefills new attempts. */
export async function PATCH(request: Request): Promise<Response> {
  const unsafe = rejectUnsafeWrite(request);
  if (unsafe) return unsafe;
  const user = await currentUser();
  if (!user) return UNAUTHENTICATED();
  const parsed = ProfileSchema.safeParse(await readJson(request));
  if (!parsed.success) return outcomeResponse(invalid(parsed.error));
  return outcomeResponse(await updateProfile(user.id, parsed.data));
}

import { ChangePasswordSchema, changePassword, invalid } from "@/server/accounts";
import { requireUserForAccountChange } from "@/server/identity";
import { outcomeResponse, readJson } from "@/server/json-api";

/** POST /api/account/password {currentPassword, newPassword}: other sessions are signed out. */
export async function POST(request: Request): Promise<Response> {
  const user = await requireUserForAccountChange(request);
  if (user instanceof Response) return user;
  const parsed = ChangePasswordSchema.safeParse(await readJson(request));
  if (!parsed.success) return outcomeResponse(invalid(parsed.error));
  return outcomeResponse(await changePassword(parsed.data, request.headers, user));
}

import { ChangePasswordSchema, changePassword, invalid } from "@/server/accounts";
import { guardSensitiveAccountWrite } from "@/server/account-guard";
import { outcomeResponse, readJson } from "@/server/json-api";

/** POST /api/account/password {currentPassword, newPassword}: other sessions are signed out. */
export async function POST(request: Request): Promise<Response> {
  const user = await guardSensitiveAccountWrite(request);
  if (user instanceof Response) return user;
  const parsed = ChangePasswordSchema.safeParse(await readJson(request));
  if (!parsed.success) return outcomeResponse(invalid(parsed.error));
  return outcomeResponse(await changePassword(parsed.data, request.headers, user));
}

import { ResetConfirmSchema, invalid, resetPassword } from "@/server/accounts";
import { outcomeResponse, readJson, rejectUnsafeWrite } from "@/server/json-api";
import { RATE_RULES, checkRate, requestAddress, tooManyRequests } from "@/server/rate-limit";

/** POST /api/account/password-reset/confirm {token, newPassword}: the token works once, for an hour. */
export async function POST(request: Request): Promise<Response> {
  const unsafe = rejectUnsafeWrite(request);
  if (unsafe) return unsafe;
  const rate = await checkRate([{ rule: RATE_RULES.resetPerAddress, subject: await requestAddress() }]);
  if (!rate.allowed) return tooManyRequests(rate);
  const parsed = ResetConfirmSchema.safeParse(await readJson(request));
  if (!parsed.success) return outcomeResponse(invalid(parsed.error));
  return outcomeResponse(await resetPassword(parsed.data, request.headers));
}

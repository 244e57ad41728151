import { RESET_SENT_MESSAGE, ResetRequestSchema, invalid, requestPasswordReset } from "@/server/accounts";
import { outcomeResponse, privateJson, readJson, rejectUnsafeWrite } from "@/server/json-api";
import { RATE_RULES, checkRate, requestAddress, tooManyRequests } from "@/server/rate-limit";

/** POST /api/account/password-reset {email}: the same answer whether or not the account exists. */
export async function POST(request: Request): Promise<Response> {
  const unsafe = rejectUnsafeWrite(request);
  if (unsafe) return unsafe;
  const parsed = ResetRequestSchema.safeParse(await readJson(request));
  const rate = checkRate([
    { rule: RATE_RULES.resetPerAddress, subject: await requestAddress() },
    ...(parsed.success ? [{ rule: RATE_RULES.resetPerAccount, subject: parsed.data.email }] : []),
  ]);
  if (!rate.allowed) return tooManyRequests(rate);
  if (!parsed.success) return outcomeResponse(invalid(parsed.error));
  await requestPasswordReset(parsed.data);
  return privateJson({ ok: true, message: RESET_SENT_MESSAGE });
}

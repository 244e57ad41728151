import { SignInSchema, invalid, signIn } from "@/server/accounts";
import { outcomeResponse, readJson, rejectUnsafeWrite } from "@/server/json-api";
import { currentAnonymousHash } from "@/server/identity";
import { RATE_RULES, checkRate, requestAddress, tooManyRequests } from "@/server/rate-limit";

/** POST /api/account/sign-in {email, password}: limited per client address and per account. */
export async function POST(request: Request): Promise<Response> {
  const unsafe = rejectUnsafeWrite(request);
  if (unsafe) return unsafe;
  const body = await readJson(request);
  const parsed = SignInSchema.safeParse(body);
  const account = parsed.success ? parsed.data.email : "";
  const rate = checkRate([
    { rule: RATE_RULES.signInPerAddress, subject: await requestAddress() },
    ...(account ? [{ rule: RATE_RULES.signInPerAccount, subject: account }] : []),
  ]);
  if (!rate.allowed) return tooManyRequests(rate);
  if (!parsed.success) return outcomeResponse(invalid(parsed.error));
  return outcomeResponse(await signIn(parsed.data, request.headers, await currentAnonymousHash()));
}

import { SignUpSchema, invalid, signUp } from "@/server/accounts";
import { outcomeResponse, readJson, rejectUnsafeWrite } from "@/server/json-api";
import { currentAnonymousHash } from "@/server/identity";
import { RATE_RULES, checkRate, requestAddress, tooManyRequests } from "@/server/rate-limit";

/** POST /api/account/sign-up {name, email, password}: creates the account, signs in, claims this browser's attempts. */
export async function POST(request: Request): Promise<Response> {
  const unsafe = rejectUnsafeWrite(request);
  if (unsafe) return unsafe;
  const rate = await checkRate([{ rule: RATE_RULES.signUpPerAddress, subject: await requestAddress() }]);
  if (!rate.allowed) return tooManyRequests(rate);
  const parsed = SignUpSchema.safeParse(await readJson(request));
  if (!parsed.success) return outcomeResponse(invalid(parsed.error));
  return outcomeResponse(await signUp(parsed.data, request.headers, await currentAnonymousHash()), 201);
}

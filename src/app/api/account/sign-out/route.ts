import { signOut } from "@/server/accounts";
import { privateJson, rejectUnsafeWrite } from "@/server/json-api";

/** POST /api/account/sign-out: ends this session (signing out twice is fine). */
export async function POST(request: Request): Promise<Response> {
  const unsafe = rejectUnsafeWrite(request, { bodyless: true });
  if (unsafe) return unsafe;
  await signOut(request.headers);
  return privateJson({ ok: true });
}

import "server-only";
import { cookies, headers } from "next/headers";
import { currentSession } from "./auth/session";
import { anonymousOwner, userOwner, type Owner } from "./ownership";
import { hashToken, newToken } from "./tokens";

export type { Owner } from "./ownership";

export const OWNER_COOKIE = "waypoint_owner";
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;
const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

/** The anonymous token hash of this browser, or null when it has no (valid) token. */
export async function readAnonymousHash(): Promise<string | null> {
  const token = (await cookies()).get(OWNER_COOKIE)?.value;
  return token && TOKEN_PATTERN.test(token) ? hashToken(token) : null;
}

/** The request's owner: the signed-in user, else this browser's token; null when neither. Read-only: safe in pages. */
export async function readOwner(): Promise<Owner | null> {
  const session = await currentSession();
  if (session) return userOwner(session.user.id);
  const tokenHash = await readAnonymousHash();
  return tokenHash ? anonymousOwner(tokenHash) : null;
}

/** The owner, issuing an anonymous token first when there is none. Only in actions and route handlers. */
export async function ensureOwner(): Promise<Owner> {
  const existing = await readOwner();
  if (existing) return existing;
  const token = newToken(16);
  const isHttps = (await headers()).get("x-forwarded-proto") === "https";
  (await cookies()).set(OWNER_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: isHttps,
    path: "/",
    maxAge: ONE_YEAR_SECONDS,
  });
  return anonymousOwner(hashToken(token));
}

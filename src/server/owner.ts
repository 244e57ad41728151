import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { cookies, headers } from "next/headers";

/**
 * Anonymous ownership: a random 128-bit token in an HttpOnly, SameSite=Lax cookie. Only its
 * SHA-256 is stored, so a copy of the database cannot be used to impersonate a browser.
 */
export const OWNER_COOKIE = "waypoint_owner";
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;
const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

export function hashOwnerToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The owner hash of this browser, or null when it has no (valid) token yet. Read-only: safe in pages. */
export async function readOwnerHash(): Promise<string | null> {
  const token = (await cookies()).get(OWNER_COOKIE)?.value;
  return token && TOKEN_PATTERN.test(token) ? hashOwnerToken(token) : null;
}

/** The owner hash, issuing a token first when the browser has none. Only in actions and route handlers. */
export async function ensureOwnerHash(): Promise<string> {
  const existing = await readOwnerHash();
  if (existing) return existing;
  const token = randomBytes(16).toString("base64url");
  const isHttps = (await headers()).get("x-forwarded-proto") === "https";
  (await cookies()).set(OWNER_COOKIE, token, { httpOnly: true, sameSite: "lax", secure: isHttps, path: "/", maxAge: ONE_YEAR_SECONDS });
  return hashOwnerToken(token);
}

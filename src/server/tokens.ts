import "server-only";
import { createHash, randomBytes } from "node:crypto";

/**
 * Bearer tokens (anonymous owner cookie, share links, team and cohort invitations): random bytes
 * in base64url, of which the database keeps only the SHA-256, so a copy of it cannot be turned
 * into working links or cookies.
 */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

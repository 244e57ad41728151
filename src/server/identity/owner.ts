import { Prisma } from "@/generated/prisma/client";

/**
 * Who owns an attempt or plan: a signed-in user, or an anonymous browser. Anonymous ownership is
 * a random 128-bit token in an HttpOnly, SameSite=Lax cookie of which only the SHA-256 is stored,
 * so a copy of the database cannot be used to impersonate a browser. Exactly one field is set.
 */
export interface Owner {
  userId: string | null;
  tokenHash: string | null;
}

export const userOwner = (userId: string): Owner => ({ userId, tokenHash: null });
export const anonymousOwner = (tokenHash: string): Owner => ({ userId: null, tokenHash });

/** Prisma `where` for rows this owner owns (an anonymous owner never matches a claimed row). */
export function ownerWhere(owner: Owner): { userId: string } | { userId: null; anonymousTokenHash: string } {
  if (owner.userId) return { userId: owner.userId };
  if (!owner.tokenHash) throw new Error("an owner needs a user id or a token hash");
  return { userId: null, anonymousTokenHash: owner.tokenHash };
}

/** The same condition for raw SQL on a table with "userId" and "anonymousTokenHash" columns. */
export function ownerSql(owner: Owner): Prisma.Sql {
  return owner.userId
    ? Prisma.sql`"userId" = ${owner.userId}`
    : Prisma.sql`("userId" IS NULL AND "anonymousTokenHash" = ${owner.tokenHash})`;
}

/** Column values for a new row owned by `owner`. */
export function ownerColumns(owner: Owner): { userId: string | null; anonymousTokenHash: string | null } {
  return { userId: owner.userId, anonymousTokenHash: owner.userId ? null : owner.tokenHash };
}

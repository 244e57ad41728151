import "server-only";
import { z } from "zod";
import { databaseProvider, db } from "../db";

/**
 * Instance rights (administrator, cohort creator) and their audit log. Every change goes through
 * `setRight`, from /admin (via "web", with the acting administrator) or from the CLI scripts (via
 * "cli"), and each change that happened leaves one RightsChange row. Asking for what already holds
 * changes nothing and logs nothing.
 *
 * The log outlives the people in it: deleting an account sets its links to null (the schema's
 * onDelete: SetNull), and no email or name is ever copied into it, so a deleted person is "a
 * deleted account" and nothing more.
 */
export const RIGHTS = { admin: "Administrator", cohorts: "Cohort creator" } as const;
export type RightName = keyof typeof RIGHTS;
export const RightNameSchema = z.enum(["admin", "cohorts"]);

export type RightsActor = { via: "web"; actorId: string } | { via: "cli" };
export const COMMAND_LINE: RightsActor = { via: "cli" };

export type SetRightOutcome =
  | { ok: true; changed: boolean }
  | { ok: false; reason: "not-found" }
  /** Revoking this administrator would leave the instance with none. */
  | { ok: false; reason: "last-admin" };

export async function isAdministrator(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { isAdmin: true } });
  return user?.isAdmin === true;
}

/**
 * Removes the administrator right unless the account is the last administrator. One conditional
 * statement, so a check and a change cannot be split by another request; on PostgreSQL the
 * administrators' rows are locked first in the same transaction, so two administrators revoking
 * each other at once leave one (each UPDATE in READ COMMITTED counts afresh after the wait).
 */
async function revokeAdminUnlessLast(userId: string): Promise<number> {
  const update = db.$executeRaw`UPDATE "User" SET "isAdmin" = false
     WHERE "id" = ${userId} AND "isAdmin" = true
       AND (SELECT COUNT(*) FROM "User" WHERE "isAdmin" = true) > 1`;
  if (databaseProvider === "sqlite") return update;
  const [, count] = await db.$transaction([
    db.$queryRaw`SELECT "id" FROM "User" WHERE "isAdmin" = true ORDER BY "id" FOR UPDATE`,
    update,
  ]);
  return count;
}

/** Grants or revokes `right` on the account `userId`, and logs the change when there was one. */
export async function setRight(
  userId: string,
  right: RightName,
  isGranted: boolean,
  by: RightsActor,
): Promise<SetRightOutcome> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { isAdmin: true, canCreateCohorts: true },
  });
  if (!user) return { ok: false, reason: "not-found" };
  const holds = right === "admin" ? user.isAdmin : user.canCreateCohorts;
  if (holds === isGranted) return { ok: true, changed: false };
  let changed: number;
  if (right === "admin" && !isGranted) {
    changed = await revokeAdminUnlessLast(userId);
    if (changed === 0)
      return (await isAdministrator(userId))
        ? { ok: false, reason: "last-admin" }
        : { ok: true, changed: false };
  } else {
    const field = right === "admin" ? "isAdmin" : "canCreateCohorts";
    ({ count: changed } = await db.user.updateMany({
      where: { id: userId, [field]: !isGranted },
      data: { [field]: isGranted },
    }));
    if (changed === 0) return { ok: true, changed: false };
  }
  await db.rightsChange.create({
    data: {
      actorId: by.via === "web" ? by.actorId : null,
      subjectId: userId,
      rightName: right,
      isGranted,
      via: by.via,
    },
  });
  return { ok: true, changed: true };
}

/** The CLI scripts' entry: the account by email (as typed, any case); false when none uses it. */
export async function setRightByEmail(
  address: string,
  right: RightName,
  isGranted: boolean,
): Promise<SetRightOutcome> {
  const user = await db.user.findUnique({
    where: { email: address.trim().toLowerCase() },
    select: { id: true },
  });
  if (!user) return { ok: false, reason: "not-found" };
  return setRight(user.id, right, isGranted, COMMAND_LINE);
}

const PERSON = { select: { email: true, name: true } } as const;

/** The newest changes first; a deleted account shows as null. */
export async function listRightsChanges(limit = 50) {
  const rows = await db.rightsChange.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      rightName: true,
      isGranted: true,
      via: true,
      createdAt: true,
      actor: PERSON,
      subject: PERSON,
    },
  });
  return rows.map((row) => ({ ...row, rightName: row.rightName as RightName }));
}
export type RightsChangeView = Awaited<ReturnType<typeof listRightsChanges>>[number];

export const AccountSearchSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Type an email address or its beginning.")
  .max(254, "Use at most 254 characters.");

const SEARCH_PAGE = 100;

/**
 * Accounts whose email is `query` or starts with it, case-insensitively (emails are stored
 * lower-case), in email order, so an exact match comes first; at most `limit`. The database's
 * prefix match is LIKE, where _ and % are wildcards: its rows are checked again here, page by page.
 */
export async function findAccounts(query: string, limit = 20) {
  const prefix = query.trim().toLowerCase();
  const accounts = [];
  for (let skip = 0; ; skip += SEARCH_PAGE) {
    const page = await db.user.findMany({
      where: { email: { startsWith: prefix } },
      orderBy: { email: "asc" },
      skip,
      take: SEARCH_PAGE,
      select: { id: true, email: true, name: true, isAdmin: true, canCreateCohorts: true },
    });
    accounts.push(...page.filter((account) => account.email.startsWith(prefix)));
    if (accounts.length > limit || page.length < SEARCH_PAGE) break;
  }
  return { accounts: accounts.slice(0, limit), hasMore: accounts.length > limit };
}
export type AccountView = Awaited<ReturnType<typeof findAccounts>>["accounts"][number];

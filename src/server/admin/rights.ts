import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { createRowId, databaseProvider, db } from "../db";

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

const COLUMNS = { admin: "isAdmin", cohorts: "canCreateCohorts" } as const satisfies Record<
  RightName,
  string
>;

/**
 * Sets `right` to `isGranted` on the account, only if it does not hold it already and — revoking
 * the administrator right — only if another administrator remains, and writes the RightsChange
 * row in the same transaction: a change is never without its audit row, nor a row without its
 * change. PostgreSQL: one statement (the update's RETURNING feeds the insert), with the
 * administrators' rows locked first when revoking, so two administrators revoking each other at
 * once leave one (each UPDATE in READ COMMITTED counts afresh after the wait). SQLite, whose one
 * connection runs a batch alone: the update, then the insert only if it changed a row (changes()).
 * Returns how many rows changed (0 or 1).
 */
async function changeRight(
  userId: string,
  right: RightName,
  isGranted: boolean,
  by: RightsActor,
): Promise<number> {
  const column = Prisma.raw(`"${COLUMNS[right]}"`);
  const revokingAdmin = right === "admin" && !isGranted;
  const lastAdmin = revokingAdmin
    ? Prisma.sql`AND (SELECT COUNT(*) FROM "User" WHERE "isAdmin" = true) > 1`
    : Prisma.empty;
  const id = createRowId("rc");
  const actorId = by.via === "web" ? by.actorId : null;
  const { via } = by;
  const now = new Date();
  if (databaseProvider === "postgresql") {
    const statement = db.$executeRaw`WITH changed AS (
        UPDATE "User" SET ${column} = ${isGranted} WHERE "id" = ${userId} AND ${column} = ${!isGranted} ${lastAdmin}
        RETURNING "id"
      )
      INSERT INTO "RightsChange" ("id", "actorId", "subjectId", "rightName", "isGranted", "via", "createdAt")
      SELECT ${id}, ${actorId}, "id", ${right}, ${isGranted}, ${via}, ${now} FROM changed`;
    if (!revokingAdmin) return statement;
    const [, count] = await db.$transaction([
      db.$queryRaw`SELECT "id" FROM "User" WHERE "isAdmin" = true ORDER BY "id" FOR UPDATE`,
      statement,
    ]);
    return count;
  }
  const [count] = await db.$transaction([
    db.$executeRaw`UPDATE "User" SET ${column} = ${isGranted} WHERE "id" = ${userId} AND ${column} = ${!isGranted} ${lastAdmin}`,
    db.$executeRaw`INSERT INTO "RightsChange" ("id", "actorId", "subjectId", "rightName", "isGranted", "via", "createdAt")
      SELECT ${id}, ${actorId}, ${userId}, ${right}, ${isGranted}, ${via}, ${now} WHERE changes() = 1`,
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
  if ((await changeRight(userId, right, isGranted, by)) === 1) return { ok: true, changed: true };
  // Nothing changed: another request changed it first, or this is the last administrator.
  return right === "admin" && !isGranted && (await isAdministrator(userId))
    ? { ok: false, reason: "last-admin" }
    : { ok: true, changed: false };
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

import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient as PostgresPrismaClient, Prisma } from "@/generated/prisma-pg/client";
import { backupDatabase } from "@/server/backup";
import { copyToPostgres, CopyError, verifyCopy } from "@/server/db-copy";
import {
  applyMigrations,
  applyPostgresMigrations,
  POSTGRES_MIGRATIONS_DIR,
  SQLITE_MIGRATIONS_DIR,
} from "@/server/migrate";
import { TMP_DIR } from "../support/paths";
import { createDatabase, dropDatabases, onPostgres } from "../support/postgres";

// `npm run db:copy`: an instance's SQLite database, built by the real migrator and filled through
// the real server modules, copied into throw-away PostgreSQL databases. It needs PostgreSQL, so it
// runs with the suite on PostgreSQL (npm run test:server:pg), as the migrator's tests do; the app
// modules below are loaded on the SQLite source all the same (DATABASE_URL is cleared before they
// are first imported), since that is the database an instance moves from.

const prefix = `copy_test_${process.pid}_`;
let counter = 0;
const freshTarget = async () => createDatabase(`${prefix}${++counter}`);
/** A consistent copy of the source (it is in WAL mode and open), through the app's backup. */
const copyOfSource = async (name: string) => {
  const file = path.join(path.dirname(SOURCE), `${name}-${++counter}.db`);
  await backupDatabase(SOURCE, file);
  return file;
};
const SOURCE = path.join(TMP_DIR, "db-copy", `source-${process.pid}.db`);
const EVERY_TABLE = Object.values(Prisma.ModelName).sort();

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

const countIn = async (url: string, table: string) =>
  (await query<{ n: number }>(url, `SELECT count(*)::int AS n FROM "${table}"`))[0]!.n;

/** What a Prisma client reads from either database, for rows compared side by side. */
async function snapshot(client: PostgresPrismaClient, userId: string, attemptId: string) {
  const byId = <T extends { id: string }>(rows: T[]) => rows.sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    user: await client.user.findUniqueOrThrow({ where: { id: userId }, include: { accounts: true } }),
    attempt: await client.attempt.findUniqueOrThrow({
      where: { id: attemptId },
      include: {
        answers: { orderBy: { position: "asc" } },
        skillEstimates: { orderBy: { skillId: "asc" } },
      },
    }),
    plans: byId(await client.learningPlan.findMany({ where: { userId }, include: { items: true } })).map(
      (plan) => ({ ...plan, items: byId(plan.items) }),
    ),
    verifications: byId(await client.verification.findMany()),
    cohorts: byId(await client.cohort.findMany({ include: { enrollments: true, assessment: true } })),
  };
}

describe.runIf(onPostgres)("db:copy from SQLite to PostgreSQL", () => {
  let sqliteClient: PostgresPrismaClient;
  let user: { id: string; email: string };
  let attemptId: string;

  beforeAll(async () => {
    // The instance being moved runs on SQLite: load the app modules on the source file.
    delete process.env.DATABASE_URL;
    process.env.DATABASE_PATH = SOURCE;
    fs.rmSync(path.dirname(SOURCE), { recursive: true, force: true });
    await applyMigrations(SOURCE, { quiet: true });
    const { db } = await import("@/server/db");
    const { signUp } = await import("@/server/accounts");
    const { userOwner } = await import("@/server/identity/owner");
    const { dontKnowAttempt } = await import("../factories/people");
    const { createStaffedCohort } = await import("../factories/cohorts");
    // The same query API on both providers (src/server/db.ts), so one type serves both below.
    sqliteClient = db as unknown as PostgresPrismaClient;

    const email = "ada.lovelace@example.com";
    const signedUp = await signUp(
      { name: "Ada Lovelace — “Ω” 🚀", email, password: "correct horse battery staple" },
      new Headers(),
      null,
    );
    if (!signedUp.ok) throw new Error(JSON.stringify(signedUp));
    user = { id: signedUp.userId, email };
    attemptId = await dontKnowAttempt(userOwner(user.id), { to: "ai-engineer", answers: 3 });
    await createStaffedCohort("ai-engineer", { timeZone: "Europe/Berlin" });
    // Thousands of rows, so the copy takes several INSERT statements and cursor fetches.
    await db.questionReport.createMany({
      data: Array.from({ length: 4_500 }, (_, index) => ({
        questionId: `q-${index}`,
        attemptId: index % 2 ? attemptId : null,
        reason: "typo",
        details: `Row ${index}: it's "quoted", has a \\ and ünïcödé ✓`,
        contentHash: "hash",
      })),
    });
    // Timestamps as older rows and SQLite's own defaults hold them: milliseconds, and
    // CURRENT_TIMESTAMP text (UTC without an offset).
    const raw = new Database(SOURCE);
    raw
      .prepare(
        `INSERT INTO "Verification" (id, identifier, value, expiresAt, createdAt, updatedAt)
         VALUES ('v-ms', 'reset', 'x', ?, '2026-03-01 12:34:56', '2026-03-01T12:34:56.789+00:00')`,
      )
      .run(Date.UTC(2026, 2, 2, 8, 0, 0, 250));
    raw.close();
  }, 120_000);

  afterAll(async () => {
    await sqliteClient?.$disconnect();
    await dropDatabases(prefix);
  }, 60_000);

  it("copies every table with equal row counts and checksums, into the committed schema", async () => {
    const target = await freshTarget();

    const report = await copyToPostgres(SOURCE, target);

    expect(report.tables.map((check) => check.table)).toEqual(EVERY_TABLE);
    for (const check of report.tables) {
      expect(check, check.table).toMatchObject({ matches: true, targetRows: check.sourceRows });
      expect(check.targetChecksum).toBe(check.sourceChecksum);
    }
    const rows = Object.fromEntries(report.tables.map((check) => [check.table, check.targetRows]));
    expect(rows).toMatchObject({ User: 2, Account: 1, Attempt: 1, Answer: 3, QuestionReport: 4_500 });
    expect(rows.SkillEstimate).toBeGreaterThan(0);
    expect(rows.Enrollment).toBeGreaterThan(0);
    expect(await countIn(target, "QuestionReport")).toBe(4_500);
    // Migrated by the app's migrator: re-running it finds nothing to do.
    expect((await applyPostgresMigrations(target, { quiet: true })).applied).toEqual([]);
  }, 60_000);

  it("leaves a working instance: the PostgreSQL client reads what the SQLite one does", async () => {
    const target = await freshTarget();
    await copyToPostgres(SOURCE, target);
    const copy = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: target }) });
    try {
      const copied = await snapshot(copy, user.id, attemptId);

      expect(copied).toEqual(await snapshot(sqliteClient, user.id, attemptId));
      expect(copied.user.name).toBe("Ada Lovelace — “Ω” 🚀");
      expect(copied.user.accounts).toEqual([
        expect.objectContaining({ providerId: "credential", password: expect.stringMatching(/\S{20}/) }),
      ]);
      expect(copied.attempt.answers).toHaveLength(3);
      expect(copied.attempt.answers.every((answer) => answer.isDontKnow && !answer.isCorrect)).toBe(true);
      expect(copied.attempt.status).toBe("completed");
      expect(copied.attempt.resultJson).toBeTruthy();
      expect(copied.verifications.find((row) => row.id === "v-ms")).toMatchObject({
        expiresAt: new Date("2026-03-02T08:00:00.250Z"),
        createdAt: new Date("2026-03-01T12:34:56.000Z"),
        updatedAt: new Date("2026-03-01T12:34:56.789Z"),
      });
      // And it takes new writes.
      await copy.questionReport.create({
        data: { questionId: "q-new", reason: "other", details: "after the move", contentHash: "h" },
      });
    } finally {
      await copy.$disconnect();
    }
  }, 60_000);

  it("refuses a target that holds rows, changing nothing, unless --force replaces them", async () => {
    const target = await freshTarget();
    const first = await copyToPostgres(SOURCE, target);
    await query(target, `DELETE FROM "QuestionReport" WHERE "questionId" = 'q-7'`);
    await query(
      target,
      `INSERT INTO "Team" (id, name, "targetRoleId") VALUES ('only-in-target', 'T', 'ai-engineer')`,
    );

    const refused = copyToPostgres(SOURCE, target);
    await expect(refused).rejects.toThrow(CopyError);
    await expect(refused).rejects.toThrow(/The target is not empty \(rows in .*QuestionReport.*\).*--force/);
    expect(await countIn(target, "QuestionReport")).toBe(4_499);
    expect(await countIn(target, "Team")).toBe(1);

    const replaced = await copyToPostgres(SOURCE, target, { force: true });
    expect(replaced.tables).toEqual(first.tables);
    expect(await query(target, `SELECT id FROM "Team" WHERE id = 'only-in-target'`)).toEqual([]);
    // Idempotent: once more with --force, the same target again.
    expect((await copyToPostgres(SOURCE, target, { force: true })).tables).toEqual(first.tables);
  }, 90_000);

  it("detects a changed row in the target", async () => {
    const target = await freshTarget();
    await copyToPostgres(SOURCE, target);
    expect((await verifyCopy(SOURCE, target)).every((check) => check.matches)).toBe(true);

    await query(target, `UPDATE "Answer" SET "difficulty" = "difficulty" + 1e-9 WHERE "position" = 2`);
    const checks = await verifyCopy(SOURCE, target);

    const answer = checks.find((check) => check.table === "Answer")!;
    expect(answer).toMatchObject({ matches: false, sourceRows: 3, targetRows: 3 });
    expect(answer.targetChecksum).not.toBe(answer.sourceChecksum);
    expect(checks.filter((check) => !check.matches).map((check) => check.table)).toEqual(["Answer"]);
  }, 60_000);

  it("rolls everything back when a row cannot be copied", async () => {
    const broken = await copyOfSource("broken");
    const raw = new Database(broken);
    raw.prepare(`UPDATE "Answer" SET "isCorrect" = 7 WHERE "position" = 3`).run();
    raw.close();
    const target = await freshTarget();

    await expect(copyToPostgres(broken, target)).rejects.toThrow(
      /Answer\.isCorrect of row \S+ cannot be read as boolean: expected 0 or 1, found 7/,
    );
    for (const table of ["User", "Attempt", "Answer", "QuestionReport"])
      expect(await countIn(target, table)).toBe(0);
  }, 60_000);

  it("moves a serial column's sequence past the largest copied id", async () => {
    // No table has one today; one added by a migration on both sides is copied without code changes.
    const withCounter = (from: string, sql: string) => {
      const dir = path.join(path.dirname(SOURCE), `migrations-${++counter}`);
      fs.cpSync(path.resolve(from), dir, { recursive: true });
      fs.mkdirSync(path.join(dir, "29990101000000_counter"));
      fs.writeFileSync(path.join(dir, "29990101000000_counter", "migration.sql"), sql);
      return dir;
    };
    const sqliteMigrationsDir = withCounter(
      SQLITE_MIGRATIONS_DIR,
      'CREATE TABLE "Counter" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "label" TEXT NOT NULL);\n',
    );
    const postgresMigrationsDir = withCounter(
      POSTGRES_MIGRATIONS_DIR,
      'CREATE TABLE "Counter" ("id" SERIAL NOT NULL, "label" TEXT NOT NULL, CONSTRAINT "Counter_pkey" PRIMARY KEY ("id"));\n',
    );
    const source = await copyOfSource("counter");
    await applyMigrations(source, { quiet: true, migrationsDir: sqliteMigrationsDir });
    const raw = new Database(source);
    raw.exec(`INSERT INTO "Counter" ("id", "label") VALUES (1, 'a'), (2, 'b'), (10, 'c')`);
    raw.close();
    const target = await freshTarget();

    const report = await copyToPostgres(source, target, { sqliteMigrationsDir, postgresMigrationsDir });

    expect(report.tables.find((check) => check.table === "Counter")).toMatchObject({
      targetRows: 3,
      matches: true,
    });
    expect(await query(target, `INSERT INTO "Counter" ("label") VALUES ('next') RETURNING "id"`)).toEqual([
      { id: 11 },
    ]);
  }, 60_000);

  it("refuses a table that exists on one side only, naming it", async () => {
    const extra = await copyOfSource("extra");
    const raw = new Database(extra);
    raw.exec(`CREATE TABLE "Scratch" ("id" TEXT PRIMARY KEY)`);
    raw.close();
    await expect(copyToPostgres(extra, await freshTarget())).rejects.toThrow(
      "Table(s) Scratch exist in the SQLite database but not in the migrated PostgreSQL one.",
    );

    const target = await freshTarget();
    await query(target, `CREATE TABLE "Leftover" ("id" TEXT PRIMARY KEY)`);
    await expect(copyToPostgres(SOURCE, target)).rejects.toThrow(
      "Table(s) Leftover exist in the PostgreSQL database but not in the SQLite one.",
    );
  }, 60_000);

  it("refuses a source that is missing or not fully migrated", async () => {
    const target = await freshTarget();
    await expect(copyToPostgres(path.join(TMP_DIR, "db-copy", "none.db"), target)).rejects.toThrow(
      /No SQLite database at .*none\.db/,
    );
    expect(fs.existsSync(path.join(TMP_DIR, "db-copy", "none.db"))).toBe(false);

    const behind = await copyOfSource("behind");
    const raw = new Database(behind);
    raw.exec(`DELETE FROM "_prisma_migrations" WHERE migration_name LIKE '%mail_queue'`);
    raw.close();
    await expect(copyToPostgres(behind, target)).rejects.toThrow(
      /lacks 1 migration\(s\) \(\d+_mail_queue\): run npm run db:migrate \(or npm start, which migrates\)/,
    );
    expect(await countIn(target, "_prisma_migrations").catch(() => "no table")).toBe("no table");
  }, 60_000);

  it("refuses a target that is not a reachable PostgreSQL database", async () => {
    await expect(copyToPostgres(SOURCE, "mysql://localhost/waypoint")).rejects.toThrow(
      "--to must be a postgresql:// URL, not mysql://…",
    );
    await expect(copyToPostgres(SOURCE, "postgresql://user:secret@127.0.0.1:9/x")).rejects.toThrow(
      /Cannot connect to postgresql:\/\/user:\*\*\*@127\.0\.0\.1:9\/x: .*ECONNREFUSED/,
    );
    const missing = new URL(await freshTarget());
    missing.pathname = `/${prefix}missing`;
    await expect(copyToPostgres(SOURCE, missing.toString())).rejects.toThrow(
      new RegExp(`database "${prefix}missing" does not exist`),
    );
  }, 60_000);

  it("npm run db:copy prints the per-table check and exits non-zero on bad input", async () => {
    const run = promisify(execFile);
    const npm = (args: string[]) =>
      run("npm", ["run", "--silent", "db:copy", "--", ...args], {
        env: { ...process.env, DATABASE_PATH: SOURCE, DATABASE_URL: "", NODE_ENV: "development" },
      });
    const target = await freshTarget();

    const { stdout } = await npm(["--to", target]);
    expect(stdout).toMatch(/^Answer\s+3\s+3\s+match$/m);
    expect(stdout).toMatch(/^QuestionReport\s+4500\s+4500\s+match$/m);
    expect(stdout).toMatch(
      new RegExp(`Copied .* ${EVERY_TABLE.length} tables, \\d+ rows, row counts and checksums match\\.`),
    );

    await expect(npm(["--to", target])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/The target is not empty/),
    });
    await expect(npm([])).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/Missing --to/) });
    await query(target, `DELETE FROM "Session"`);
    await expect(npm(["--to", target, "--verify-only"])).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/^Session\s+\d+\s+0\s+MISMATCH \(rows\)$/m),
    });
  }, 120_000);
});

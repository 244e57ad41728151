import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { backupDatabase } from "@/server/backup";
import { db, sqliteRows, sqliteRun } from "@/server/db";
import { applyMigrations } from "@/server/migrate";
import { TMP_DIR } from "../support/paths";
import { onPostgres } from "../support/postgres";

function tempPath(name: string): string {
  return path.join(TMP_DIR, `${name}-${process.pid}-${Date.now()}.db`);
}

async function createAttempt() {
  return db.attempt.create({
    data: {
      anonymousTokenHash: "a".repeat(64),
      targetRoleId: "ai-engineer",
      currentRoleId: "data-scientist",
      contentHash: "c".repeat(64),
      engineSeed: 42,
    },
    select: { id: true },
  });
}

describe.skipIf(onPostgres)("SQLite migrations", () => {
  it("apply to an empty database, create every table and turn on WAL", async () => {
    const file = tempPath("fresh");
    await applyMigrations(file, { quiet: true });
    const sqlite = new Database(file, { readonly: true });
    const tables = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all() as { name: string }[];
    expect(tables.map((table) => table.name)).toEqual(
      expect.arrayContaining([
        "Answer",
        "Attempt",
        "LearningPlan",
        "PlanItem",
        "SkillEstimate",
        "_prisma_migrations",
      ]),
    );
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    sqlite.close();
  });

  it("commits on the app's connection without a flush per commit (WAL, synchronous = NORMAL: better-sqlite3's default there), as the README says", async () => {
    const [row] = await db.$queryRawUnsafe<{ synchronous: bigint | number }[]>("PRAGMA synchronous");
    expect(Number(row?.synchronous)).toBe(1);
  });

  it("match prisma/schema.prisma (no schema change without its migration)", () => {
    // --exit-code: 0 when the snapshot the last migration was made from equals the schema, 2 otherwise.
    const run = () =>
      execFileSync(
        "node_modules/.bin/prisma",
        [
          "migrate",
          "diff",
          "--from-schema-datamodel",
          "prisma/migrations/schema.snapshot.prisma",
          "--to-schema-datamodel",
          "prisma/schema.prisma",
          "--exit-code",
        ],
        { stdio: "pipe", env: { ...process.env, DATABASE_PATH: tempPath("diff") } },
      );
    expect(run).not.toThrow();
  });
});

describe("answers", () => {
  it("round-trip through the database", async () => {
    const attempt = await createAttempt();
    await db.answer.create({
      data: {
        attemptId: attempt.id,
        questionId: "python-mutable-default",
        skillId: "python",
        chosenOptionIds: JSON.stringify(["shared-list"]),
        isCorrect: true,
        position: 1,
        difficulty: -0.5,
        discrimination: 1.3,
        guessing: 0.25,
      },
    });
    const stored = await db.answer.findUniqueOrThrow({
      where: { attemptId_questionId: { attemptId: attempt.id, questionId: "python-mutable-default" } },
      select: { chosenOptionIds: true, isCorrect: true, isDontKnow: true, guessing: true },
    });
    expect(stored).toEqual({
      chosenOptionIds: '["shared-list"]',
      isCorrect: true,
      isDontKnow: false,
      guessing: 0.25,
    });
  });

  it("are unique per attempt and question", async () => {
    const attempt = await createAttempt();
    const data = {
      attemptId: attempt.id,
      questionId: "sql-window-rank",
      skillId: "sql",
      chosenOptionIds: "[]",
      isCorrect: false,
      isDontKnow: true,
      position: 1,
      difficulty: 0.5,
      discrimination: 1.3,
      guessing: 0,
    };
    await db.answer.create({ data });
    await expect(db.answer.create({ data: { ...data, position: 2 } })).rejects.toMatchObject({
      code: "P2002",
    });
    expect(await db.answer.count({ where: { attemptId: attempt.id } })).toBe(1);
  });

  it("are deleted with their attempt", async () => {
    const attempt = await createAttempt();
    await db.answer.create({
      data: {
        attemptId: attempt.id,
        questionId: "docker-layer-cache",
        skillId: "docker",
        chosenOptionIds: "[]",
        isCorrect: false,
        position: 1,
        difficulty: 0,
        discrimination: 1.3,
        guessing: 0.25,
      },
    });
    await db.attempt.delete({ where: { id: attempt.id } });
    expect(await db.answer.count({ where: { attemptId: attempt.id } })).toBe(0);
  });
});

describe.skipIf(onPostgres)("backupDatabase", () => {
  it("copies a live WAL database into a self-contained file that holds the rows", async () => {
    const source = tempPath("backup-source");
    await applyMigrations(source, { quiet: true });
    const live = new Database(source);
    live
      .prepare(
        `INSERT INTO Attempt (id, anonymousTokenHash, targetRoleId, contentHash, engineSeed, budget, status, createdAt, updatedAt)
       VALUES (?, ?, 'ai-engineer', 'hash', 7, 30, 'in_progress', ?, ?)`,
      )
      .run("attempt-1", "t".repeat(64), Date.now(), Date.now());
    // The row is still only in the WAL while this connection is open.
    const destination = tempPath("backup-copy");
    const result = await backupDatabase(source, destination);
    live.close();

    expect(result.bytes).toBeGreaterThan(0);
    expect(fs.existsSync(`${destination}-wal`)).toBe(false);
    const copy = new Database(destination, { readonly: true });
    expect(copy.prepare("SELECT id, engineSeed FROM Attempt").all()).toEqual([
      { id: "attempt-1", engineSeed: 7 },
    ]);
    expect(copy.pragma("journal_mode", { simple: true })).toBe("delete");
    copy.close();
  });

  it("refuses to overwrite an existing file", async () => {
    const source = tempPath("backup-source-2");
    await applyMigrations(source, { quiet: true });
    const destination = tempPath("backup-existing");
    fs.writeFileSync(destination, "keep me");
    await expect(backupDatabase(source, destination)).rejects.toThrow(/Refusing to overwrite/);
    expect(fs.readFileSync(destination, "utf8")).toBe("keep me");
  });
});

describe("the answer path's own SQLite statements (sqliteRows, sqliteRun)", () => {
  it.skipIf(onPostgres)(
    "run on Prisma's own connection: a temporary table one creates, the other sees",
    async () => {
      // Temporary tables belong to one connection: a second connection to the file would not see it.
      const table = `probe_${process.pid}_${Date.now()}`;
      await sqliteRun(`CREATE TEMP TABLE "${table}" ("id" TEXT, "at" TEXT, "flag" INTEGER)`, []);
      const at = new Date("2026-03-04T05:06:07.089Z");
      expect(await sqliteRun(`INSERT INTO "${table}" VALUES (?, ?, ?)`, ["one", at, true])).toBe(1);
      expect(await db.$queryRawUnsafe(`SELECT "id", "flag" FROM "${table}"`)).toEqual([
        { id: "one", flag: 1 },
      ]);
      // Bound as Prisma's adapter binds a date and a boolean, integers read back as numbers.
      expect(await sqliteRows(`SELECT "at", "flag" FROM "${table}"`, [])).toEqual([
        { at: "2026-03-04T05:06:07.089+00:00", flag: 1 },
      ]);
      await sqliteRun(`DROP TABLE "${table}"`, []);
    },
  );

  it.skipIf(onPostgres)("write what Prisma reads back unchanged, and read what Prisma wrote", async () => {
    const { id } = await createAttempt();
    const shownAt = new Date("2026-05-06T07:08:09.123Z");
    expect(
      await sqliteRun(`UPDATE "Attempt" SET "questionShownAt" = ?, "currentQuestionId" = ? WHERE "id" = ?`, [
        shownAt,
        "q-9",
        id,
      ]),
    ).toBe(1);
    const row = await db.attempt.findUniqueOrThrow({ where: { id } });
    expect(row.questionShownAt).toEqual(shownAt);
    expect(
      await sqliteRows(`SELECT "engineSeed", "currentQuestionId" FROM "Attempt" WHERE "id" = ?`, [id]),
    ).toEqual([{ engineSeed: 42, currentQuestionId: "q-9" }]);
  });

  it.skipIf(onPostgres)("open Prisma's connection again after it was closed", async () => {
    await db.$disconnect();
    expect(await sqliteRows(`SELECT 1 AS "one"`, [])).toEqual([{ one: 1 }]);
    expect(await db.attempt.count()).toBeGreaterThanOrEqual(0);
  });

  it.runIf(onPostgres)("refuse to run on PostgreSQL", async () => {
    await expect(sqliteRows(`SELECT 1`, [])).rejects.toThrow(/need SQLite/);
  });
});

import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { purgeAnonymous, sqliteTimestamp } from "@/lib/retention";
import { TEMPLATE_DB, TMP_DIR } from "../support/paths";

function freshDatabase(): Database.Database {
  const file = path.join(TMP_DIR, `retention-${process.pid}-${Date.now()}.db`);
  fs.copyFileSync(TEMPLATE_DB, file);
  return new Database(file);
}

function insertAttempt(
  database: Database.Database,
  id: string,
  owner: { userId?: string; token?: string },
  updatedAt: Date,
): void {
  database
    .prepare(
      `INSERT INTO "Attempt" ("id", "userId", "anonymousTokenHash", "targetRoleId", "contentHash", "engineSeed", "createdAt", "updatedAt") VALUES (?, ?, ?, 'ai-engineer', 'h', 1, ?, ?)`,
    )
    .run(
      id,
      owner.userId ?? null,
      owner.token ?? null,
      sqliteTimestamp(updatedAt),
      sqliteTimestamp(updatedAt),
    );
}

describe("retention of anonymous work", () => {
  it("deletes unclaimed attempts idle past the period, with their answers, and keeps the rest", () => {
    const database = freshDatabase();
    const now = new Date("2026-11-29T12:00:00Z");
    const day = 24 * 60 * 60 * 1000;
    database
      .prepare(
        `INSERT INTO "User" ("id", "name", "email", "updatedAt") VALUES ('u1', 'Ada', 'ada@example.com', ?)`,
      )
      .run(sqliteTimestamp(now));
    insertAttempt(database, "old-anonymous", { token: "t1" }, new Date(now.getTime() - 91 * day));
    insertAttempt(database, "recent-anonymous", { token: "t2" }, new Date(now.getTime() - 89 * day));
    insertAttempt(database, "old-claimed", { userId: "u1" }, new Date(now.getTime() - 400 * day));
    database
      .prepare(
        `INSERT INTO "Answer" ("id", "attemptId", "questionId", "skillId", "chosenOptionIds", "isCorrect", "position", "difficulty", "discrimination", "guessing") VALUES ('a1', 'old-anonymous', 'q', 's', '[]', 0, 1, 0, 1, 0)`,
      )
      .run();

    expect(purgeAnonymous(database, 90, now)).toEqual({ attempts: 1, plans: 0 });
    const left = database.prepare(`SELECT "id" FROM "Attempt" ORDER BY "id"`).all() as { id: string }[];
    expect(left.map((row) => row.id)).toEqual(["old-claimed", "recent-anonymous"]);
    expect(database.prepare(`SELECT COUNT(*) AS n FROM "Answer"`).get()).toEqual({ n: 0 });
    database.close();
  });
});

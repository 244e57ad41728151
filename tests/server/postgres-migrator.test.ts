import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { applyPostgresMigrations, POSTGRES_MIGRATIONS_DIR, resetPostgresDatabase } from "@/server/migrate";
import { checksumOf, MigrationError, readMigrations } from "@/server/migrator";
import { TMP_DIR } from "../support/paths";
import { createDatabase, dropDatabases, onPostgres } from "../support/postgres";

// The app's own migrator on PostgreSQL (docs/decisions/009, 011): prisma/postgresql/migrations,
// recorded in Prisma's _prisma_migrations, under an advisory lock.
const MIGRATIONS = path.resolve(POSTGRES_MIGRATIONS_DIR);
const committed = readMigrations(MIGRATIONS).map((migration) => migration.name);
const prefix = `waypoint_migrator_${process.pid}_`;
let counter = 0;

async function freshDatabase(): Promise<string> {
  counter += 1;
  return createDatabase(`${prefix}${counter}`);
}

/** A copy of the committed migrations plus `extra` (folder name → SQL), to change without harm. */
function migrationsWith(extra: Record<string, string>): string {
  const dir = path.join(TMP_DIR, "pg-migrator", `migrations-${process.pid}-${++counter}`);
  fs.cpSync(MIGRATIONS, dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

type Row = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  applied_steps_count: number;
};
const historyOf = (url: string) =>
  query<Row>(
    url,
    "SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name",
  );
const tablesOf = async (url: string) =>
  (
    await query<{ name: string }>(
      url,
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    )
  ).map((row) => row.name);

describe.runIf(onPostgres)("the migrator on PostgreSQL", () => {
  afterAll(() => dropDatabases(prefix), 60_000);

  it("builds a fresh database and records every migration with Prisma's checksum", async () => {
    const url = await freshDatabase();
    const run = await applyPostgresMigrations(url, { quiet: true });

    expect(run.applied).toEqual(committed);
    expect(await tablesOf(url)).toEqual(expect.arrayContaining(["Answer", "Attempt", "QueuedMail", "User"]));
    const history = await historyOf(url);
    expect(history.map((row) => row.migration_name)).toEqual(committed);
    for (const row of history) {
      const file = fs.readFileSync(path.join(MIGRATIONS, row.migration_name, "migration.sql"));
      expect(row).toMatchObject({ checksum: checksumOf(file), applied_steps_count: 1 });
      expect(row.finished_at).toBeInstanceOf(Date);
    }
    expect(await applyPostgresMigrations(url, { quiet: true })).toEqual({
      applied: [],
      total: committed.length,
    });
  }, 30_000);

  it("migrates exactly once when two migrators start on the same fresh database together", async () => {
    const url = await freshDatabase();
    // A deliberately slow last migration keeps the first migrator inside its lock while the other waits.
    const dir = migrationsWith({
      "29990101000000_slow":
        'CREATE TABLE "Filler" ("n" INTEGER NOT NULL);\nSELECT pg_sleep(0.5);\nINSERT INTO "Filler" VALUES (1);\n',
    });

    const runs = await Promise.all([
      applyPostgresMigrations(url, { quiet: true, migrationsDir: dir }),
      applyPostgresMigrations(url, { quiet: true, migrationsDir: dir }),
    ]);

    const all = [...committed, "29990101000000_slow"];
    expect(runs.flatMap((run) => run.applied).sort()).toEqual(all);
    expect(runs.map((run) => run.applied.length).sort()).toEqual([0, all.length]);
    expect((await historyOf(url)).map((row) => row.migration_name)).toEqual(all);
    expect(await query(url, 'SELECT count(*)::int AS n FROM "Filler"')).toEqual([{ n: 1 }]);
  }, 30_000);

  it("rolls a failing migration back completely and leaves the history unchanged", async () => {
    const url = await freshDatabase();
    await applyPostgresMigrations(url, { quiet: true });
    const before = await historyOf(url);
    const dir = migrationsWith({
      "29990101000000_broken":
        'CREATE TABLE "Half" ("id" TEXT NOT NULL PRIMARY KEY);\nINSERT INTO "NoSuchTable" VALUES (1);\n',
    });

    await expect(applyPostgresMigrations(url, { quiet: true, migrationsDir: dir })).rejects.toThrow(
      /Migration 29990101000000_broken failed and was rolled back: relation "NoSuchTable" does not exist/,
    );
    expect(await historyOf(url)).toEqual(before);
    expect(await tablesOf(url)).not.toContain("Half");
  }, 30_000);

  it("refuses when an applied migration's file changed since", async () => {
    const url = await freshDatabase();
    await applyPostgresMigrations(url, { quiet: true });
    const dir = migrationsWith({});
    fs.appendFileSync(path.join(dir, committed[1]!, "migration.sql"), "\n-- edited\n");

    const attempt = applyPostgresMigrations(url, { quiet: true, migrationsDir: dir });

    await expect(attempt).rejects.toThrow(MigrationError);
    await expect(attempt).rejects.toThrow(`${committed[1]}/migration.sql was changed after it was applied`);
  }, 30_000);

  it("resets a database to an empty migrated one", async () => {
    const url = await freshDatabase();
    await applyPostgresMigrations(url, { quiet: true });
    await query(url, `INSERT INTO "Team" (id, name, "targetRoleId") VALUES ('t', 'T', 'ai-engineer')`);

    const run = await resetPostgresDatabase(url, { quiet: true });

    expect(run.applied).toEqual(committed);
    expect(await query(url, 'SELECT count(*)::int AS n FROM "Team"')).toEqual([{ n: 0 }]);
  }, 30_000);
});

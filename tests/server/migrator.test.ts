import { execFile, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { backupDatabase } from "@/server/backup";
import { applyMigrations, resetDatabase } from "@/server/migrate";
import { checksumOf, MigrationError, readMigrations } from "@/server/migrator";
import { TMP_DIR } from "../support/paths";
import { onPostgres } from "../support/postgres";

// The SQLite side of the migrator and the SQLite maintenance scripts; PostgreSQL's is in
// postgres-migrator.test.ts.

const MIGRATIONS = path.resolve("prisma/migrations");
const committed = readMigrations(MIGRATIONS).map((migration) => migration.name);
const run = promisify(execFile);

let counter = 0;
function tempPath(name: string): string {
  counter += 1;
  return path.join(TMP_DIR, "migrator", `${name}-${process.pid}-${counter}.db`);
}

/** A copy of the committed migrations plus `extra` (folder name → SQL), to change without harm. */
function migrationsWith(extra: Record<string, string>): string {
  const dir = path.join(TMP_DIR, "migrator", `migrations-${process.pid}-${++counter}`);
  fs.cpSync(MIGRATIONS, dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

type Row = {
  id: string;
  checksum: string;
  finished_at: string | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: string | null;
  started_at: string;
  applied_steps_count: number;
};

function historyOf(file: string): Row[] {
  const sqlite = new Database(file, { readonly: true });
  try {
    return sqlite.prepare("SELECT * FROM _prisma_migrations ORDER BY migration_name").all() as Row[];
  } finally {
    sqlite.close();
  }
}

function schemaOf(file: string): { type: string; name: string; sql: string | null }[] {
  const sqlite = new Database(file, { readonly: true });
  try {
    return sqlite
      .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
      .all() as { type: string; name: string; sql: string | null }[];
  } finally {
    sqlite.close();
  }
}

/** What `prisma migrate deploy` makes of an empty file: the fixture for the take-over. */
function migrateWithPrisma(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], {
    stdio: "pipe",
    env: { ...process.env, DATABASE_PATH: file, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}

function prismaStatus(file: string): string {
  return execFileSync("node_modules/.bin/prisma", ["migrate", "status"], {
    encoding: "utf8",
    stdio: "pipe",
    env: { ...process.env, DATABASE_PATH: file, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}

function mode(file: string): string {
  return (fs.statSync(file).mode & 0o777).toString(8);
}

describe.skipIf(onPostgres)("the migrator", () => {
  it("builds a fresh database with Prisma's schema and a history `prisma migrate status` accepts", async () => {
    const ours = tempPath("fresh");
    const result = await applyMigrations(ours, { quiet: true });
    expect(result.applied).toEqual(committed);

    const theirs = tempPath("prisma");
    migrateWithPrisma(theirs);
    expect(schemaOf(ours)).toEqual(schemaOf(theirs));

    const history = historyOf(ours);
    expect(history.map((row) => row.migration_name)).toEqual(committed);
    for (const row of history) {
      const file = fs.readFileSync(path.join(MIGRATIONS, row.migration_name, "migration.sql"));
      expect(row).toMatchObject({
        checksum: checksumOf(file),
        logs: null,
        rolled_back_at: null,
        applied_steps_count: 1,
      });
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
    }
    expect(prismaStatus(ours)).toMatch(/Database schema is up to date/);
  }, 30_000);

  it("takes over a database migrated by `prisma migrate deploy` as up to date and leaves its history alone", async () => {
    const file = tempPath("taken-over");
    migrateWithPrisma(file);
    const before = historyOf(file);

    const result = await applyMigrations(file, { quiet: true });

    expect(result).toEqual({ applied: [], total: committed.length });
    expect(historyOf(file)).toEqual(before);
    const sqlite = new Database(file, { readonly: true });
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    sqlite.close();
  }, 30_000);

  it("says it is up to date and changes nothing on a second run", async () => {
    const file = tempPath("twice");
    await applyMigrations(file, { quiet: true });
    const before = historyOf(file);
    const lines: string[] = [];
    const log = console.log;
    console.log = (line: string) => lines.push(line);
    try {
      expect((await applyMigrations(file)).applied).toEqual([]);
    } finally {
      console.log = log;
    }
    expect(lines).toEqual([`Database up to date (${committed.length} migrations); nothing to apply.`]);
    expect(historyOf(file)).toEqual(before);
  });

  it("applies a new migration on top of a Prisma-migrated database, and only that one", async () => {
    const file = tempPath("on-top");
    migrateWithPrisma(file);
    const sql = 'CREATE TABLE "Extra" ("id" TEXT NOT NULL PRIMARY KEY);\n';
    const dir = migrationsWith({ "29990101000000_extra": sql });

    const result = await applyMigrations(file, { quiet: true, migrationsDir: dir });

    expect(result.applied).toEqual(["29990101000000_extra"]);
    const last = historyOf(file).at(-1);
    expect(last).toMatchObject({ migration_name: "29990101000000_extra", checksum: checksumOf(sql) });
    expect(schemaOf(file).map((object) => object.name)).toContain("Extra");
  }, 30_000);

  it("refuses when an applied migration's file changed since", async () => {
    const file = tempPath("changed");
    await applyMigrations(file, { quiet: true });
    const dir = migrationsWith({});
    fs.appendFileSync(path.join(dir, committed[1]!, "migration.sql"), "\n-- edited\n");

    const attempt = applyMigrations(file, { quiet: true, migrationsDir: dir });

    await expect(attempt).rejects.toThrow(MigrationError);
    await expect(attempt).rejects.toThrow(`${committed[1]}/migration.sql was changed after it was applied`);
  });

  it("refuses when an applied migration is missing from prisma/migrations", async () => {
    const file = tempPath("missing");
    await applyMigrations(file, {
      quiet: true,
      migrationsDir: migrationsWith({ "29990101000000_gone": "SELECT 1;" }),
    });

    await expect(applyMigrations(file, { quiet: true })).rejects.toThrow(
      "The database has migration 29990101000000_gone applied, but prisma/migrations has no such folder",
    );
  });

  it("refuses when a recorded migration failed and was never resolved", async () => {
    const file = tempPath("failed");
    await applyMigrations(file, { quiet: true });
    const sqlite = new Database(file);
    sqlite
      .prepare("UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = ?")
      .run(committed.at(-1));
    sqlite.close();

    await expect(applyMigrations(file, { quiet: true })).rejects.toThrow(
      `Migration ${committed.at(-1)} started earlier and never finished`,
    );
  });

  it("rolls a failing migration back completely and leaves the history unchanged", async () => {
    const file = tempPath("failing");
    await applyMigrations(file, { quiet: true });
    const before = historyOf(file);
    const dir = migrationsWith({
      "29990101000000_broken":
        'CREATE TABLE "Half" ("id" TEXT NOT NULL PRIMARY KEY);\nINSERT INTO "NoSuchTable" VALUES (1);\n',
    });

    await expect(applyMigrations(file, { quiet: true, migrationsDir: dir })).rejects.toThrow(
      /Migration 29990101000000_broken failed and was rolled back: no such table: NoSuchTable/,
    );
    expect(historyOf(file)).toEqual(before);
    expect(schemaOf(file).map((object) => object.name)).not.toContain("Half");
  });

  it("refuses a migration that leaves rows pointing nowhere", async () => {
    const file = tempPath("orphans");
    await applyMigrations(file, { quiet: true });
    const before = historyOf(file);
    const dir = migrationsWith({
      "29990101000000_orphans":
        "INSERT INTO \"Team\" (id, name, targetRoleId) VALUES ('t', 'T', 'ai-engineer');\n" +
        "INSERT INTO \"Membership\" (id, teamId, userId, updatedAt) VALUES ('m', 't', 'nobody', 0);\n",
    });

    await expect(applyMigrations(file, { quiet: true, migrationsDir: dir })).rejects.toThrow(
      /foreign key points nowhere \(first: Membership → User\)/,
    );
    expect(historyOf(file)).toEqual(before);
  });

  it("migrates exactly once when several processes start on the same fresh database together", async () => {
    const file = tempPath("together");
    // A deliberately slow last migration keeps the first process inside its lock while the others arrive.
    const dir = migrationsWith({
      "29990101000000_slow":
        'CREATE TABLE "Filler" ("n" INTEGER NOT NULL);\n' +
        'WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 300000) INSERT INTO "Filler" SELECT n FROM c;\n',
    });
    const go = path.join(TMP_DIR, "migrator", `go-${process.pid}-${++counter}`);
    const children = [0, 1, 2].map(() =>
      spawn("node_modules/.bin/tsx", ["tests/support/migrate-child.ts", file, dir, go], { stdio: "pipe" }),
    );
    const outputs = children.map(
      (child) =>
        new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
          let out = "";
          let err = "";
          child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
          child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
          child.on("exit", (code) => resolve({ code, out, err }));
        }),
    );
    const ready = children.map(
      (child) => new Promise<void>((resolve) => child.stdout.once("data", () => resolve())),
    );
    await Promise.all(ready);
    fs.writeFileSync(go, "");
    const results = await Promise.all(outputs);

    expect(results.map((result) => [result.code, result.err])).toEqual([
      [0, ""],
      [0, ""],
      [0, ""],
    ]);
    const applied = results.map((result) => JSON.parse(result.out.split("\n").at(-2)!) as string[]);
    expect(applied.flat().sort()).toEqual([...committed, "29990101000000_slow"].sort());
    const history = historyOf(file);
    expect(history.map((row) => row.migration_name)).toEqual([...committed, "29990101000000_slow"]);
    const sqlite = new Database(file, { readonly: true });
    expect(sqlite.prepare('SELECT count(*) AS n FROM "Filler"').get()).toEqual({ n: 300000 });
    sqlite.close();
  }, 60_000);

  it("creates the database file and its WAL companions with mode 600", async () => {
    const file = tempPath("private");
    await applyMigrations(file, { quiet: true });
    expect(mode(file)).toBe("600");
    const live = new Database(file);
    live.prepare("SELECT count(*) FROM _prisma_migrations").get();
    expect([mode(`${file}-wal`), mode(`${file}-shm`)]).toEqual(["600", "600"]);
    live.close();
  });

  it("writes backups with mode 600", async () => {
    const file = tempPath("backed-up");
    await applyMigrations(file, { quiet: true });
    const result = await backupDatabase(file, tempPath("backup"));
    expect(mode(result.path)).toBe("600");
    expect(historyOf(result.path).map((row) => row.migration_name)).toEqual(committed);
  });

  it("resets a database a server holds open to an empty migrated one", async () => {
    const file = tempPath("reset");
    await applyMigrations(file, { quiet: true });
    const server = new Database(file);
    server.prepare("INSERT INTO \"Team\" (id, name, targetRoleId) VALUES ('t', 'T', 'ai-engineer')").run();

    const result = await resetDatabase(file, { quiet: true });

    expect(result.applied).toEqual(committed);
    expect(server.prepare('SELECT count(*) AS n FROM "Team"').get()).toEqual({ n: 0 });
    server.close();
    expect(mode(file)).toBe("600");
  });
});

describe.skipIf(onPostgres)("maintenance scripts beside a running server", () => {
  /** Holds the database open in WAL mode with a read done, as the running server's connection does. */
  async function besideServer<T>(file: string, work: () => Promise<T>): Promise<T> {
    await applyMigrations(file, { quiet: true });
    const server = new Database(file, { timeout: 5000 });
    try {
      expect(server.pragma("journal_mode", { simple: true })).toBe("wal");
      server.prepare('SELECT count(*) FROM "User"').get();
      return await work();
    } finally {
      server.close();
    }
  }

  function npm(script: string, args: string[], file: string) {
    return run("npm", ["run", "--silent", script, "--", ...args], {
      env: {
        ...process.env,
        DATABASE_PATH: file,
        DATA_DIR: path.join(path.dirname(file), "data"),
        NODE_ENV: "development",
      },
    });
  }

  it("db:seed -- --demo seeds while the server holds the database", async () => {
    const file = tempPath("seed");
    const { stdout } = await besideServer(file, () => npm("db:seed", ["--demo"], file));
    expect(stdout).toMatch(/Seeded the demo team/);
    expect(stdout).toMatch(/Seeded demo-attempt/);
  }, 120_000);

  it("db:migrate, db:backup and db:reset run while the server holds the database", async () => {
    const file = tempPath("scripts");
    const backup = tempPath("scripts-backup");
    const outputs = await besideServer(file, async () => [
      (await npm("db:migrate", [], file)).stdout,
      (await npm("db:backup", [backup], file)).stdout,
      (await npm("db:reset", ["--yes"], file)).stdout,
    ]);
    expect(outputs[0]).toMatch(/Database up to date .*nothing to apply/);
    expect(outputs[1]).toMatch(/Backed up/);
    expect(outputs[2]).toMatch(/Reset /);
    expect(mode(backup)).toBe("600");
  }, 120_000);
});

import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupPostgres, defaultPostgresBackupPath } from "@/server/backup";
import { userOwner } from "@/server/identity/owner";
import { applyPostgresMigrations } from "@/server/migrate";
import { createStaffedCohort } from "../factories/cohorts";
import { createPerson, dontKnowAttempt } from "../factories/people";
import { TMP_DIR } from "../support/paths";
import { createDatabase, dropDatabases, onPostgres } from "../support/postgres";

// `npm run db:backup` on PostgreSQL: Debian's pg_dump in custom format, restored with
// pg_restore as the README says. Runs with the suite on PostgreSQL (npm run test:server:pg).

const run = promisify(execFile);
const prefix = `copy_backup_${process.pid}_`;
const DIR = path.join(TMP_DIR, "pg-backup", String(process.pid));
let counter = 0;
const file = (name: string) => path.join(DIR, `${name}-${++counter}.dump`);

async function rowCounts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables)
      counts[name] = (
        await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}"`)
      ).rows[0]!.n;
    return counts;
  } finally {
    await client.end();
  }
}

/** A stand-in pg_dump: answers --version with `version`, else records its arguments and PGPASSWORD and runs the real one. */
function fakePgDump(version: string): { bin: string; log: string } {
  const bin = path.join(DIR, `pg_dump-${++counter}`);
  const log = `${bin}.log`;
  fs.writeFileSync(
    bin,
    `#!/bin/sh
if [ "$1" = "--version" ]; then echo "pg_dump (PostgreSQL) ${version}"; exit 0; fi
printf '%s\\n' "args: $*" "PGPASSWORD=$PGPASSWORD" > "${log}"
exec pg_dump "$@"
`,
    { mode: 0o755 },
  );
  return { bin, log };
}

describe.runIf(onPostgres)("db:backup on PostgreSQL", () => {
  const source = process.env.DATABASE_URL!;

  beforeAll(async () => {
    fs.mkdirSync(DIR, { recursive: true });
    const person = await createPerson("Backed Up");
    await dontKnowAttempt(userOwner(person.id), { to: "ai-engineer", answers: 3 });
    await createStaffedCohort("ai-engineer");
  }, 60_000);

  afterAll(() => dropDatabases(prefix), 60_000);

  it("dumps a filled database that pg_restore brings back with every row", async () => {
    const destination = file("round-trip");

    const result = await backupPostgres(source, destination);

    expect(result).toEqual({ path: destination, bytes: fs.statSync(destination).size });
    expect(fs.statSync(destination).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(destination).subarray(0, 5).toString()).toBe("PGDMP"); // custom format
    const restored = await createDatabase(`${prefix}restored`);
    await run("pg_restore", ["--clean", "--if-exists", "--no-owner", "-d", restored, destination]);
    const counts = await rowCounts(restored);
    expect(counts).toEqual(await rowCounts(source));
    expect(counts).toMatchObject({ Attempt: expect.any(Number), Answer: expect.any(Number) });
    expect(counts.Answer).toBeGreaterThanOrEqual(3);
    expect(counts.Enrollment).toBeGreaterThanOrEqual(1);
    // The restored database is the app's: fully migrated.
    expect((await applyPostgresMigrations(restored, { quiet: true })).applied).toEqual([]);
  }, 60_000);

  it("hands pg_dump the password in PGPASSWORD, never on its command line", async () => {
    const url = new URL(source);
    url.password = "s3cr%20et"; // peer authentication on the socket ignores it; pg_dump must still get it
    const fake = fakePgDump("99.1");

    await backupPostgres(url.toString(), file("password"), { pgDump: fake.bin });

    const log = fs.readFileSync(fake.log, "utf8");
    expect(log).toContain("PGPASSWORD=s3cr et");
    expect(log).toMatch(/^args: --format=custom --no-password --file=\S+ --dbname=postgresql:\/\//m);
    expect(log.split("\n")[0]).not.toContain("s3cr");
  }, 60_000);

  it("refuses a missing pg_dump or one older than the server, leaving no file", async () => {
    const missing = file("missing");
    await expect(backupPostgres(source, missing, { pgDump: path.join(DIR, "no-pg-dump") })).rejects.toThrow(
      /no-pg-dump not found: install PostgreSQL's client tools \(apt-get install postgresql-client\)/,
    );
    expect(fs.existsSync(missing)).toBe(false);

    const old = file("old");
    await expect(backupPostgres(source, old, { pgDump: fakePgDump("9.6.24").bin })).rejects.toThrow(
      /is version 9, older than the server \(\d+\); it cannot dump it\. Install the client tools of version \d+ or newer/,
    );
    expect(fs.existsSync(old)).toBe(false);
  });

  it("refuses to overwrite a file and names an unreachable server", async () => {
    const existing = file("existing");
    fs.mkdirSync(DIR, { recursive: true });
    fs.writeFileSync(existing, "keep me");
    await expect(backupPostgres(source, existing)).rejects.toThrow(/Refusing to overwrite/);
    expect(fs.readFileSync(existing, "utf8")).toBe("keep me");

    await expect(backupPostgres("postgresql://u:secret@127.0.0.1:9/x", file("unreachable"))).rejects.toThrow(
      /Cannot connect to postgresql:\/\/u:\*\*\*@127\.0\.0\.1:9\/x: .*ECONNREFUSED/,
    );
  });

  it("npm run db:backup dumps DATABASE_URL and says how to restore", async () => {
    const destination = file("script");
    const { stdout } = await run("npm", ["run", "--silent", "db:backup", "--", destination], {
      env: { ...process.env, NODE_ENV: "development" },
    });
    expect(stdout).toContain(`to ${destination} (`);
    expect(stdout).toContain(
      `Restore: stop the server, then pg_restore --clean --if-exists --no-owner -d "$DATABASE_URL" ${destination}`,
    );
    expect(fs.readFileSync(destination).subarray(0, 5).toString()).toBe("PGDMP");
  }, 60_000);
});

describe("the default PostgreSQL backup path", () => {
  it("names the default dump after the database and the time, in the SQLite backups folder", () => {
    expect(
      defaultPostgresBackupPath(
        "/srv/waypoint/data/waypoint.db",
        "postgresql://w:p@db:5432/waypoint?sslmode=require",
        new Date("2026-12-05T10:11:12.345Z"),
      ),
    ).toBe("/srv/waypoint/data/backups/waypoint-20261205T101112Z.dump");
  });
});

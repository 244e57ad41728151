import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { applyPostgresMigrations } from "@/server/migrate";
import {
  POSTGRES_MIGRATIONS,
  POSTGRES_SCHEMA,
  SQLITE_MIGRATIONS,
  SQLITE_SCHEMA,
  migrationNames,
  postgresMigrationSql,
  toPostgresSchema,
} from "../../scripts/lib/postgres-schema";
import { createDatabase, dropDatabases, onPostgres } from "../support/postgres";

// prisma/schema.prisma is the one schema source; PostgreSQL's schema and migrations are derived
// from it and committed (docs/decisions/011). These fail when the committed files drift.
describe("the PostgreSQL schema", () => {
  it("is prisma/schema.prisma with the datasource and client output swapped (npm run db:pg-schema)", () => {
    const sqlite = fs.readFileSync(SQLITE_SCHEMA, "utf8");
    const committed = fs.readFileSync(POSTGRES_SCHEMA, "utf8");
    expect(committed).toBe(toPostgresSchema(sqlite));
    expect(committed).toMatch(/provider = "postgresql"/);
    expect(committed).toMatch(/output {5}= "\.\.\/\.\.\/src\/generated\/prisma-pg"/);
  });

  it("has a migration of the same name for every SQLite migration, and no other", () => {
    const sqlite = migrationNames(SQLITE_MIGRATIONS);
    expect(sqlite.length).toBeGreaterThan(0);
    expect(migrationNames(POSTGRES_MIGRATIONS)).toEqual(sqlite);
    expect(fs.readFileSync(path.join(POSTGRES_MIGRATIONS, "migration_lock.toml"), "utf8")).toMatch(
      /provider = "postgresql"/,
    );
  });

  it("refuses SQLite-specific attributes it cannot translate rather than copying them", () => {
    const sqlite = fs.readFileSync(SQLITE_SCHEMA, "utf8");
    expect(() =>
      toPostgresSchema(sqlite.replace("contentHash        String", "contentHash String @db.Text")),
    ).toThrow(/@db\.Text/);
    expect(() => toPostgresSchema(sqlite.replace('provider = "sqlite"', 'provider = "mysql"'))).toThrow(
      /expected exactly one sqlite provider/,
    );
  });
});

type Catalog = { columns: unknown[]; indexes: unknown[]; constraints: unknown[] };

/** Everything about the tables that the SQL can differ in, in a stable order (column order aside). */
async function catalogOf(url: string): Promise<Catalog> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const query = async (sql: string) => (await client.query(sql)).rows;
    return {
      columns:
        await query(`SELECT table_name, column_name, data_type, datetime_precision, is_nullable, column_default
          FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
         ORDER BY table_name, column_name`),
      indexes: await query(`SELECT tablename, indexname, indexdef FROM pg_indexes
         WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename, indexname`),
      constraints:
        await query(`SELECT conrelid::regclass::text AS "table", conname, pg_get_constraintdef(oid) AS definition
          FROM pg_constraint
         WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'
         ORDER BY 1, 2`),
    };
  } finally {
    await client.end();
  }
}

describe.runIf(onPostgres)("the PostgreSQL migrations", () => {
  const prefix = `waypoint_schema_${process.pid}_`;
  afterAll(() => dropDatabases(prefix), 60_000);

  it("applied in order, build exactly the schema prisma/schema.prisma describes", async () => {
    const migrated = await createDatabase(`${prefix}migrated`);
    const run = await applyPostgresMigrations(migrated, { quiet: true });
    expect(run.applied).toEqual(migrationNames(SQLITE_MIGRATIONS));

    // What Prisma would create on an empty database from the SQLite schema, translated now.
    const expected = await createDatabase(`${prefix}expected`);
    const client = new pg.Client({ connectionString: expected });
    await client.connect();
    await client.query(postgresMigrationSql(null, fs.readFileSync(SQLITE_SCHEMA, "utf8")));
    await client.end();

    const [ours, theirs] = await Promise.all([catalogOf(migrated), catalogOf(expected)]);
    expect(ours.columns.length).toBeGreaterThan(100);
    expect(ours).toEqual(theirs);
  }, 30_000);
});

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  POSTGRES_MIGRATIONS,
  POSTGRES_SCHEMA,
  SQLITE_MIGRATIONS,
  SQLITE_SCHEMA,
  migrationNames,
  toPostgresSchema,
} from "../../scripts/lib/postgres-schema";

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

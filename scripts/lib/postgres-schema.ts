import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * PostgreSQL's schema and migrations are derived from SQLite's (docs/decisions/011): the one
 * schema source is prisma/schema.prisma; prisma/postgresql/schema.prisma is that file with the
 * datasource and the client's output swapped, and each migration in prisma/migrations has a twin
 * of the same name in prisma/postgresql/migrations, diffed by Prisma from the same two schema
 * states. tests/server/postgres-schema.test.ts fails when the committed files disagree.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
export const SQLITE_SCHEMA = path.join(ROOT, "prisma/schema.prisma");
export const SQLITE_MIGRATIONS = path.join(ROOT, "prisma/migrations");
export const SQLITE_SNAPSHOT = path.join(SQLITE_MIGRATIONS, "schema.snapshot.prisma");
export const POSTGRES_SCHEMA = path.join(ROOT, "prisma/postgresql/schema.prisma");
export const POSTGRES_MIGRATIONS = path.join(ROOT, "prisma/postgresql/migrations");

const HEADER =
  "// GENERATED from prisma/schema.prisma by `npm run db:pg-schema` — edit that file, not this one.\n" +
  "// Only the datasource (PostgreSQL; the app reads DATABASE_URL) and the client's output differ.\n\n";

/** Replaces `from` by `to` in `text`, insisting it occurs exactly once (so a changed source fails loudly). */
function replaceOnce(text: string, from: RegExp, to: string, what: string): string {
  const matches = text.match(new RegExp(from.source, "g")) ?? [];
  if (matches.length !== 1)
    throw new Error(`prisma/schema.prisma: expected exactly one ${what}, found ${matches.length}`);
  return text.replace(from, to);
}

/**
 * The PostgreSQL schema for a SQLite schema's text. The models carry no SQLite-specific
 * attributes (no @db.* types, no raw defaults); anything of the kind is refused rather than
 * silently carried over, since it would not mean the same on PostgreSQL.
 */
export function toPostgresSchema(sqlite: string): string {
  const specific = sqlite.match(/@db\.\w+|dbgenerated\(|@@schema\(|shadowDatabaseUrl/);
  if (specific)
    throw new Error(
      `prisma/schema.prisma uses ${specific[0]}, which has no automatic PostgreSQL equivalent: ` +
        "extend scripts/lib/postgres-schema.ts to translate it.",
    );
  let schema = replaceOnce(sqlite, /provider = "sqlite"/, 'provider = "postgresql"', "sqlite provider");
  // Never read at run time (the app connects through DATABASE_URL with the pg driver adapter), as
  // SQLite's file: url is not: a literal keeps `prisma generate` from needing DATABASE_URL set.
  schema = replaceOnce(
    schema,
    /url(\s+)= "file:[^"]*"/,
    'url$1= "postgresql://localhost/waypoint"',
    "file: url",
  );
  schema = replaceOnce(
    schema,
    /output(\s+)= "\.\.\/src\/generated\/prisma"/,
    'output$1= "../../src/generated/prisma-pg"',
    "client output",
  );
  return HEADER + schema;
}

/** The SQL that takes a PostgreSQL database from SQLite schema `from` (null: empty) to `to`, both texts. */
export function postgresMigrationSql(from: string | null, to: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "waypoint-pg-schema-"));
  try {
    const toFile = path.join(dir, "to.prisma");
    fs.writeFileSync(toFile, toPostgresSchema(to));
    const fromArgs = ["--from-empty"];
    if (from !== null) {
      const fromFile = path.join(dir, "from.prisma");
      fs.writeFileSync(fromFile, toPostgresSchema(from));
      fromArgs.splice(0, 1, "--from-schema-datamodel", fromFile);
    }
    return execFileSync(
      path.join(ROOT, "node_modules/.bin/prisma"),
      ["migrate", "diff", ...fromArgs, "--to-schema-datamodel", toFile, "--script"],
      {
        cwd: ROOT,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      },
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes prisma/postgresql/schema.prisma from prisma/schema.prisma; true when it changed. */
export function writePostgresSchema(): boolean {
  const next = toPostgresSchema(fs.readFileSync(SQLITE_SCHEMA, "utf8"));
  const current = fs.existsSync(POSTGRES_SCHEMA) ? fs.readFileSync(POSTGRES_SCHEMA, "utf8") : null;
  if (current === next) return false;
  fs.mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
  fs.writeFileSync(POSTGRES_SCHEMA, next);
  return true;
}

/** Names of the migration folders (those with a migration.sql) in `dir`, in order. */
export function migrationNames(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

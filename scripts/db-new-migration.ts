import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { POSTGRES_MIGRATIONS, postgresMigrationSql, writePostgresSchema } from "./lib/postgres-schema";

/**
 * npm run db:new-migration -- <name>
 *
 * `prisma migrate dev` needs a shadow database, which the JS engine + driver adapter cannot
 * provide. Instead we diff the schema as of the last migration (a snapshot kept next to the
 * migrations) against prisma/schema.prisma, write the SQL as a new migration, and move the
 * snapshot forward. tests/server/database.test.ts fails when the schema has unmigrated changes.
 *
 * PostgreSQL gets the same migration, by name, diffed from the same two schema states translated
 * to PostgreSQL (docs/decisions/011), and prisma/postgresql/schema.prisma is rewritten;
 * tests/server/postgres-schema.test.ts fails when the two providers disagree.
 */
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:new-migration -- <name>   (lowercase letters, digits and _)");
  process.exit(1);
}
const migrationsDir = path.resolve("prisma/migrations");
const snapshot = path.join(migrationsDir, "schema.snapshot.prisma");
const schema = path.resolve("prisma/schema.prisma");

const sql = execFileSync(
  "npx",
  [
    "prisma",
    "migrate",
    "diff",
    "--from-schema-datamodel",
    snapshot,
    "--to-schema-datamodel",
    schema,
    "--script",
  ],
  { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
);
if (/^-- This is an empty migration\.?\s*$/m.test(sql) || sql.trim() === "") {
  console.log("The schema has no changes since the last migration; nothing written.");
  process.exit(0);
}
const postgresSql = postgresMigrationSql(fs.readFileSync(snapshot, "utf8"), fs.readFileSync(schema, "utf8"));
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = `${stamp}_${name}`;
for (const [root, text] of [
  [migrationsDir, sql],
  [POSTGRES_MIGRATIONS, postgresSql],
] as const) {
  const dir = path.join(root, folder);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), text);
  console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}
// Triggers Prisma does not model (prisma/migrations/*_answer_evidence): rebuilding a table drops its
// triggers, and "Answer_keep_evidence" names "ResponseRecord", so SQLite refuses to drop that one.
const rebuilt = ["Answer", "ResponseRecord"].filter((table) => sql.includes(`DROP TABLE "${table}"`));
if (rebuilt.length > 0)
  console.warn(
    `Warning: the SQLite migration rebuilds ${rebuilt.map((table) => `"${table}"`).join(" and ")}. Add ` +
      `DROP TRIGGER "Answer_keep_evidence"; before the rebuild and re-create the trigger after it ` +
      `(copy it from prisma/migrations/20261206062114_answer_evidence), or the evidence of deleted ` +
      `attempts is lost; tests/server/assessment/response-records.test.ts fails without it.`,
  );
fs.copyFileSync(schema, snapshot);
writePostgresSchema();
console.log(
  "Rewrote prisma/postgresql/schema.prisma. Review both migrations, then run npm run postinstall " +
    "(both clients) and npm run db:migrate.",
);

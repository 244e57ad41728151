import fs from "node:fs";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, toPostgresSchema, writePostgresSchema } from "./lib/postgres-schema";

/**
 * npm run db:pg-schema [-- --check]: rewrites prisma/postgresql/schema.prisma from
 * prisma/schema.prisma (docs/decisions/011); db:new-migration runs it too. `--check` only
 * reports a stale file (exit 1).
 */
if (process.argv.includes("--check")) {
  const expected = toPostgresSchema(fs.readFileSync(SQLITE_SCHEMA, "utf8"));
  const current = fs.existsSync(POSTGRES_SCHEMA) ? fs.readFileSync(POSTGRES_SCHEMA, "utf8") : "";
  if (current !== expected) {
    console.error("prisma/postgresql/schema.prisma is stale: run npm run db:pg-schema.");
    process.exit(1);
  }
  console.log("prisma/postgresql/schema.prisma matches prisma/schema.prisma.");
} else {
  console.log(
    writePostgresSchema()
      ? "Wrote prisma/postgresql/schema.prisma (then: npm run postinstall, to generate both clients)."
      : "prisma/postgresql/schema.prisma is up to date.",
  );
}

import { parseArgs } from "node:util";
import { env } from "@/env";
import { copyToPostgres, CopyError, formatChecks, verifyCopy } from "@/server/db-copy";

// npm run db:copy -- --to postgresql://user:password@host:5432/database [--force] [--verify-only]
// Copies this instance's SQLite database (DATABASE_PATH) into PostgreSQL and verifies the copy
// (README, "Moving an instance to PostgreSQL").
const usage =
  "Usage: npm run db:copy -- --to postgresql://user:password@host:5432/database [--force] [--verify-only]";

let options: { to?: string; force?: boolean; "verify-only"?: boolean };
try {
  ({ values: options } = parseArgs({
    options: {
      to: { type: "string" },
      force: { type: "boolean" },
      "verify-only": { type: "boolean" },
    },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
if (!options.to) {
  console.error(`Missing --to, the PostgreSQL database to copy into.\n${usage}`);
  process.exit(2);
}
if (env.DATABASE_URL) {
  console.error(
    "DATABASE_URL is set, so this instance already runs on PostgreSQL. db:copy copies the SQLite " +
      `file at DATABASE_PATH (${env.DATABASE_PATH}); unset DATABASE_URL to copy it.`,
  );
  process.exit(2);
}

try {
  if (options["verify-only"]) {
    const checks = await verifyCopy(env.DATABASE_PATH, options.to);
    console.log(formatChecks(checks));
    if (checks.some((check) => !check.matches)) {
      console.error("The PostgreSQL database does not match the SQLite one.");
      process.exit(1);
    }
    console.log("Every table matches.");
  } else {
    const report = await copyToPostgres(env.DATABASE_PATH, options.to, {
      force: options.force,
      log: (line) => console.log(line),
    });
    console.log(formatChecks(report.tables));
    const rows = report.tables.reduce((sum, check) => sum + check.targetRows, 0);
    console.log(
      `Copied ${env.DATABASE_PATH} to ${report.target}: ${report.tables.length} tables, ${rows} rows, ` +
        "row counts and checksums match.",
    );
  }
} catch (error) {
  if (!(error instanceof CopyError)) throw error;
  console.error(error.message);
  process.exit(1);
}

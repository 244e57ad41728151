import fs from "node:fs";
import type { TestProject } from "vitest/node";
import { applyMigrations, applyPostgresMigrations } from "../../src/server/migrate";
import { TEMPLATE_DB, TMP_DIR } from "./paths";
import { createDatabase, dropDatabases, onPostgres } from "./postgres";

/**
 * Migrate one template database with the real migrations; each worker copies it (setup.ts). On
 * PostgreSQL (TEST_DB=postgres) the template is a database of its own, and every database of the
 * run is dropped when it ends.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  fs.rmSync(TMP_DIR, { recursive: true, force: true });
  fs.mkdirSync(TMP_DIR, { recursive: true });
  // Also on PostgreSQL: the SQLite-only tests (backups, the SQLite migrator) start from it.
  await applyMigrations(TEMPLATE_DB, { quiet: true });
  if (!onPostgres) return;
  const run = `waypoint_test_${process.pid}_`;
  await dropDatabases(run);
  await applyPostgresMigrations(await createDatabase(`${run}template`), { quiet: true });
  project.provide("postgresRun", run);
  return () => dropDatabases(run);
}

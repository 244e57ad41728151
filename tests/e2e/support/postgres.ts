import { postgresUrl } from "../../support/postgres";

/**
 * The end-to-end smoke on PostgreSQL (npm run test:e2e:pg, decision 011): the server under test
 * runs on a database of its own, created afresh before `npm start` by
 * tests/e2e/support/fresh-postgres-database.ts.
 */
export const E2E_ON_POSTGRES = process.env.E2E_DB === "postgres";

export function e2eDatabaseName(port: number): string {
  return `waypoint_e2e_${port}`;
}

export function e2eDatabaseUrl(port: number): string {
  return postgresUrl(e2eDatabaseName(port));
}

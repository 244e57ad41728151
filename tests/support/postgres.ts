import os from "node:os";
import pg from "pg";

/**
 * The server suite on PostgreSQL (docs/decisions/011): `npm run test:server:pg` sets
 * TEST_DB=postgres. global-setup migrates one template database per run; each worker gets a
 * throw-away copy (CREATE DATABASE … TEMPLATE), and all of the run's databases are dropped at the
 * end. TEST_POSTGRES_URL names a role that may create databases (default: the local server over
 * its Unix socket, as the user running the tests — what .ci/run sets up).
 */
export const onPostgres = process.env.TEST_DB === "postgres";

export const POSTGRES_ADMIN_URL =
  process.env.TEST_POSTGRES_URL ??
  `postgresql://${os.userInfo().username}@localhost/postgres?host=/var/run/postgresql`;

/** `POSTGRES_ADMIN_URL` pointing at another database of the same server. */
export function postgresUrl(database: string): string {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs `work` with a connection to the server's maintenance database. */
export async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Creates database `name`, empty or as a copy of `template`. */
export async function createDatabase(name: string, template?: string): Promise<string> {
  await withAdmin(async (client) => {
    // Two workers copying one template at the same moment can collide ("source database is
    // being accessed by other users"): wait a little and try again.
    for (let tries = 1; ; tries += 1) {
      try {
        await client.query(`CREATE DATABASE ${quote(name)}${template ? ` TEMPLATE ${quote(template)}` : ""}`);
        return;
      } catch (error) {
        if (tries >= 20 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * tries));
      }
    }
  });
  return postgresUrl(name);
}

/** Drops every database whose name starts with `prefix` (connections still open are closed). */
export async function dropDatabases(prefix: string): Promise<void> {
  await withAdmin(async (client) => {
    const { rows } = await client.query<{ name: string }>(
      "SELECT datname AS name FROM pg_database WHERE starts_with(datname, $1)",
      [prefix],
    );
    for (const { name } of rows) await client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
  });
}

/** Whether database `name` exists. */
export async function databaseExists(name: string): Promise<boolean> {
  return withAdmin(
    async (client) =>
      (await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1,
  );
}

declare module "vitest" {
  interface ProvidedContext {
    /** Prefix of this run's PostgreSQL databases (TEST_DB=postgres only). */
    postgresRun: string;
  }
}

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { migrateTarget, type DatabaseTarget } from "@/server/migrate";

/**
 * Throw-away databases for `npm run bench:server`: SQLite files under a directory the benchmark
 * empties, or PostgreSQL databases created on the server BENCH_DATABASE_URL names (a role that
 * may create databases; default: the local server over its Unix socket as the current user, as
 * the PostgreSQL test suite does) and dropped when the benchmark ends.
 */
export type BenchProvider = "sqlite" | "postgres";

export interface BenchDatabase {
  name: string;
  target: DatabaseTarget;
  /** What an instance or child process needs in its environment to use this database. */
  env: Record<string, string>;
  migrate(): Promise<void>;
  countAnswers(): Promise<number>;
  drop(): Promise<void>;
}

export const POSTGRES_ADMIN_URL =
  process.env.BENCH_DATABASE_URL ??
  `postgresql://${os.userInfo().username}@localhost/postgres?host=/var/run/postgresql`;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `cannot reach PostgreSQL at ${describeUrl(POSTGRES_ADMIN_URL)} (set BENCH_DATABASE_URL to a role that may create databases): ${String(error)}`,
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function describeUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

export async function createBenchDatabase(
  provider: BenchProvider,
  name: string,
  directory: string,
): Promise<BenchDatabase> {
  if (provider === "sqlite") {
    const file = path.join(directory, `${name}.db`);
    fs.mkdirSync(directory, { recursive: true });
    const target: DatabaseTarget = { provider: "sqlite", path: file };
    return {
      name: file,
      target,
      // An empty DATABASE_URL means SQLite even when the caller's environment names PostgreSQL.
      env: { DATABASE_PATH: file, DATABASE_URL: "" },
      migrate: async () => void (await migrateTarget(target, { quiet: true })),
      countAnswers: async () => {
        const sqlite = new Database(file, { readonly: true });
        try {
          return (sqlite.prepare("SELECT COUNT(*) AS n FROM Answer").get() as { n: number }).n;
        } finally {
          sqlite.close();
        }
      },
      drop: async () => {
        for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
      },
    };
  }
  await withAdmin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quote(name)}`);
  });
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const target: DatabaseTarget = { provider: "postgresql", url: url.toString() };
  return {
    name,
    target,
    env: { DATABASE_URL: target.url },
    migrate: async () => void (await migrateTarget(target, { quiet: true })),
    countAnswers: async () => {
      const client = new pg.Client({ connectionString: target.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM "Answer"');
        return Number(rows[0]?.n ?? 0);
      } finally {
        await client.end();
      }
    },
    drop: () =>
      withAdmin(
        async (client) => void (await client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`)),
      ),
  };
}

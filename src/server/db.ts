import "server-only";
import { randomBytes } from "node:crypto";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/generated/prisma-pg/client";
import { env } from "@/env";

/**
 * The one Prisma client, on the JS engine through a driver adapter (docs/decisions/001, 011):
 * better-sqlite3 on the SQLite file at DATABASE_PATH by default, or pg on the PostgreSQL database
 * at DATABASE_URL when that is set. This module is the only one that knows which.
 *
 * The SQLite adapter holds a single connection, so interactive transactions would interleave with
 * other requests: use single statements, upserts or batch `$transaction([...])`. The SQLite
 * database is in WAL mode (set when migrations are applied).
 */
function createClient(pool: pg.Pool | null): PrismaClient {
  if (pool) {
    // Both clients are generated from one schema (prisma/postgresql/schema.prisma is derived from
    // prisma/schema.prisma), so their models and query API are the same; only the provider differs.
    // The pool is ours, but `$disconnect()` must still end it: scripts exit by disconnecting.
    const adapter = new PrismaPg(pool, { disposeExternalPool: true });
    // A batch `$transaction([...])` is one server-side transaction here, each statement a round
    // trip: a roster import of two thousand people takes seconds, past Prisma's 5 s default.
    const transactionOptions = { timeout: 60_000, maxWait: 10_000 };
    return new PostgresPrismaClient({ adapter, transactionOptions }) as unknown as PrismaClient;
  }
  // timeout: how long a write waits for SQLite's lock (e.g. during a backup) before failing.
  const adapter = new SharedSqliteAdapter({ url: `file:${env.DATABASE_PATH}`, timeout: 5000 });
  return new PrismaClient({ adapter });
}

/**
 * Prisma's better-sqlite3 adapter, which also hands the connection it opens to sqliteRows and
 * sqliteRun (below): the answer path's few hot statements run on the same single connection as
 * every Prisma query, so they see and order with everything else exactly as Prisma's own would.
 */
class SharedSqliteAdapter extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    const connection = (adapter as unknown as { client?: unknown }).client;
    // The adapter keeps its connection as `client` (6.19.3); fail loudly if an upgrade changes that.
    if (!(connection instanceof Database))
      throw new Error("@prisma/adapter-better-sqlite3 no longer exposes its connection as `client`");
    sqlite.connection = connection;
    sqlite.statements.clear();
    return adapter;
  }
}

/**
 * PostgreSQL's connections, one pool per process shared by Prisma's adapter and the answer path's
 * statements (postgresRows). pg's defaults but for idle connections: they are kept for five
 * minutes, not ten seconds, so a quiz answered at a person's pace (a question every 10–60 s) does
 * not open a connection — a new PostgreSQL backend, several milliseconds — for most answers.
 */
function createPool(url: string): pg.Pool {
  // allowExitOnIdle: idle connections never keep a process alive (a script that forgets to disconnect).
  return new pg.Pool({ connectionString: url, idleTimeoutMillis: 300_000, allowExitOnIdle: true });
}

const holder = globalThis as unknown as {
  waypointDb?: PrismaClient;
  waypointPgPool?: pg.Pool | null;
  waypointSqlite?: SqliteConnection;
};
/** The SQLite adapter's connection, once Prisma has opened it, and the statements prepared on it. */
interface SqliteConnection {
  connection: Database.Database | null;
  statements: Map<string, Database.Statement>;
}
// With the client: one connection per process, whichever copy of this module asks.
const sqlite: SqliteConnection = (holder.waypointSqlite ??= { connection: null, statements: new Map() });

// Reuse one client across hot reloads in development.
const pool: pg.Pool | null =
  holder.waypointPgPool ?? (env.DATABASE_URL ? createPool(env.DATABASE_URL) : null);
export const db: PrismaClient = holder.waypointDb ?? createClient(pool);
if (env.NODE_ENV !== "production") {
  holder.waypointDb = db;
  holder.waypointPgPool = pool;
}

/** Which database this process uses (DATABASE_URL set: PostgreSQL). */
export const databaseProvider: "sqlite" | "postgresql" = pool ? "postgresql" : "sqlite";

// PostgreSQL's `timestamp` (Prisma's DateTime: TIMESTAMP(3), UTC wall time, no zone) as the UTC
// instant it is; pg's own parser would read it in the process's local time zone.
const TIMESTAMP_OID = 1114;
const parseUtcTimestamp = (text: string) => new Date(`${text.replace(" ", "T")}Z`);
const rowTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID && format !== "binary"
      ? parseUtcTimestamp
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * PostgreSQL only: runs one parameterised statement on the shared pool, straight through pg, and
 * returns its rows (booleans, numbers and json as JavaScript values, timestamps as UTC Dates).
 * For the answer path's few hot statements (attempts.ts): Prisma's raw queries go through its
 * query interpreter and the adapter's conversions, which measured ~0.2–0.5 ms more per statement
 * than pg itself. Each statement is prepared once per connection under its `name` (one name, one
 * text: pg refuses a second text under a name), so PostgreSQL parses and plans it once, not on
 * every call. Parameters: pass Dates as ISO strings (pg would send local time, and PostgreSQL
 * drops the offset for a `timestamp` column).
 */
export async function postgresRows<T>(
  statement: { name: string; text: string },
  values: unknown[],
): Promise<T[]> {
  if (!pool) throw new Error("postgresRows needs PostgreSQL (DATABASE_URL)");
  return (await pool.query<T & pg.QueryResultRow>({ ...statement, values, types: rowTypes })).rows;
}

/** A value sqliteRows and sqliteRun bind: as Prisma's SQLite adapter stores it (booleans 0/1, ISO dates). */
export type SqliteValue = string | number | boolean | Date | null;

/**
 * SQLite only: the answer path's hot statements straight through better-sqlite3, on the adapter's
 * own connection (SharedSqliteAdapter), each prepared once per connection. Prisma's raw queries go
 * through its query interpreter and the adapter, which prepares the statement again on every call:
 * measured ~0.3–0.6 ms per statement warm and more in a fresh process, against tens of
 * microseconds here. Values are bound as the adapter binds them (booleans as 0/1, dates as
 * ISO 8601 with "+00:00"), so rows written here read back through Prisma unchanged; integers come
 * back as numbers. The statements are synchronous: none can interleave with another query.
 */
export async function sqliteRows<T>(sql: string, values: readonly SqliteValue[]): Promise<T[]> {
  return (await sqliteStatement(sql)).all(...values.map(sqliteValue)) as T[];
}

/** sqliteRows for a statement that writes: the number of rows it changed. */
export async function sqliteRun(sql: string, values: readonly SqliteValue[]): Promise<number> {
  return (await sqliteStatement(sql)).run(...values.map(sqliteValue)).changes;
}

async function sqliteStatement(sql: string): Promise<Database.Statement> {
  if (databaseProvider !== "sqlite") throw new Error("sqliteRows and sqliteRun need SQLite");
  // Prisma opens its connection on the first query (and again after $disconnect): have it open one.
  if (!sqlite.connection?.open) await db.$connect();
  const connection = sqlite.connection;
  if (!connection?.open) throw new Error("the SQLite connection did not open");
  let statement = sqlite.statements.get(sql);
  if (!statement) {
    statement = connection.prepare(sql);
    // The adapter reads integers as BigInt (its connection's default); these statements do not.
    statement.safeIntegers(false);
    sqlite.statements.set(sql, statement);
  }
  return statement;
}

/** A write with one text per database, built once from one template given each placeholder style ("?" or "$n"). */
export interface WriteStatement {
  sqlite: string;
  postgres: string;
}
export function writeStatement(build: (placeholder: (index: number) => string) => string): WriteStatement {
  return { sqlite: build(() => "?"), postgres: build((index) => `$${index}`) };
}

/** Runs a write on whichever database this process uses (SQLite: sqliteRun); the number of rows it changed. */
export async function runWrite(statement: WriteStatement, values: readonly SqliteValue[]): Promise<number> {
  if (databaseProvider === "postgresql") return db.$executeRawUnsafe(statement.postgres, ...values);
  return sqliteRun(statement.sqlite, values);
}

function sqliteValue(value: SqliteValue): string | number | null {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  return value;
}

/**
 * Values per statement for queries over an id list. Prisma's SQLite adapter binds at most 999
 * values per statement (PostgreSQL 65535); it splits a lone `in` list itself but not one combined with other
 * conditions, so a cohort or team past about a thousand people failed (P2029). Such queries go
 * through `inChunks`.
 */
export const IN_LIST_CHUNK = 400;

/**
 * Runs `query` over `values` in chunks of IN_LIST_CHUNK, one after another (the adapter holds one
 * connection), and concatenates the rows. Rows keep their order within a chunk only: chunk by the
 * key the caller groups on (e.g. user ids), or sort afterwards.
 */
export async function inChunks<V, R>(values: Iterable<V>, query: (chunk: V[]) => Promise<R[]>): Promise<R[]> {
  const all = [...values];
  const rows: R[] = [];
  for (let start = 0; start < all.length; start += IN_LIST_CHUNK)
    rows.push(...(await query(all.slice(start, start + IN_LIST_CHUNK))));
  return rows;
}

/**
 * A random id for rows written with raw SQL (the schema's cuid() default only applies to Prisma's
 * own creates): a one-letter kind prefix and 96 random bits.
 */
export function createRowId(prefix: string): string {
  return `${prefix}${randomBytes(12).toString("base64url")}`;
}

import "server-only";
import { randomBytes } from "node:crypto";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/env";

/**
 * The one Prisma client. It runs on the JS engine through the better-sqlite3 driver adapter
 * (docs/decisions/001). The adapter holds a single connection, so interactive transactions would
 * interleave with other requests: use single statements, upserts or batch `$transaction([...])`.
 * The database is in WAL mode (set when migrations are applied).
 */
function createClient(): PrismaClient {
  // timeout: how long a write waits for SQLite's lock (e.g. during a backup) before failing.
  const adapter = new PrismaBetterSQLite3({ url: `file:${env.DATABASE_PATH}`, timeout: 5000 });
  return new PrismaClient({ adapter });
}

const holder = globalThis as unknown as { waypointDb?: PrismaClient };

// Reuse one client across hot reloads in development.
export const db: PrismaClient = holder.waypointDb ?? createClient();
if (env.NODE_ENV !== "production") holder.waypointDb = db;

/**
 * A random id for rows written with raw SQL (the schema's cuid() default only applies to Prisma's
 * own creates): a one-letter kind prefix and 96 random bits.
 */
export function createRowId(prefix: string): string {
  return `${prefix}${randomBytes(12).toString("base64url")}`;
}

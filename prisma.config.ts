import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { PrismaConfig } from "prisma";

// The CLI (migrate status/diff/resolve; the app migrates with its own migrator, decision 009)
// talks to SQLite through the same driver adapter as the app, so no query-engine binary is ever
// downloaded. DATABASE_PATH mirrors src/env.ts.
const databasePath = path.resolve(process.env.DATABASE_PATH ?? "data/waypoint.db");

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  adapter: async () => {
    // SQLite creates the file but not its folder; without the folder the adapter fails opaquely.
    fs.mkdirSync(path.dirname(databasePath), { recursive: true });
    return new PrismaBetterSQLite3({ url: `file:${databasePath}` });
  },
} satisfies PrismaConfig;

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/**
 * Applies prisma/migrations to the SQLite file at `databasePath` (created with its folder when
 * absent) with `prisma migrate deploy`, the same command a production install runs, then turns
 * on WAL, which SQLite remembers in the file. Used by `npm start`, `db:migrate` and the tests.
 */
export function applyMigrations(databasePath: string, options: { quiet?: boolean } = {}): void {
  const absolute = path.resolve(databasePath);
  fs.mkdirSync(path.dirname(absolute), { recursive: true });
  execFileSync(prismaBin(), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_PATH: absolute, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    stdio: options.quiet ? ["ignore", "ignore", "pipe"] : "inherit",
  });
  const sqlite = new Database(absolute);
  try {
    sqlite.pragma("journal_mode = WAL");
  } finally {
    sqlite.close();
  }
}

function prismaBin(): string {
  const local = path.resolve("node_modules/.bin/prisma");
  return fs.existsSync(local) ? local : "prisma";
}

import fs from "node:fs";
import { env } from "@/env";
import { applyMigrations } from "@/server/migrate";

// Deletes the database file (and its WAL/SHM companions) and migrates a fresh one.
if (!process.argv.includes("--yes")) {
  console.error(`This deletes every row in ${env.DATABASE_PATH}. Run: npm run db:reset -- --yes`);
  process.exit(1);
}
for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(env.DATABASE_PATH + suffix, { force: true });
applyMigrations(env.DATABASE_PATH);
console.log(`Reset ${env.DATABASE_PATH}.`);

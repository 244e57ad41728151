import fs from "node:fs";
import { applyMigrations } from "../../src/server/migrate";

// A second process for tests/server/migrator.test.ts: says "ready", waits for the go file so that
// several of these start migrating together, then migrates and prints what it applied.
const [databasePath, migrationsDir, goFile] = process.argv.slice(2) as [string, string, string];
console.log("ready");
while (!fs.existsSync(goFile)) await new Promise((resolve) => setTimeout(resolve, 5));
const run = await applyMigrations(databasePath, { quiet: true, migrationsDir });
console.log(JSON.stringify(run.applied));

import { env } from "@/env";
import { databaseTarget, describeTarget, resetTarget } from "@/server/migrate";

// Drops every table of the database and migrates it afresh; safe while the server runs (it then
// sees an empty database).
const target = databaseTarget(env);
if (!process.argv.includes("--yes")) {
  console.error(`This deletes every row in ${describeTarget(target)}. Run: npm run db:reset -- --yes`);
  process.exit(1);
}
await resetTarget(target);
console.log(`Reset ${describeTarget(target)}.`);

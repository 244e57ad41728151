import { env } from "@/env";
import { resetDatabase } from "@/server/migrate";

// Drops every table of the database and migrates it afresh; safe while the server runs (it then
// sees an empty database).
if (!process.argv.includes("--yes")) {
  console.error(`This deletes every row in ${env.DATABASE_PATH}. Run: npm run db:reset -- --yes`);
  process.exit(1);
}
await resetDatabase(env.DATABASE_PATH);
console.log(`Reset ${env.DATABASE_PATH}.`);

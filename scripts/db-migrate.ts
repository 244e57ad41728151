import { env } from "@/env";
import { applyMigrations } from "@/server/migrate";
import { MigrationError } from "@/server/migrator";

try {
  await applyMigrations(env.DATABASE_PATH);
  console.log(`Database ready at ${env.DATABASE_PATH} (WAL).`);
} catch (error) {
  if (!(error instanceof MigrationError)) throw error;
  console.error(error.message);
  process.exit(1);
}

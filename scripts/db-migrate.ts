import { env } from "@/env";
import { databaseTarget, describeTarget, migrateTarget } from "@/server/migrate";
import { MigrationError } from "@/server/migrator";

const target = databaseTarget(env);
try {
  await migrateTarget(target);
  console.log(
    target.provider === "sqlite"
      ? `Database ready at ${target.path} (WAL).`
      : `Database ready at ${describeTarget(target)}.`,
  );
} catch (error) {
  if (!(error instanceof MigrationError)) throw error;
  console.error(error.message);
  process.exit(1);
}

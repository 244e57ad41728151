import path from "node:path";
import { env } from "@/env";
import {
  backupDatabase,
  backupPostgres,
  defaultBackupPath,
  defaultPostgresBackupPath,
} from "@/server/backup";
import { describeTarget } from "@/server/migrate";

// npm run db:backup [-- <destination>]: the SQLite file through SQLite's backup API, or on
// PostgreSQL (DATABASE_URL) a pg_dump in custom format; by default into backups/ beside DATABASE_PATH.
try {
  if (env.DATABASE_URL) {
    const destination = path.resolve(
      process.argv[2] ?? defaultPostgresBackupPath(env.DATABASE_PATH, env.DATABASE_URL),
    );
    const result = await backupPostgres(env.DATABASE_URL, destination);
    const source = describeTarget({ provider: "postgresql", url: env.DATABASE_URL });
    console.log(`Backed up ${source} to ${result.path} (${result.bytes} bytes, pg_dump custom format).`);
    console.log(
      `Restore: stop the server, then pg_restore --clean --if-exists --no-owner -d "$DATABASE_URL" ${result.path}`,
    );
  } else {
    const destination = path.resolve(process.argv[2] ?? defaultBackupPath(env.DATABASE_PATH));
    const result = await backupDatabase(env.DATABASE_PATH, destination);
    console.log(`Backed up ${env.DATABASE_PATH} to ${result.path} (${result.bytes} bytes).`);
    console.log(`Restore: stop the server, then start it with DATABASE_PATH=${result.path}`);
  }
} catch (error) {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exit(1);
}

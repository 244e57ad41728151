import path from "node:path";
import { env } from "@/env";
import { backupDatabase, defaultBackupPath } from "@/server/backup";

// npm run db:backup [-- <destination.db>]
if (env.DATABASE_URL) {
  console.error(
    'db:backup copies the SQLite file; on PostgreSQL (DATABASE_URL) use pg_dump, e.g. pg_dump -Fc -f waypoint.dump "$DATABASE_URL".',
  );
  process.exit(1);
}
const destination = path.resolve(process.argv[2] ?? defaultBackupPath(env.DATABASE_PATH));
try {
  const result = await backupDatabase(env.DATABASE_PATH, destination);
  console.log(`Backed up ${env.DATABASE_PATH} to ${result.path} (${result.bytes} bytes).`);
  console.log(`Restore: stop the server, then start it with DATABASE_PATH=${result.path}`);
} catch (error) {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exit(1);
}

import { env } from "@/env";
import { applyMigrations } from "@/server/migrate";

applyMigrations(env.DATABASE_PATH);
console.log(`Database ready at ${env.DATABASE_PATH} (WAL).`);

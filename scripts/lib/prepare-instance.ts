import path from "node:path";
import { formatContentReport, formatContentSummary } from "@/domain/content/compile";
import { env } from "@/env";
import { compileContentDir } from "@/server/content-loader";
import { ensureAuthSecret, secretPath } from "@/server/auth/secret";
import { databaseTarget, migrateTarget } from "@/server/migrate";
import { MigrationError } from "@/server/migrator";
import { purgeAnonymousIn } from "@/lib/retention";
import { createEngine } from "@/domain/engine/assess";
import { ensureQuizLengths } from "@/server/assessment/lengths";

/**
 * What must hold before the server may start: content is valid (otherwise print every problem
 * and exit 1, as `content:check` does), the database is migrated, and an auth secret exists.
 */
export async function prepareInstance(): Promise<void> {
  const result = compileContentDir(env.CONTENT_DIR);
  if (!result.ok) {
    console.error(formatContentReport(result.errors, path.relative(process.cwd(), env.CONTENT_DIR) || "."));
    console.error(
      "\nWaypoint will not start on invalid content. Fix the files above (npm run content:check).",
    );
    process.exit(1);
  }
  console.log(formatContentSummary(result.counts));
  const started = performance.now();
  if (ensureQuizLengths(createEngine(result.graph)))
    console.log(
      `Estimated the quiz length for every role (${((performance.now() - started) / 1000).toFixed(1)} s, once per content version).`,
    );
  try {
    await migrateTarget(databaseTarget(env));
  } catch (error) {
    if (!(error instanceof MigrationError)) throw error;
    console.error(`${error.message}\n\nWaypoint will not start on a database it cannot migrate.`);
    process.exit(1);
  }
  const purged = await purgeAnonymousIn(env, env.ANONYMOUS_RETENTION_DAYS);
  if (purged.attempts + purged.plans > 0)
    console.log(
      `Removed ${purged.attempts} anonymous attempt(s) and ${purged.plans} plan(s) idle for over ${env.ANONYMOUS_RETENTION_DAYS} days.`,
    );
  if (!env.AUTH_SECRET && ensureAuthSecret(env.DATA_DIR)) {
    console.log(
      `Generated an auth secret in ${path.relative(process.cwd(), secretPath(env.DATA_DIR))} (mode 600; keep it, back it up with the database).`,
    );
  }
}

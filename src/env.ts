import path from "node:path";
import { z } from "zod";

export const MAX_WORKERS = 32;
const WORKERS_ERROR = `must be a whole number of worker processes from 1 to ${MAX_WORKERS}`;

/**
 * The environment, validated once. Every setting has a default that works on a fresh clone, so
 * `npm start` needs no configuration; paths are resolved against the working directory.
 */
export const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_PATH: z.string().trim().min(1).default("data/waypoint.db"),
  /**
   * postgresql://user:password@host:port/database selects PostgreSQL (15 or newer) instead of the
   * SQLite file at DATABASE_PATH (docs/decisions/011). The database must exist; npm start migrates it.
   */
  DATABASE_URL: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL (unset for SQLite)" })
      .optional(),
  ),
  CONTENT_DIR: z.string().trim().min(1).default("content"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Where instance state lives: the generated auth secret and the mail outbox. */
  DATA_DIR: z.string().trim().min(1).default("data"),
  /** The public base URL (links in mail, auth's origin check). Defaults to http://localhost:PORT. */
  APP_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Auth secret (≥ 32 characters). When unset, `npm start` generates one into DATA_DIR/auth-secret. */
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** smtp:// or smtps:// URL; when unset, mail is written to DATA_DIR/outbox/ instead. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().trim().min(3).default("Waypoint <no-reply@localhost>"),
  /** Comma-separated addresses of reverse proxies whose X-Forwarded-For / -Proto are believed. */
  TRUST_PROXY: z.string().trim().default(""),
  /** A file every log line is also appended to (src/server/log.ts); stdout/stderr always get them. */
  LOG_FILE: z.string().trim().min(1).optional(),
  /**
   * Worker processes `npm start` serves with (node:cluster, one port): 1 to 32, default 1. More
   * use more cores; everything they share is in the database (docs/decisions/011).
   */
  WEB_CONCURRENCY: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.coerce
      .number({ error: WORKERS_ERROR })
      .int({ error: WORKERS_ERROR })
      .min(1, { error: WORKERS_ERROR })
      .max(MAX_WORKERS, { error: WORKERS_ERROR })
      .default(1),
  ),
  /**
   * PostgreSQL only: whether a quiz answer's commit waits for the WAL flush (`durable`) or returns
   * once written and is flushed within a fraction of a second (`fast`, the default: the guarantee
   * SQLite gives every commit). Everything else — results, accounts, cohorts — always waits.
   * docs/decisions/012.
   */
  ANSWER_COMMIT: z.enum(["fast", "durable"], { error: 'must be "fast" or "durable"' }).default("fast"),
  /** Days an unclaimed anonymous attempt is kept. */
  ANONYMOUS_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
});

export type Env = Omit<z.infer<typeof EnvSchema>, "APP_URL"> & { APP_URL: string };

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  return {
    ...result.data,
    DATABASE_PATH: path.resolve(result.data.DATABASE_PATH),
    CONTENT_DIR: path.resolve(result.data.CONTENT_DIR),
    DATA_DIR: path.resolve(result.data.DATA_DIR),
    APP_URL: (result.data.APP_URL ?? `http://localhost:${result.data.PORT}`).replace(/\/+$/, ""),
  };
}

export const env = readEnv();

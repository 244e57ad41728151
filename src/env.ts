import path from "node:path";
import { z } from "zod";

/**
 * The environment, validated once. Every setting has a default that works on a fresh clone, so
 * `npm start` needs no configuration; paths are resolved against the working directory.
 */
export const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_PATH: z.string().trim().min(1).default("data/waypoint.db"),
  CONTENT_DIR: z.string().trim().min(1).default("content"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
});

export type Env = z.infer<typeof EnvSchema>;

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
  };
}

export const env = readEnv();

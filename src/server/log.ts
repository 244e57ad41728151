import { appendFileSync } from "node:fs";

/**
 * Structured server log lines (one JSON object per line on stdout/stderr). Callers pass context,
 * never secrets: no passwords, tokens, links from mail or session ids. When LOG_FILE is set, each
 * line is also appended to that file (for a log shipper, or a test reading what was logged).
 */
export type LogLevel = "info" | "warn" | "error";

const logFile = process.env.LOG_FILE?.trim() || null;

export function logEvent(level: LogLevel, event: string, context: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...context });
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
  if (logFile) appendFileSync(logFile, `${line}\n`, { mode: 0o600 });
}

/**
 * Structured server log lines (one JSON object per line on stdout/stderr). Callers pass context,
 * never secrets: no passwords, tokens, links from mail or session ids.
 */
export type LogLevel = "info" | "warn" | "error";

export function logEvent(level: LogLevel, event: string, context: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...context });
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
}

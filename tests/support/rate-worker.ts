import fs from "node:fs";
import path from "node:path";
import { db } from "@/server/db";
import { checkRate } from "@/server/rate-limit";

/**
 * Another instance for tests/server/rate-limit.test.ts: its own process, Prisma client and
 * database connection(s), and none of the test process's memory. When given a barrier it marks
 * itself ready in <barrierDir> and waits until <count> workers are, so all hit together; then it
 * sends <hits> checks at once (Promise.all) against one rule and subject at the clock <nowMs> and
 * prints the decisions as JSON.
 *   tsx --conditions=react-server tests/support/rate-worker.ts <rule> <limit> <windowSeconds> <subject> <hits> <nowMs> [<barrierDir> <count>]
 */
const [
  name = "",
  limit = "0",
  windowSeconds = "0",
  subject = "",
  hits = "1",
  nowMs = "0",
  barrierDir,
  count,
] = process.argv.slice(2);
if (barrierDir) {
  fs.writeFileSync(path.join(barrierDir, `${process.pid}.ready`), "");
  while (fs.readdirSync(barrierDir).length < Number(count))
    await new Promise((resolve) => setTimeout(resolve, 5));
}
const rule = { name, limit: Number(limit), windowSeconds: Number(windowSeconds) };
const decisions = await Promise.all(
  Array.from({ length: Number(hits) }, () => checkRate([{ rule, subject }], Number(nowMs))),
);
console.log(JSON.stringify(decisions));
// Without this, pg's idle connections keep the process alive for another 10 s.
await db.$disconnect();

import fs from "node:fs";
import path from "node:path";
import { env } from "@/env";
import { purgeAnonymousIn } from "@/lib/retention";

/**
 * A retention purge for tests/server/retention.test.ts in its own process (another instance):
 * once loaded it marks itself ready in <barrierDir> and waits until <count> workers are, so the
 * purges start together; then it purges at the clock <nowIso> and prints what it deleted as JSON.
 *   tsx --conditions=react-server tests/support/purge-worker.ts <barrierDir> <count> <retentionDays> <nowIso>
 */
const [barrierDir = "", count = "2", days = "90", nowIso = ""] = process.argv.slice(2);
fs.writeFileSync(path.join(barrierDir, `${process.pid}.ready`), "");
while (fs.readdirSync(barrierDir).length < Number(count))
  await new Promise((resolve) => setTimeout(resolve, 5));
console.log(JSON.stringify(await purgeAnonymousIn(env, Number(days), new Date(nowIso))));

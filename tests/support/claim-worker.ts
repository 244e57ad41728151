import fs from "node:fs";
import path from "node:path";
import { claimDueMail } from "@/server/mail-queue";

/**
 * A sender for tests/server/mail/mail-queue.test.ts in its own process, with its own database
 * connection. Once loaded it marks itself ready in <barrierDir> and waits until <count> workers
 * are, so all start claiming together; then it claims one due message at a time until none is
 * left and prints the ids it got as JSON.
 *   tsx --conditions=react-server tests/support/claim-worker.ts <owner> <barrierDir> <count>
 */
const [owner = "", barrierDir = "", count = "2"] = process.argv.slice(2);
fs.writeFileSync(path.join(barrierDir, `${owner}.ready`), "");
while (fs.readdirSync(barrierDir).length < Number(count))
  await new Promise((resolve) => setTimeout(resolve, 5));
const now = new Date("2100-01-01T00:00:00Z");
const ids: string[] = [];
for (;;) {
  const claimed = await claimDueMail(owner, now, 1);
  if (claimed.length === 0) break;
  ids.push(...claimed.map((row) => row.id));
}
console.log(JSON.stringify(ids));

import fs from "node:fs";
import path from "node:path";
import { db } from "@/server/db";
import { claimDueMail, sendDueMail } from "@/server/mail-queue";

/**
 * A sender for tests/server/mail/mail-queue.test.ts in its own process, with its own database
 * connection. Once loaded and connected it marks itself ready in <barrierDir> and waits until <count> workers
 * are, so all start claiming together; then it claims one due message at a time until none is
 * left and prints the ids it got as JSON. With "send", it runs the sender instead (sendDueMail,
 * with a transport that records each message) and prints the recipients it sent to.
 *   tsx --conditions=react-server tests/support/claim-worker.ts <owner> <barrierDir> <count> [send]
 */
const [owner = "", barrierDir = "", count = "2", mode = "claim"] = process.argv.slice(2);
// Connected before it says it is ready: on a loaded machine a worker still opening its connection
// once the others start could find every message claimed, and the claims would not have raced.
await db.$queryRawUnsafe("SELECT 1");
fs.writeFileSync(path.join(barrierDir, `${owner}.ready`), "");
while (fs.readdirSync(barrierDir).length < Number(count))
  await new Promise((resolve) => setTimeout(resolve, 5));
const now = new Date("2100-01-01T00:00:00Z");
if (mode === "send") {
  const sentTo: string[] = [];
  const transport = {
    kind: "smtp" as const,
    send: async (mail: { to: string }) => void sentTo.push(mail.to),
  };
  await sendDueMail({ owner, transport, now: () => now });
  console.log(JSON.stringify(sentTo));
} else {
  const ids: string[] = [];
  for (;;) {
    const claimed = await claimDueMail(owner, now, 1);
    if (claimed.length === 0) break;
    ids.push(...claimed.map((row) => row.id));
  }
  console.log(JSON.stringify(ids));
}
// Without this, pg's idle connections keep the process alive for another 10 s.
await db.$disconnect();

import fs from "node:fs";

// Deletes the end-to-end SQLite database (with its WAL files); `npm start` creates and migrates it
// anew. Rate-limit counters live in the database and outlast a restart, so a run right after
// another would otherwise start with the per-address budgets (sign-ups: 20 an hour) spent.
const file = "tests/.tmp/e2e/waypoint.db";
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
console.log(`Removed ${file} for a fresh end-to-end run.`);

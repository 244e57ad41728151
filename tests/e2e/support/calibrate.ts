/**
 * `npm run calibrate` itself, run against the e2e instance's database (runInApp passes the
 * arguments through):   calibrate.ts [--dry-run] [--min-responses N]
 * Its last line names the set it wrote.
 */
export {};
await import("../../../scripts/calibrate");

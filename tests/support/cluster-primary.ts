import { superviseWorkers } from "../../scripts/lib/cluster";

// The supervisor of scripts/lib/cluster.ts over tests/support/cluster-worker.ts (tests/scripts/cluster.test.ts).
await superviseWorkers(Number(process.argv[2] ?? 2), {
  exec: "tests/support/cluster-worker.ts",
  stopTimeoutMs: 5000,
});

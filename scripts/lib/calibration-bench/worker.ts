import { parentPort, workerData } from "node:worker_threads";
import { benchContext, scoreFreshExaminees, simulateAttempts } from "./simulate";

/**
 * bench:calibration's worker: rebuilds the seeded context, then runs the slices of attempts or
 * fresh examinees the main thread sends. Every person has their own random stream, so how the
 * work is split never changes a figure.
 */
type Job =
  | { kind: "attempts"; from: number; to: number }
  | {
      kind: "fresh";
      from: number;
      to: number;
      calibrated: [string, { difficulty: number; discrimination: number }][];
    };

const context = benchContext((workerData as { seed: number }).seed);
parentPort?.on("message", (job: Job) => {
  if (job.kind === "attempts") parentPort?.postMessage(simulateAttempts(context, job.from, job.to));
  else parentPort?.postMessage(scoreFreshExaminees(context, new Map(job.calibrated), job.from, job.to));
});
parentPort?.postMessage("ready");

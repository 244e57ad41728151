import { parseArgs } from "node:util";
import { env } from "@/env";
import { compileContentDir } from "@/server/content-loader";

/**
 * npm run bench:content [-- --runs N] — docs/decisions/002-content-as-markdown.md: loading and
 * validating the whole content tree
 * takes under a second on two cores. The first (cold) run is what a server start pays, so the bar
 * applies to it; warm runs are printed for comparison. Exits 1 above the bar.
 */
const BAR_MS = 1000;
const { values } = parseArgs({ options: { runs: { type: "string", default: "5" } } });
const runs = Math.max(1, Number(values.runs));
const times: number[] = [];
let summary = "";
for (let run = 0; run < runs; run++) {
  const started = performance.now();
  const result = compileContentDir(env.CONTENT_DIR);
  times.push(performance.now() - started);
  if (!result.ok) {
    console.error("Content is invalid; run npm run content:check.");
    process.exit(1);
  }
  summary = `${result.counts.roles} roles, ${result.counts.skills} skills, ${result.counts.questions} questions, ${result.counts.modules} modules`;
}
const [cold = 0, ...warm] = times;
const sortedWarm = [...warm].sort((a, b) => a - b);
console.log(`content load + validation (${summary})`);
console.log(`cold: ${cold.toFixed(0)} ms (bar ${BAR_MS} ms)`);
if (sortedWarm.length > 0)
  console.log(
    `warm median: ${(sortedWarm[Math.floor(sortedWarm.length / 2)] ?? 0).toFixed(0)} ms over ${sortedWarm.length} runs`,
  );
if (cold > BAR_MS) {
  console.error(`FAIL: cold load took ${cold.toFixed(0)} ms, above ${BAR_MS} ms`);
  process.exit(1);
}
console.log("PASS");

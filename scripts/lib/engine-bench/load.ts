import { createEngine, type Engine } from "@/domain/engine/assess";
import { env } from "@/env";
import { compileContentDir } from "@/server/content-loader";

/** The engine on the content tree the benchmarks run on; exits with a pointer to content:check when it is invalid. */
export function loadBenchEngine(): Engine {
  const compiled = compileContentDir(env.CONTENT_DIR);
  if (!compiled.ok) {
    console.error("Content is invalid; run npm run content:check.");
    process.exit(1);
  }
  return createEngine(compiled.graph);
}

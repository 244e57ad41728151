import path from "node:path";
import { parseArgs } from "node:util";
import { formatContentReport, formatContentSummary } from "@/domain/content/compile";
import { compileContentDir } from "@/server/content-loader";
import { env } from "@/env";

// npm run content:check [-- --dir <path>]
const { values } = parseArgs({ options: { dir: { type: "string" } }, allowPositionals: false });
const root = path.resolve(values.dir ?? env.CONTENT_DIR);
const started = performance.now();
const result = compileContentDir(root);
const elapsed = Math.round(performance.now() - started);
const shown = path.relative(process.cwd(), root) || ".";

if (!result.ok) {
  console.error(formatContentReport(result.errors, shown));
  process.exit(1);
}
console.log(`${formatContentSummary(result.counts)} (${shown}, ${elapsed} ms)`);

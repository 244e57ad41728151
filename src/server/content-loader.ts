import "server-only";
import fs from "node:fs";
import path from "node:path";
import { compileContent, formatContentReport, type CompileResult } from "@/domain/content/compile";
import type { ContentFile } from "@/domain/content/types";
import type { SkillsGraph } from "@/domain/skills-graph";
import { env } from "@/env";

/** Reads every Markdown file under `root` (README files excepted) with posix relative paths. */
export function readContentFiles(root: string): ContentFile[] {
  const files: ContentFile[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith(".md") && entry.name.toLowerCase() !== "readme.md") {
        files.push({
          path: path.relative(root, full).split(path.sep).join("/"),
          text: fs.readFileSync(full, "utf8"),
        });
      }
    }
  };
  walk(root);
  return files;
}

export function compileContentDir(root: string): CompileResult {
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    return {
      ok: false,
      errors: [{ file: ".", line: 1, message: `content folder not found at ${root}` }],
      counts: { roles: 0, skills: 0, questions: 0, modules: 0 },
    };
  }
  return compileContent(readContentFiles(root));
}

export class InvalidContentError extends Error {
  override name = "InvalidContentError";
}

const cache = globalThis as unknown as { waypointGraph?: SkillsGraph };

/**
 * The skills graph for this server process, loaded once. `npm start` validates content before the
 * server starts, so a failure here only happens when content changed under a running server.
 */
export function getSkillsGraph(): SkillsGraph {
  if (cache.waypointGraph) return cache.waypointGraph;
  const result = compileContentDir(env.CONTENT_DIR);
  if (!result.ok) {
    throw new InvalidContentError(
      formatContentReport(result.errors, path.relative(process.cwd(), env.CONTENT_DIR) || "."),
    );
  }
  cache.waypointGraph = result.graph;
  return result.graph;
}

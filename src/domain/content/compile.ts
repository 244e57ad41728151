import { createHash } from "node:crypto";
import { buildSkillsGraph, type SkillsGraph } from "../skills-graph";
import { compareErrors } from "./locate";
import { parseContentFiles } from "./parse";
import type { ContentError, ContentFile } from "./types";
import { validateContent } from "./validate";

export type CompileResult =
  | { ok: true; graph: SkillsGraph; counts: ContentCounts }
  | { ok: false; errors: ContentError[]; counts: ContentCounts };

export interface ContentCounts {
  roles: number;
  skills: number;
  questions: number;
  modules: number;
}

/** Parse → validate → build, the one path every caller (server, CLI, tests) takes. */
export function compileContent(files: readonly ContentFile[]): CompileResult {
  const { content, errors, declared } = parseContentFiles(files);
  errors.push(...validateContent(content, declared));
  const counts: ContentCounts = {
    roles: content.roles.length,
    skills: content.skills.length,
    questions: content.questions.length,
    modules: content.modules.length,
  };
  if (errors.length > 0) return { ok: false, errors: errors.sort(compareErrors), counts };
  return { ok: true, graph: buildSkillsGraph(content, hashContentFiles(files)), counts };
}

/** SHA-256 over every file's path and text, independent of the order they were read in. */
export function hashContentFiles(files: readonly ContentFile[]): string {
  const hash = createHash("sha256");
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    hash.update(file.path).update("\0").update(file.text.replace(/\r\n?/g, "\n")).update("\0");
  }
  return hash.digest("hex");
}

/** The report `content:check` prints and the server prints when it refuses to start. */
export function formatContentReport(errors: readonly ContentError[], root: string): string {
  const prefix = root.replace(/\/+$/, "");
  const lines = errors.map((error) => `  ${prefix}/${error.file}:${error.line}  ${error.message}`);
  const files = new Set(errors.map((error) => error.file)).size;
  return [
    `Content has ${errors.length} problem${errors.length === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}:`,
    ...lines,
  ].join("\n");
}

export function formatContentSummary(counts: ContentCounts): string {
  return `Content OK: ${counts.roles} roles, ${counts.skills} skills, ${counts.questions} questions, ${counts.modules} modules.`;
}

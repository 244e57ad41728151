import type { z } from "zod";
import { checkCodeFences } from "./bank-rules";
import { readFrontMatter } from "./front-matter";
import { errorAt } from "./locate";
import { hashQuestionText } from "./item-hash";
import {
  ModuleFrontMatterSchema,
  QuestionFrontMatterSchema,
  RoleFrontMatterSchema,
  SkillFrontMatterSchema,
} from "./schemas";
import type {
  ContentError,
  ContentFile,
  ContentKind,
  ParsedContent,
  SourceLocation,
} from "./types";

const FOLDER_KINDS: Record<string, ContentKind> = {
  roles: "role",
  skills: "skill",
  questions: "question",
  modules: "module",
};

const EXPLANATION_HEADING = /^##\s+Explanation\s*$/m;

export interface ParseResult {
  content: ParsedContent;
  errors: ContentError[];
  /** What files that failed their own checks still declare, so others' references to them are not also reported. */
  declared: DeclaredReferences;
}

export interface DeclaredReferences {
  skillIds: Set<string>;
  /** Skills that a question or module file with its own errors is about. */
  questionSkills: Set<string>;
  moduleSkills: Set<string>;
}

/** Which kind of content a path holds, from its top folder (`roles/…`, `questions/<skill>/…`). */
export function kindOfPath(path: string): ContentKind | undefined {
  const top = path.split("/")[0] ?? "";
  return FOLDER_KINDS[top];
}

/**
 * Parses every file into validated objects and collects every problem instead of stopping at the
 * first one. Files with errors are left out of `content`, so cross-checks run on what is valid.
 */
export function parseContentFiles(files: readonly ContentFile[]): ParseResult {
  const content: ParsedContent = { roles: [], skills: [], questions: [], modules: [] };
  const errors: ContentError[] = [];
  const declared: DeclaredReferences = { skillIds: new Set(), questionSkills: new Set(), moduleSkills: new Set() };

  for (const file of files) {
    const kind = kindOfPath(file.path);
    if (!kind) {
      errors.push({
        file: file.path,
        line: 1,
        message: "this folder holds no content kind; put files under roles/, skills/, questions/<skill>/ or modules/",
      });
      continue;
    }
    const front = readFrontMatter(file);
    errors.push(...front.errors);
    if (front.errors.length > 0) continue;
    const before = errors.length;

    const body = front.body.trim();
    errors.push(...checkCodeFences(body, front.source, front.source.bodyLine));
    switch (kind) {
      case "role": {
        const data = validate(RoleFrontMatterSchema, front.data, front.source, errors);
        if (data && requireBody(body, front.source, errors, "describe the role: what the work is, a typical week, how people move in")) {
          content.roles.push({ ...data, body, source: front.source });
        }
        break;
      }
      case "skill": {
        const data = validate(SkillFrontMatterSchema, front.data, front.source, errors);
        if (data && requireBody(body, front.source, errors, "say what the skill covers and why roles need it")) {
          content.skills.push({ ...data, body, source: front.source });
        }
        break;
      }
      case "question": {
        const data = validate(QuestionFrontMatterSchema, front.data, front.source, errors);
        const parts = splitQuestionBody(body, front.source, errors);
        if (data && parts)
          content.questions.push({ ...data, ...parts, source: front.source, contentHash: hashQuestionText(file.text) });
        break;
      }
      case "module": {
        const data = validate(ModuleFrontMatterSchema, front.data, front.source, errors);
        if (data && requireBody(body, front.source, errors, "say what to do and how the learner knows they are done")) {
          content.modules.push({ ...data, body, source: front.source });
        }
        break;
      }
    }
    if (errors.length > before) recordDeclared(kind, front.data, declared);
  }
  return { content, errors, declared };
}

function recordDeclared(kind: ContentKind, data: unknown, declared: DeclaredReferences): void {
  if (typeof data !== "object" || data === null) return;
  const record = data as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  if (kind === "skill" && text(record.id)) declared.skillIds.add(record.id as string);
  if (kind === "question" && text(record.skill)) declared.questionSkills.add(record.skill as string);
  if (kind === "module" && Array.isArray(record.skills)) {
    for (const step of record.skills) {
      const skill = typeof step === "object" && step !== null ? text((step as Record<string, unknown>).skill) : undefined;
      if (skill) declared.moduleSkills.add(skill);
    }
  }
}

function validate<T>(
  schema: z.ZodType<T>,
  data: unknown,
  source: SourceLocation,
  errors: ContentError[],
): T | undefined {
  const result = schema.safeParse(data ?? {});
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        errors.push(errorAt(source, [...issue.path, key], "unknown field; check its spelling against the content guide"));
      }
    } else if (valueAt(data, issue.path) === undefined) {
      errors.push(errorAt(source, issue.path, "is required"));
    } else {
      errors.push(errorAt(source, issue.path, issue.message));
    }
  }
  return undefined;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function requireBody(body: string, source: SourceLocation, errors: ContentError[], hint: string): boolean {
  if (body.length > 0) return true;
  errors.push({ file: source.file, line: source.bodyLine, message: `the Markdown body is empty: ${hint}` });
  return false;
}

function splitQuestionBody(
  body: string,
  source: SourceLocation,
  errors: ContentError[],
): { stem: string; explanation: string } | undefined {
  const match = EXPLANATION_HEADING.exec(body);
  const stem = (match ? body.slice(0, match.index) : body).trim();
  const explanation = match ? body.slice(match.index + match[0].length).trim() : "";
  let ok = true;
  if (stem.length === 0) {
    errors.push({ file: source.file, line: source.bodyLine, message: "the question stem is empty: write the question above `## Explanation`" });
    ok = false;
  }
  if (explanation.length === 0) {
    errors.push({
      file: source.file,
      line: source.bodyLine,
      message: "the explanation is missing: add a `## Explanation` section saying why the key is right and each distractor wrong",
    });
    ok = false;
  }
  return ok ? { stem, explanation } : undefined;
}

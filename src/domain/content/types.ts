import type {
  ModuleFrontMatter,
  QuestionFrontMatter,
  RoleFrontMatter,
  SkillFrontMatter,
} from "./schemas";

/** A content file as the loader hands it over: path relative to the content root, posix slashes. */
export interface ContentFile {
  path: string;
  text: string;
}

/** One problem in the content tree, pointing at the line an author has to change. */
export interface ContentError {
  file: string;
  line: number;
  message: string;
}

/**
 * Where an entity came from. `lines` maps a front-matter path such as `requires.2.level` to the
 * line it is written on, so a cross-check can point at the exact key rather than at line 1.
 */
export interface SourceLocation {
  file: string;
  /** Line of the first non-blank line of the Markdown body. */
  bodyLine: number;
  lines: Readonly<Record<string, number>>;
}

export type Role = RoleFrontMatter & { body: string; source: SourceLocation };
export type Skill = SkillFrontMatter & { body: string; source: SourceLocation };
export type Question = QuestionFrontMatter & {
  stem: string;
  explanation: string;
  source: SourceLocation;
  /** This question's own content hash (item-hash.ts): what evidence about the item is keyed by. */
  contentHash: string;
};
export type LearningModule = ModuleFrontMatter & { body: string; source: SourceLocation };

export interface ParsedContent {
  roles: Role[];
  skills: Skill[];
  questions: Question[];
  modules: LearningModule[];
}

export type ContentKind = "role" | "skill" | "question" | "module";

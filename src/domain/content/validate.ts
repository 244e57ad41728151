import { checkCoverage, checkGuessing, checkQuestionItem } from "./bank-rules";
import { compareErrors, errorAt } from "./locate";
import type { DeclaredReferences } from "./parse";
import type { ContentError, ParsedContent, SourceLocation } from "./types";

/** Role size limits: enough skills to describe the role, few enough to assess in ~15 questions. */
export const ROLE_REQUIREMENTS = { min: 8, max: 12 } as const;
export const ROLE_CORE_REQUIREMENTS = { min: 5, max: 8 } as const;

interface Identified {
  id: string;
  replaces?: string[] | undefined;
  source: SourceLocation;
}

/**
 * Cross-file checks on content that already passed its schema: references, duplicates, cycles,
 * answer keys and role coverage. Returns every problem, sorted by file and line.
 */
export function validateContent(content: ParsedContent, declared?: DeclaredReferences): ContentError[] {
  const errors: ContentError[] = [];
  // Ids declared by files that already have errors count as known: one mistake, one report.
  const skillIds = new Set([...content.skills.map((skill) => skill.id), ...(declared?.skillIds ?? [])]);
  const skillsWithQuestions = new Set([...content.questions.map((question) => question.skill), ...(declared?.questionSkills ?? [])]);
  const skillsWithModules = new Set([
    ...content.modules.flatMap((mod) => mod.skills.map((step) => step.skill)),
    ...(declared?.moduleSkills ?? []),
  ]);

  checkIds("role", content.roles, errors);
  checkIds("skill", content.skills, errors);
  checkIds("question", content.questions, errors);
  checkIds("module", content.modules, errors);

  for (const role of content.roles) {
    const seen = new Set<string>();
    role.requires.forEach((requirement, index) => {
      const at = ["requires", index, "skill"];
      if (!skillIds.has(requirement.skill)) {
        errors.push(errorAt(role.source, at, `unknown skill \`${requirement.skill}\`; add content/skills/${requirement.skill}.md or fix the id`));
        return;
      }
      if (seen.has(requirement.skill)) {
        errors.push(errorAt(role.source, at, `skill \`${requirement.skill}\` is listed twice; keep one requirement per skill`));
      }
      seen.add(requirement.skill);
      if (!skillsWithQuestions.has(requirement.skill)) {
        errors.push(errorAt(role.source, at, `skill \`${requirement.skill}\` has no questions, so it cannot be assessed; add questions under content/questions/${requirement.skill}/`));
      }
      if (!skillsWithModules.has(requirement.skill)) {
        errors.push(errorAt(role.source, at, `skill \`${requirement.skill}\` has no learning module, so a gap in it cannot be planned; add one under content/modules/`));
      }
    });
    const count = role.requires.length;
    if (count < ROLE_REQUIREMENTS.min || count > ROLE_REQUIREMENTS.max) {
      errors.push(errorAt(role.source, ["requires"], `a role requires ${ROLE_REQUIREMENTS.min}–${ROLE_REQUIREMENTS.max} skills (found ${count}) so that one assessment can cover it`));
    }
    const core = role.requires.filter((requirement) => requirement.weight === "core").length;
    if (core < ROLE_CORE_REQUIREMENTS.min || core > ROLE_CORE_REQUIREMENTS.max) {
      errors.push(errorAt(role.source, ["requires"], `a role has ${ROLE_CORE_REQUIREMENTS.min}–${ROLE_CORE_REQUIREMENTS.max} core skills (found ${core}); mark the others \`supporting\``));
    }
  }

  for (const skill of content.skills) {
    skill.prerequisites.forEach((prerequisite, index) => {
      const at = ["prerequisites", index];
      if (prerequisite === skill.id) errors.push(errorAt(skill.source, at, "a skill cannot be its own prerequisite"));
      else if (!skillIds.has(prerequisite)) {
        errors.push(errorAt(skill.source, at, `unknown prerequisite skill \`${prerequisite}\`; add content/skills/${prerequisite}.md or fix the id`));
      }
    });
  }
  errors.push(...findPrerequisiteCycles(content));

  for (const question of content.questions) {
    const folder = question.source.file.split("/")[1];
    if (!skillIds.has(question.skill)) {
      errors.push(errorAt(question.source, ["skill"], `unknown skill \`${question.skill}\`; add content/skills/${question.skill}.md or fix the id`));
    } else if (folder !== question.skill) {
      errors.push(errorAt(question.source, ["skill"], `the question is about \`${question.skill}\` but lives in questions/${folder ?? ""}/; move it to questions/${question.skill}/`));
    }
    const optionIds = new Map<string, number>();
    question.options.forEach((option, index) => {
      const first = optionIds.get(option.id);
      if (first !== undefined) {
        errors.push(errorAt(question.source, ["options", index, "id"], `option id \`${option.id}\` is already used by options[${first}]; option ids must be unique within a question`));
      } else optionIds.set(option.id, index);
    });
    checkOptionReplaces(question, errors);
    const keys = question.options.filter((option) => option.correct === true).length;
    if (question.type === "single" && keys !== 1) {
      errors.push(errorAt(question.source, ["options"], `a single-answer question needs exactly one option with \`correct: true\` (found ${keys})`));
    }
    if (question.type === "multiple" && keys < 1) {
      errors.push(errorAt(question.source, ["options"], "a multiple-answer question needs at least one option with `correct: true`"));
    }
    errors.push(...checkQuestionItem(question));
  }
  errors.push(...checkGuessing(content));
  errors.push(...checkCoverage(content));

  for (const mod of content.modules) {
    const seen = new Set<string>();
    mod.skills.forEach((step, index) => {
      if (!skillIds.has(step.skill)) {
        errors.push(errorAt(mod.source, ["skills", index, "skill"], `unknown skill \`${step.skill}\`; add content/skills/${step.skill}.md or fix the id`));
      } else if (seen.has(step.skill)) {
        errors.push(errorAt(mod.source, ["skills", index, "skill"], `skill \`${step.skill}\` is listed twice; a module lifts each skill by one range`));
      }
      seen.add(step.skill);
    });
  }

  return errors.sort(compareErrors);
}

/**
 * A renamed option lists its old ids in `replaces`, so answers stored under the old id still
 * resolve: an old id must not be a live option id of the question nor be claimed twice.
 */
function checkOptionReplaces(question: ParsedContent["questions"][number], errors: ContentError[]): void {
  const live = new Set(question.options.map((option) => option.id));
  const claimed = new Map<string, number>();
  question.options.forEach((option, index) => {
    (option.replaces ?? []).forEach((oldId, at) => {
      const path = ["options", index, "replaces", at];
      if (live.has(oldId)) errors.push(errorAt(question.source, path, `\`${oldId}\` is a live option id of this question; only a retired id can be replaced`));
      else if (claimed.has(oldId)) errors.push(errorAt(question.source, path, `retired option id \`${oldId}\` is already mapped by options[${claimed.get(oldId) ?? 0}]; map it once`));
      else claimed.set(oldId, index);
    });
  });
}

/** Duplicate ids within a kind, and `replaces` entries that clash with live or other retired ids. */
function checkIds(kind: string, items: readonly Identified[], errors: ContentError[]): void {
  const live = new Map<string, SourceLocation>();
  for (const item of items) {
    const first = live.get(item.id);
    if (first) {
      errors.push(errorAt(item.source, ["id"], `duplicate ${kind} id \`${item.id}\`, also defined in ${first.file}:${first.lines.id ?? 1}; ids must be unique`));
    } else live.set(item.id, item.source);
  }
  const retired = new Map<string, SourceLocation>();
  for (const item of items) {
    (item.replaces ?? []).forEach((oldId, index) => {
      const at = ["replaces", index];
      if (live.has(oldId)) {
        errors.push(errorAt(item.source, at, `\`${oldId}\` is still a live ${kind} id; only retired ids can be replaced`));
        return;
      }
      const claimed = retired.get(oldId);
      if (claimed) {
        errors.push(errorAt(item.source, at, `retired ${kind} id \`${oldId}\` is already mapped by ${claimed.file}; map it once`));
        return;
      }
      retired.set(oldId, item.source);
    });
  }
}

/** Every prerequisite cycle once, as a path `a → b → a`, reported at the first skill's prerequisites. */
export function findPrerequisiteCycles(content: ParsedContent): ContentError[] {
  const skills = new Map(content.skills.map((skill) => [skill.id, skill]));
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const errors: ContentError[] = [];
  const reported = new Set<string>();

  const visit = (id: string): void => {
    state.set(id, "visiting");
    stack.push(id);
    const skill = skills.get(id);
    for (const next of skill?.prerequisites ?? []) {
      if (!skills.has(next) || next === id) continue;
      if (state.get(next) === "visiting") {
        const cycle = [...stack.slice(stack.indexOf(next)), next];
        const key = [...cycle.slice(0, -1)].sort().join(",");
        if (!reported.has(key)) {
          reported.add(key);
          const start = skills.get(next);
          if (start) {
            const index = start.prerequisites.indexOf(cycle[1] ?? "");
            errors.push(errorAt(start.source, ["prerequisites", Math.max(index, 0)], `prerequisite cycle: ${cycle.join(" → ")}; remove one of these links`));
          }
        }
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(id, "done");
  };

  for (const id of [...skills.keys()].sort()) if (!state.has(id)) visit(id);
  return errors;
}

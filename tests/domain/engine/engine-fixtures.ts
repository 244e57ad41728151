import { compileContent, formatContentReport } from "@/domain/content/compile";
import type { ContentFile } from "@/domain/content/types";
import {
  createEngine,
  replayAttempt,
  type AttemptSpec,
  type AttemptState,
  type Engine,
  type RecordedAnswer,
} from "@/domain/engine/assess";
import type { EngineItem } from "@/domain/engine/model";
import type { Outcome } from "@/domain/engine/posterior";
import type { SkillsGraph } from "@/domain/skills-graph";
import { readContentFiles } from "@/server/content-loader";
import {
  buildValidContentFiles,
  moduleFile,
  overlay,
  questionBank,
  questionFile,
  roleFile,
  skillFile,
} from "../../factories/content-files";
import { REPO_CONTENT_DIR } from "../../support/paths";

/**
 * Content for the engine tests. The factory tree (one role, `test-role`, needing alpha…hotel at
 * level 2 along a prerequisite chain alpha → bravo → … → hotel) plus:
 * - `india` (prerequisite: charlie) and `juliet`, which `test-role` does not require;
 * - `india-role`, which requires india at level 3 and does not require golf or hotel;
 * - a multiple-answer alpha question `alpha-multi` and a calibrated bravo question
 *   `bravo-calibrated` (difficulty 0.8, discrimination 2.1 in its front matter).
 */
export function engineContentFiles(): ContentFile[] {
  const indiaStep3 = moduleFile("india", 2, 3, 10);
  return overlay(buildValidContentFiles(), [
    skillFile("india", ["charlie"]),
    skillFile("juliet"),
    ...questionBank("india", 8),
    ...questionBank("juliet", 9),
    moduleFile("india"),
    moduleFile("juliet"),
    { path: "modules/india-step-3.md", text: indiaStep3.text.replace("id: india-intro", "id: india-step-3") },
    roleFile("india-role", [
      { skill: "india", level: 3, weight: "core" },
      { skill: "juliet", level: 2, weight: "core" },
      { skill: "alpha", level: 2, weight: "core" },
      { skill: "bravo", level: 2, weight: "core" },
      { skill: "charlie", level: 2, weight: "core" },
      { skill: "delta", level: 1, weight: "supporting" },
      { skill: "echo", level: 1, weight: "supporting" },
      { skill: "foxtrot", level: 1, weight: "supporting" },
    ]),
    multipleAnswerQuestion("alpha", "multi", 2),
    calibratedQuestion("bravo", "calibrated", 2, { difficulty: 0.8, discrimination: 2.1 }),
  ]);
}

/** A multiple-answer question with five options, two of them keys. */
export function multipleAnswerQuestion(skill: string, slug: string, level: number): ContentFile {
  return {
    path: `questions/${skill}/${slug}.md`,
    text: `---
id: ${skill}-${slug}
skill: ${skill}
level: ${level}
type: multiple
options:
  - id: first
    text: The first plausible answer
    correct: true
  - id: second
    text: The second plausible answer
  - id: third
    text: The third plausible answer
    correct: true
  - id: fourth
    text: The fourth plausible answer
  - id: fifth
    text: The fifth plausible answer
---
Which answers are right for ${skill}?

## Explanation
The first and the third, because the others are not.
`,
  };
}

/** A single-answer question whose front matter sets calibrated item parameters. */
export function calibratedQuestion(
  skill: string,
  slug: string,
  level: number,
  parameters: { difficulty: number; discrimination: number },
): ContentFile {
  const base = questionFile(skill, slug, level, 2);
  return {
    path: base.path,
    text: base.text.replace(
      "type: single",
      `type: single\ndifficulty: ${parameters.difficulty}\ndiscrimination: ${parameters.discrimination}`,
    ),
  };
}

export function graphOf(files: readonly ContentFile[]): SkillsGraph {
  const result = compileContent(files);
  if (!result.ok) throw new Error(formatContentReport(result.errors, "content"));
  return result.graph;
}

export function engineOf(files: readonly ContentFile[] = engineContentFiles()): Engine {
  return createEngine(graphOf(files));
}

/** The engine on the repository's real content (a realistic bank, for exposure behaviour). */
export function repoEngine(): Engine {
  return engineOf(readContentFiles(REPO_CONTENT_DIR));
}

export function skillIndexOf(engine: Engine, skillId: string): number {
  const index = engine.model.skillIndex.get(skillId);
  if (index === undefined) throw new Error(`no skill ${skillId}`);
  return index;
}

export function itemOf(engine: Engine, itemId: string): EngineItem {
  const item = engine.model.itemById.get(itemId);
  if (!item) throw new Error(`no item ${itemId}`);
  return item;
}

/** An answer as the app stores it: the item's parameters at the time it was answered. */
export function recorded(engine: Engine, itemId: string, outcome: Outcome): RecordedAnswer {
  const item = itemOf(engine, itemId);
  const skillId = engine.model.skillIds[item.skillIndex] as string;
  return {
    questionId: item.id,
    skillId,
    outcome,
    parameters: { difficulty: item.difficulty, discrimination: item.discrimination, guessing: item.guessing },
  };
}

export interface SimulatedAttempt {
  answers: RecordedAnswer[];
  asked: EngineItem[];
  final: AttemptState;
}

/**
 * Plays an attempt the way the app does: replay the stored answers, show `next`, store the answer,
 * until the engine stops. `respond` decides each outcome; `limit` guards against a runaway loop.
 */
export function simulateAttempt(
  engine: Engine,
  spec: AttemptSpec,
  respond: (item: EngineItem, position: number) => Outcome,
  limit = 500,
): SimulatedAttempt {
  const answers: RecordedAnswer[] = [];
  const asked: EngineItem[] = [];
  let state = replayAttempt(engine, spec, answers);
  while (state.next) {
    if (asked.length >= limit) throw new Error(`attempt did not stop within ${limit} items`);
    const item = state.next;
    asked.push(item);
    answers.push(recorded(engine, item.id, respond(item, asked.length - 1)));
    state = replayAttempt(engine, spec, answers);
  }
  return { answers, asked, final: state };
}

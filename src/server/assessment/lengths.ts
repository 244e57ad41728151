import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Engine } from "@/domain/engine/assess";
import { DEFAULT_BUDGETS, estimateQuizLengths, type QuizLength } from "@/domain/engine/length";
import { ENGINE_DEFAULTS } from "@/domain/engine/model";
import { env } from "@/env";

/**
 * The quiz lengths the start page states, estimated by simulation (src/domain/engine/length.ts).
 * The estimate takes several seconds, so `npm start` computes it once per content version and engine
 * setting and keeps it in DATA_DIR; the server only reads it. Without the file (a development
 * server started another way) the page states the bounds alone.
 */
const FILE = "quiz-lengths.json";
// Lengths pile up at the floor and at the budget; 120 people per role keep the mean within about
// ±0.7 questions and each share within ±0.05 (about 6 s once per content version).
const PEOPLE_PER_ROLE = 120;

interface StoredLengths {
  key: string;
  lengths: QuizLength[];
}

/** What the estimate depends on: the content and every engine setting. */
function estimateKey(engine: Engine): string {
  return createHash("sha256")
    .update(engine.graph.contentHash)
    .update(JSON.stringify(ENGINE_DEFAULTS))
    .update(`${PEOPLE_PER_ROLE}/${FORMAT}`)
    .digest("hex");
}
/** Bumped when the stored shape changes. */
const FORMAT = 2;

function lengthsFile(): string {
  return path.join(env.DATA_DIR, FILE);
}

/** Estimates and stores the lengths unless the stored ones are current; returns whether it estimated. */
export function ensureQuizLengths(engine: Engine): boolean {
  const key = estimateKey(engine);
  if (readStored()?.key === key) return false;
  const stored: StoredLengths = {
    key,
    lengths: estimateQuizLengths(engine, DEFAULT_BUDGETS, PEOPLE_PER_ROLE),
  };
  fs.mkdirSync(env.DATA_DIR, { recursive: true });
  const temporary = `${lengthsFile()}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(stored));
  fs.renameSync(temporary, lengthsFile());
  return true;
}

function readStored(): StoredLengths | undefined {
  try {
    return JSON.parse(fs.readFileSync(lengthsFile(), "utf8")) as StoredLengths;
  } catch {
    return undefined;
  }
}

let cached: { key: string; lengths: QuizLength[] | null } | undefined;

/** The stored lengths when they match this content and engine; null otherwise. */
export function readQuizLengths(engine: Engine): QuizLength[] | null {
  const key = estimateKey(engine);
  if (cached?.key !== key || cached.lengths === null) {
    const stored = readStored();
    cached = { key, lengths: stored?.key === key ? stored.lengths : null };
  }
  return cached.lengths;
}

/** Per target role, what the start form says about length: the required-skill floor and, when estimated, the typical range per budget. */
export type QuizLengthHints = Record<string, { required: number; byBudget: QuizLength["byBudget"] | null }>;

export function quizLengthHints(engine: Engine): QuizLengthHints {
  const estimated = new Map((readQuizLengths(engine) ?? []).map((entry) => [entry.targetRoleId, entry]));
  const { graph, model } = engine;
  return Object.fromEntries(
    graph.roleList.map((role) => {
      const required = role.requires.filter(
        (requirement) => (model.itemsBySkill[model.skillIndex.get(requirement.skill) ?? -1]?.length ?? 0) > 0,
      ).length;
      return [role.id, { required, byBudget: estimated.get(role.id)?.byBudget ?? null }];
    }),
  );
}

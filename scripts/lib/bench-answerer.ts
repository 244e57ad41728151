import type { SkillsGraph } from "@/domain/skills-graph";
import type { Random } from "@/domain/engine/random";
import { optionCode } from "@/server/assessment/option-codes";

/** An answer as POST /api/attempts/:id/answers and submitAnswer take it. */
export type BenchAnswer = { questionId: string; dontKnow: true } | { questionId: string; choice: string[] };

/**
 * Answers like someone near the cut: right about half the time, "I don't know" one time in ten.
 * It answers with the option codes a person who knew the key would click, which needs the
 * instance's secret (the server takes codes, never content ids): the benchmark's clients and its
 * in-process runs share one.
 */
export function createAnswerer(graph: SkillsGraph, random: Random, secret: string) {
  return (attemptId: string, questionId: string): BenchAnswer => {
    const content = graph.questions.get(questionId);
    if (!content) throw new Error(`unknown question ${questionId}`);
    const roll = random.next();
    if (roll < 0.1) return { questionId, dontKnow: true };
    const code = (option: (typeof content.options)[number]) =>
      optionCode(attemptId, content.id, option, secret);
    const key = content.options.filter((option) => option.correct).map(code);
    const wrong = content.options.find((option) => !option.correct);
    return { questionId, choice: roll < 0.55 || !wrong ? key : [code(wrong)] };
  };
}

/** The value at percentile `p` (nearest rank); 0 without samples. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

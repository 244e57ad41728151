import "server-only";
import type { Question } from "@/domain/content/types";
import { renderMarkdownUncached } from "../markdown";

/**
 * A question's stem and options as sanitised HTML, rendered once per content version (the graph's
 * content hash) rather than on every request: rendering is the costliest part of an answer that
 * is not cached (about 1–4 ms a question). Options are keyed by their content id and kept in
 * content order; the per-attempt order and the opaque option codes (option-codes.ts) are applied
 * by the caller afterwards, so nothing attempt-specific is ever cached here.
 *
 * One content version at a time: a new hash (content edited and reloaded) drops every entry of
 * the old one, so the cache never holds more than one bank.
 */
export interface QuestionHtml {
  stemHtml: string;
  /** Option content id → HTML. */
  optionHtml: ReadonlyMap<string, string>;
}

// On globalThis, like the engine (engine.ts): Next may load this module more than once in a
// process (instrumentation, route handlers, pages), and they must share one cache.
const holder = globalThis as unknown as {
  waypointQuestionHtml?: { contentHash: string; byQuestion: Map<string, QuestionHtml> };
};

export function questionHtml(contentHash: string, question: Question): QuestionHtml {
  let current = holder.waypointQuestionHtml;
  if (current?.contentHash !== contentHash)
    current = holder.waypointQuestionHtml = { contentHash, byQuestion: new Map() };
  let html = current.byQuestion.get(question.id);
  if (!html) {
    html = {
      stemHtml: renderMarkdownUncached(question.stem),
      optionHtml: new Map(question.options.map((option) => [option.id, renderMarkdownUncached(option.text)])),
    };
    current.byQuestion.set(question.id, html);
  }
  return html;
}

/** Renders every question of a content version ahead of its first request (at server start). */
export function prerenderQuestions(graph: {
  contentHash: string;
  questions: ReadonlyMap<string, Question>;
}): void {
  for (const question of graph.questions.values()) questionHtml(graph.contentHash, question);
}

/** Forgets every rendered question (a restart, for tests and the answer-path profile). */
export function clearQuestionHtml(): void {
  delete holder.waypointQuestionHtml;
}

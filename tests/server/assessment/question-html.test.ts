import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Question } from "@/domain/content/types";
import { loadQuiz, startAssessment, type QuestionView } from "@/server/assessment/quiz";
import { optionCode, orderOptions } from "@/server/assessment/option-codes";
import { clearQuestionHtml, questionHtml } from "@/server/assessment/question-html";
import { getSkillsGraph } from "@/server/content-loader";
import { anonymousOwner } from "@/server/identity/owner";
import { renderMarkdown } from "@/server/markdown";

async function firstQuestion(): Promise<QuestionView> {
  const owner = anonymousOwner(`owner-${randomUUID()}`);
  const started = await startAssessment({ from: "data-scientist", to: "ai-engineer" }, owner);
  if (!started.ok) throw new Error(JSON.stringify(started.fieldErrors));
  const state = await loadQuiz(started.attemptId, owner);
  if (state.kind !== "question") throw new Error(`expected a question, got ${state.kind}`);
  return state.view;
}

describe("question HTML rendered once per content version", () => {
  it("gives every attempt the same rendered stem and options, in its own order under its own codes", async () => {
    const graph = getSkillsGraph();
    // Attempts until two are shown the same question (the first pick is among a few tied items).
    const seen = new Map<string, QuestionView>();
    let pair: [QuestionView, QuestionView] | undefined;
    for (let i = 0; i < 40 && !pair; i++) {
      const view = await firstQuestion();
      const earlier = seen.get(view.questionId);
      if (earlier) pair = [earlier, view];
      else seen.set(view.questionId, view);
    }
    if (!pair) throw new Error("no two attempts were shown the same first question");
    const question = graph.questions.get(pair[0].questionId) as Question;
    expect(pair[1].stemHtml).toBe(pair[0].stemHtml);
    expect(pair[0].stemHtml).toBe(renderMarkdown(question.stem));
    for (const view of pair)
      expect(view.options).toEqual(
        orderOptions(view.attemptId, question.id, question.options).map((option) => ({
          id: optionCode(view.attemptId, question.id, option),
          html: renderMarkdown(option.text),
        })),
      );
    const codes = pair.map((view) => new Set(view.options.map((option) => option.id)));
    expect([...(codes[0] as Set<string>)].filter((code) => codes[1]?.has(code))).toEqual([]);
    // The order is the attempt's: some attempt id orders this question's options differently.
    const orderFor = (attemptId: string) =>
      orderOptions(attemptId, question.id, question.options)
        .map((option) => option.id)
        .join();
    const other = Array.from({ length: 50 }, (_, i) => `attempt-${i}`).find(
      (attemptId) => orderFor(attemptId) !== orderFor(pair[0].attemptId),
    );
    expect(other).toBeDefined();
    expect(questionHtml(graph.contentHash, question).optionHtml.size).toBe(question.options.length);
  });

  it("serves a content version's HTML from its cache and renders a new version anew", () => {
    clearQuestionHtml();
    const question = [...getSkillsGraph().questions.values()][0] as Question;
    const first = questionHtml("hash-1", question);
    const edited = { ...question, stem: "An **edited** stem", options: question.options.slice(0, 2) };
    // Same content hash: the same content, so the HTML rendered for it stands.
    expect(questionHtml("hash-1", edited)).toBe(first);
    const next = questionHtml("hash-2", edited);
    expect(next.stemHtml).toBe("<p>An <strong>edited</strong> stem</p>");
    expect([...next.optionHtml.keys()]).toEqual(edited.options.map((option) => option.id));
    // Only one version is kept: going back renders again.
    expect(questionHtml("hash-1", question)).not.toBe(first);
    expect(questionHtml("hash-1", question)).toEqual(first);
  });
});

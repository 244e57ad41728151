"use client";

import { useActionState, useEffect, useRef, type KeyboardEvent } from "react";
import type { QuestionView } from "@/server/assessment/quiz";

export type AnswerFormState = { error: string } | null;

/**
 * Moves focus to the element with `id` when a screen of the quiz opens (a screen reader starts at
 * its heading, not wherever focus was before): each question, and the self-rating screen before
 * them. It lives here, beside the question, so the quiz route ships one small module for both.
 */
export function FocusOnOpen({ id }: { id: string }) {
  useEffect(() => document.getElementById(id)?.focus(), [id]);
  return null;
}

const QUESTION_HEADING_ID = "question-heading";

/**
 * One question at a time. Only opaque per-attempt option codes and rendered text reach the browser,
 * in the attempt's own option order; the key, the content's option ids and the item parameters stay
 * on the server. Keyboard: digits pick options in the order shown, arrows move between them,
 * Enter submits, 0 answers "I don't know". The phone layout is CSS in globals.css (so it needs no
 * JavaScript and nothing moves when the page hydrates): key hints only with a fine pointer that
 * can hover, code in stems wrapped, and the answer buttons in a bar at the bottom of narrow screens;
 * the options' and buttons' looks are there too, to keep this page's JavaScript small. The key hint
 * is not the options' description: on a touch screen it is hidden, and a screen reader's own keys
 * come first anyway.
 */
export function QuizQuestion({
  view,
  answerAction,
  finishAction,
}: {
  view: QuestionView;
  answerAction: (previous: AnswerFormState, form: FormData) => Promise<AnswerFormState>;
  finishAction: (form: FormData) => Promise<void>;
}) {
  const [state, formAction, isPending] = useActionState<AnswerFormState, FormData>(answerAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const dontKnowRef = useRef<HTMLButtonElement>(null);
  const isMultiple = view.type === "multiple";
  const number = view.answered + 1;

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    // The form holds only the options and buttons (no text field a digit could be typed into).
    const target = event.target;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const form = formRef.current;
    if (!form || isPending) return;
    if (event.key === "0") {
      event.preventDefault();
      form.requestSubmit(dontKnowRef.current);
      return;
    }
    const index = Number(event.key) - 1;
    if (Number.isInteger(index) && index >= 0 && index < view.options.length) {
      event.preventDefault();
      const input = form.querySelector<HTMLInputElement>(`#option-${index}`);
      if (!input) return;
      input.checked = isMultiple ? !input.checked : true;
      input.focus();
      return;
    }
    if (event.key === "Enter" && target instanceof HTMLInputElement) {
      event.preventDefault();
      form.requestSubmit(submitRef.current);
    }
  };

  const total = view.answered + view.expectedRemaining;
  const unasked = view.unaskedSkills.length;
  const noneAsked = unasked === view.requiredSkills;
  return (
    <form
      id="quiz-form"
      ref={formRef}
      action={formAction}
      onKeyDown={onKeyDown}
      className="space-y-6"
      aria-busy={isPending}
    >
      <input type="hidden" name="attemptId" value={view.attemptId} />
      <input type="hidden" name="questionId" value={view.questionId} />
      <div>
        <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm text-slate-600 dark:text-slate-400">
          <p>
            Question {number} ·{" "}
            <span className="font-medium text-slate-800 dark:text-slate-200">{view.skillTitle}</span>
          </p>
          <p id="quiz-progress">
            {view.answered} answered · about {view.expectedRemaining} more
          </p>
        </div>
        <progress
          className="mt-2 h-2 w-full overflow-hidden rounded accent-brand-600"
          value={view.answered}
          max={Math.max(total, 1)}
          aria-labelledby="quiz-progress"
        />
      </div>

      <FocusOnOpen id={QUESTION_HEADING_ID} />
      <h1 id={QUESTION_HEADING_ID} tabIndex={-1} className="sr-only">
        Question {number}
      </h1>
      <div
        id="question-stem"
        className="prose prose-slate max-w-none dark:prose-invert"
        dangerouslySetInnerHTML={{ __html: view.stemHtml }}
      />

      <fieldset aria-describedby="question-stem">
        <legend className="mb-2 font-semibold">
          {isMultiple ? "Choose every answer that applies" : "Choose one answer"}
        </legend>
        <ul className="space-y-2">
          {view.options.map((option, index) => (
            <li key={option.id}>
              <label htmlFor={`option-${index}`}>
                <input
                  id={`option-${index}`}
                  type={isMultiple ? "checkbox" : "radio"}
                  name="choice"
                  value={option.id}
                />
                <kbd aria-hidden="true">{index + 1}</kbd>
                <span
                  className="prose prose-slate max-w-none prose-p:my-0 dark:prose-invert"
                  dangerouslySetInnerHTML={{ __html: option.html }}
                />
              </label>
            </li>
          ))}
        </ul>
        <p id="answer-hint" className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          Keys: {view.options.length > 1 ? `1–${view.options.length}` : "1"}{" "}
          {isMultiple ? "toggle options" : "choose"}, Enter submits, 0 means “I don’t know”.
        </p>
      </fieldset>

      {state?.error && (
        <p role="alert" className="font-medium text-red-700 dark:text-red-400">
          {state.error}
        </p>
      )}

      {/* globals.css: on narrow screens a bar at the bottom of the screen, below a long question. */}
      <div id="quiz-actions">
        <button ref={submitRef} type="submit" disabled={isPending} className="quiz-primary">
          {isPending ? "Saving…" : "Submit answer"}
        </button>
        <button
          ref={dontKnowRef}
          type="submit"
          name="dontKnow"
          value="1"
          disabled={isPending}
          className="quiz-secondary"
        >
          I don’t know
        </button>
      </div>
      <div className="space-y-2">
        <button
          type="submit"
          formAction={finishAction}
          disabled={isPending}
          aria-describedby={unasked > 0 ? "finish-hint" : undefined}
          className="text-sm font-medium text-slate-700 underline underline-offset-2 hover:text-brand-700 dark:text-slate-300"
        >
          Finish now and see my results
        </button>
        {unasked > 0 && (
          <p id="finish-hint" className="text-sm text-slate-600 dark:text-slate-400">
            {noneAsked ? "No" : `${unasked} of the ${view.requiredSkills}`} required skills have{" "}
            {noneAsked ? "an" : "no"} answer yet: {view.unaskedSkills.join(", ")}. Finishing now leaves{" "}
            {unasked === 1 ? "it" : "them"} inferred from your other answers and your current role, not
            measured.
          </p>
        )}
      </div>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { REPORT_REASONS } from "@/domain/question-report";
import type { ReportOutcome } from "@/server/question-reports";

export type ReportFormState = ReportOutcome | null;

const REASONS = Object.entries(REPORT_REASONS);

/** "Report a problem with this question": reason and free text, kept for the content maintainers. */
export function ReportProblem({
  questionId,
  attemptId,
  action,
}: {
  questionId: string;
  attemptId: string;
  action: (previous: ReportFormState, form: FormData) => Promise<ReportFormState>;
}) {
  const [state, formAction, isPending] = useActionState<ReportFormState, FormData>(action, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const prefix = `report-${questionId}`;
  return (
    <details className="mt-10 rounded-lg border border-slate-200 p-4 text-sm dark:border-slate-800 print:hidden">
      <summary className="cursor-pointer font-medium">Report a problem with this question</summary>
      {state?.ok ? (
        <p role="status" className="mt-3 text-green-800 dark:text-green-300">
          Thank you — the report is saved for the people who maintain the questions.
        </p>
      ) : (
        <form action={formAction} noValidate className="mt-3 space-y-3">
          <input type="hidden" name="questionId" value={questionId} />
          <input type="hidden" name="attemptId" value={attemptId} />
          <div>
            <label htmlFor={`${prefix}-reason`} className="block font-medium">
              What is wrong?
            </label>
            <select
              id={`${prefix}-reason`}
              name="reason"
              defaultValue=""
              aria-invalid={errors.reason ? true : undefined}
              aria-describedby={errors.reason ? `${prefix}-reason-error` : undefined}
              className="mt-1 block w-full max-w-md rounded-lg border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-900"
            >
              <option value="">Choose…</option>
              {REASONS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
            {errors.reason && (
              <p id={`${prefix}-reason-error`} className="mt-1 text-red-700 dark:text-red-400">
                {errors.reason}
              </p>
            )}
          </div>
          <div>
            <label htmlFor={`${prefix}-details`} className="block font-medium">
              Details (optional)
            </label>
            <textarea
              id={`${prefix}-details`}
              name="details"
              rows={3}
              maxLength={2000}
              aria-invalid={errors.details ? true : undefined}
              aria-describedby={errors.details ? `${prefix}-details-error` : undefined}
              className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-900"
            />
            {errors.details && (
              <p id={`${prefix}-details-error`} className="mt-1 text-red-700 dark:text-red-400">
                {errors.details}
              </p>
            )}
            {/* Errors in the hidden fields or the form as a whole: none of them is the person's to fix. */}
            {(errors.questionId ?? errors.attemptId ?? errors.form) && (
              <p className="mt-1 text-red-700 dark:text-red-400">
                {errors.questionId ?? errors.attemptId ?? errors.form}
              </p>
            )}
          </div>
          {state && !state.ok && state.error && (
            <p role="alert" className="text-red-700 dark:text-red-400">
              {state.error}
            </p>
          )}
          <button
            type="submit"
            disabled={isPending}
            className="rounded-lg border border-slate-300 px-4 py-2 font-medium hover:border-brand-600 disabled:opacity-60 dark:border-slate-600"
          >
            {isPending ? "Sending…" : "Send report"}
          </button>
        </form>
      )}
    </details>
  );
}

"use client";

import { useActionState, useId } from "react";
import { QuizLengthField } from "@/components/assess/quiz-length-field";
import type { StartFormState } from "@/components/assess/start-form";
import { TimeZoneInput } from "@/components/assess/time-zone-input";

/**
 * Starts a new attempt for the same roles, at a length the person picks from the start form's
 * choices (preselected: the length of the attempt shown); the engine prefers questions not seen before.
 */
export function ReassessButton({
  from,
  to,
  budget,
  action,
}: {
  from: string;
  to: string;
  /** The length of the attempt on the page, offered again first. */
  budget: string;
  action: (previous: StartFormState, form: FormData) => Promise<StartFormState>;
}) {
  const [state, formAction, isPending] = useActionState<StartFormState, FormData>(action, null);
  const id = useId();
  return (
    <form action={formAction} className="mt-6 space-y-2 print:hidden">
      <input type="hidden" name="from" value={from} />
      <input type="hidden" name="to" value={to} />
      <TimeZoneInput />
      <QuizLengthField id={`${id}-budget`} value={budget} legend="Length of a new quiz" hint="" />
      <button
        type="submit"
        disabled={isPending}
        className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-medium hover:border-brand-600 disabled:opacity-60 dark:border-slate-600"
      >
        {isPending ? "Starting…" : "Reassess"}
      </button>
      {state && (
        <p role="alert" className="w-full text-sm text-red-700 dark:text-red-400">
          Could not start: {Object.values(state.fieldErrors).join(" ")}
        </p>
      )}
    </form>
  );
}

"use client";

import { useActionState } from "react";
import type { StartFormState } from "@/components/assess/start-form";
import { TimeZoneInput } from "@/components/assess/time-zone-input";

/** Starts a new attempt for the same transition; the engine prefers questions not seen before. */
export function ReassessButton({
  from,
  to,
  action,
}: {
  from: string;
  to: string;
  action: (previous: StartFormState, form: FormData) => Promise<StartFormState>;
}) {
  const [state, formAction, isPending] = useActionState<StartFormState, FormData>(action, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="from" value={from} />
      <input type="hidden" name="to" value={to} />
      <TimeZoneInput />
      <button
        type="submit"
        disabled={isPending}
        className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-medium hover:border-brand-600 disabled:opacity-60 dark:border-slate-600"
      >
        {isPending ? "Starting…" : "Reassess"}
      </button>
      {state && (
        <p role="alert" className="mt-1 text-sm text-red-700">
          Could not start: {Object.values(state.fieldErrors).join(" ")}
        </p>
      )}
    </form>
  );
}

"use client";

import { useActionState } from "react";

export type PlanHoursState = { error: string } | null;

export function PlanHoursForm({
  planId,
  hoursPerWeek,
  action,
}: {
  planId: string;
  hoursPerWeek: number;
  action: (previous: PlanHoursState, form: FormData) => Promise<PlanHoursState>;
}) {
  const [state, formAction, isPending] = useActionState<PlanHoursState, FormData>(action, null);
  return (
    <form action={formAction} noValidate className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="planId" value={planId} />
      <div>
        <label htmlFor="plan-hours" className="block text-sm font-medium">
          Hours a week
        </label>
        <input
          id="plan-hours"
          name="hoursPerWeek"
          inputMode="numeric"
          defaultValue={hoursPerWeek}
          aria-invalid={state ? true : undefined}
          aria-describedby={state ? "plan-hours-error" : undefined}
          className="mt-1 block w-24 rounded-lg border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-900 aria-[invalid=true]:border-red-600"
        />
      </div>
      <button
        type="submit"
        disabled={isPending}
        className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-medium hover:border-brand-600 disabled:opacity-60 dark:border-slate-600"
      >
        Update schedule
      </button>
      {state && (
        <p id="plan-hours-error" role="alert" className="w-full text-sm text-red-700 dark:text-red-400">
          {state.error}
        </p>
      )}
    </form>
  );
}

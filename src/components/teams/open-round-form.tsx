"use client";

import { useActionState } from "react";
import { inputClass, secondaryButtonClass, type FormState } from "@/components/forms/form-state";
import {
  FieldError,
  FormStatus,
  fieldErrorOf,
  valueOf,
  type FormAction,
} from "@/components/forms/form-status";

/** Close the open round and open the next, by name. */
export function OpenRoundForm({ teamId, action }: { teamId: string; action: FormAction }) {
  const [state, formAction, isPending] = useActionState<FormState, FormData>(action, null);
  const error = fieldErrorOf(state, "name");
  return (
    <form action={formAction} noValidate className="max-w-xl space-y-3">
      <input type="hidden" name="teamId" value={teamId} />
      <div>
        <label htmlFor="round-name" className="block text-sm font-medium">
          Name of the next round
        </label>
        <p id="round-name-hint" className="text-sm text-slate-600 dark:text-slate-400">
          Closing the current round releases the answer keys (the answer review) of every team assessment
          taken in it. Assessments started from now on belong to the new round.
        </p>
        <input
          id="round-name"
          name="name"
          maxLength={60}
          defaultValue={valueOf(state, "name")}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "round-name-hint round-name-error" : "round-name-hint"}
          className={inputClass}
        />
        <FieldError id="round-name-error" error={error} />
      </div>
      <button type="submit" disabled={isPending} className={secondaryButtonClass}>
        {isPending ? "Working…" : "Close this round and open the next"}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

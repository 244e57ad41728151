"use client";

import { useActionState, useState } from "react";
import { AGGREGATE_CHOICE, INDIVIDUAL_CHOICE } from "./consent-explanations";
import { primaryButtonClass, type FormState } from "@/components/forms/form-state";
import { FormStatus, type FormAction } from "@/components/forms/form-status";

/** A member's two separate choices; saving applies them to the very next dashboard view or export. */
export function ConsentForm({
  teamId,
  allowAggregate,
  allowIndividual,
  action,
}: {
  teamId: string;
  allowAggregate: boolean;
  allowIndividual: boolean;
  action: FormAction;
}) {
  const [state, formAction, isPending] = useActionState<FormState, FormData>(action, null);
  const [aggregate, setAggregate] = useState(allowAggregate);
  const [individual, setIndividual] = useState(allowIndividual);
  const choices = [
    { name: "allowAggregate", choice: AGGREGATE_CHOICE, checked: aggregate, set: setAggregate },
    { name: "allowIndividual", choice: INDIVIDUAL_CHOICE, checked: individual, set: setIndividual },
  ];
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="teamId" value={teamId} />
      <fieldset className="space-y-4">
        <legend className="sr-only">What the team may use of your results</legend>
        {choices.map(({ name, choice, checked, set }) => (
          <div key={name} className="flex items-start gap-3">
            <input
              id={`consent-${name}`}
              name={name}
              type="checkbox"
              checked={checked}
              onChange={(event) => set(event.target.checked)}
              aria-describedby={`consent-${name}-hint`}
              className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
            />
            <div>
              <label htmlFor={`consent-${name}`} className="font-medium">
                {choice.label}
              </label>
              <p id={`consent-${name}-hint`} className="text-sm text-slate-600 dark:text-slate-400">
                {choice.explanation}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" disabled={isPending} className={primaryButtonClass}>
          {isPending ? "Saving…" : "Save my choices"}
        </button>
        <FormStatus state={state} />
      </div>
    </form>
  );
}

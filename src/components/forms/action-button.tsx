"use client";

import { useActionState } from "react";
import type { FormState } from "./form-state";
import { secondaryButtonClass } from "./form-state";
import { FormStatus, type FormAction } from "./form-status";

/** One button that posts a few hidden fields to a team or cohort action and says what happened next to it. */
export function ActionButton({
  action,
  fields,
  label,
  pendingLabel = "Working…",
  describedBy,
  disabled = false,
}: {
  action: FormAction;
  fields: Record<string, string>;
  label: string;
  pendingLabel?: string;
  describedBy?: string;
  /** Shown but not usable (say why in the element `describedBy` names); it keeps saying what it last did. */
  disabled?: boolean;
}) {
  const [state, formAction, isPending] = useActionState<FormState, FormData>(action, null);
  return (
    <form action={formAction} className="inline-flex flex-wrap items-center gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        disabled={isPending || disabled}
        aria-describedby={describedBy}
        className={secondaryButtonClass}
      >
        {isPending ? pendingLabel : label}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

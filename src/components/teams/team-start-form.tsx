"use client";

import { useActionState } from "react";
import { QuizLengthField } from "@/components/assess/quiz-length-field";
import { TimeZoneInput } from "@/components/assess/time-zone-input";
import { RoleSelect } from "@/components/role-picker";
import { inputClass, primaryButtonClass, type FormState } from "@/components/forms/form-state";
import {
  FieldError,
  FormStatus,
  fieldErrorOf,
  valueOf,
  type FormAction,
} from "@/components/forms/form-status";

/**
 * Start the team's assessment: the target is the team's role (not a choice here); the person's
 * current role and weekly hours come prefilled from their profile. The attempt joins the open round.
 */
export function TeamStartForm({
  teamId,
  targetTitle,
  roles,
  from,
  hoursPerWeek,
  action,
}: {
  teamId: string;
  targetTitle: string;
  roles: { id: string; title: string }[];
  from: string;
  hoursPerWeek: string;
  action: FormAction;
}) {
  const [state, formAction, isPending] = useActionState<FormState, FormData>(action, null);
  const hoursError = fieldErrorOf(state, "hoursPerWeek");
  const budgetError = fieldErrorOf(state, "budget");
  return (
    <form action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="teamId" value={teamId} />
      <FormStatus state={state} />
      <p className="text-sm">
        Target role: <strong>{targetTitle}</strong> (the team&apos;s role)
      </p>
      <div className="grid gap-4 sm:grid-cols-3">
        <RoleSelect
          id="team-start-from"
          name="from"
          label="Your current role (optional)"
          placeholder="None of these / not sure"
          roles={roles}
          value={valueOf(state, "from", from)}
          error={fieldErrorOf(state, "from")}
          isRequired={false}
        />
        <div>
          <label htmlFor="team-start-hours" className="block text-sm font-medium">
            Hours a week you can study (optional)
          </label>
          <input
            id="team-start-hours"
            name="hoursPerWeek"
            inputMode="numeric"
            defaultValue={valueOf(state, "hoursPerWeek", hoursPerWeek)}
            aria-invalid={hoursError ? true : undefined}
            aria-describedby={hoursError ? "team-start-hours-error" : undefined}
            className={inputClass}
          />
          <FieldError id="team-start-hours-error" error={hoursError} />
        </div>
        <QuizLengthField id="team-start-budget" value={valueOf(state, "budget", "30")} error={budgetError} />
      </div>
      <TimeZoneInput />
      <button type="submit" disabled={isPending} className={primaryButtonClass}>
        {isPending ? "Starting…" : "Take the team assessment"}
      </button>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { RoleSelect } from "@/components/role-picker";
import { inputClass, primaryButtonClass, type FormState } from "@/components/forms/form-state";
import {
  FieldError,
  FormStatus,
  fieldErrorOf,
  valueOf,
  type FormAction,
} from "@/components/forms/form-status";

/** Name a team and choose the one role it is measured against; success opens the team's page. */
export function CreateTeamForm({
  roles,
  action,
}: {
  roles: { id: string; title: string }[];
  action: FormAction;
}) {
  const [state, formAction, isPending] = useActionState<FormState, FormData>(action, null);
  const nameError = fieldErrorOf(state, "name");
  return (
    <form action={formAction} noValidate className="max-w-xl space-y-4">
      <FormStatus state={state} />
      <div>
        <label htmlFor="team-name" className="block text-sm font-medium">
          Team name
        </label>
        <input
          id="team-name"
          name="name"
          required
          maxLength={80}
          defaultValue={valueOf(state, "name")}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? "team-name-error" : undefined}
          className={inputClass}
        />
        <FieldError id="team-name-error" error={nameError} />
      </div>
      <RoleSelect
        id="team-target"
        name="targetRoleId"
        label="Target role the team is measured against"
        roles={roles}
        value={valueOf(state, "targetRoleId")}
        error={fieldErrorOf(state, "targetRoleId")}
      />
      <button type="submit" disabled={isPending} className={primaryButtonClass}>
        {isPending ? "Creating…" : "Create the team"}
      </button>
    </form>
  );
}

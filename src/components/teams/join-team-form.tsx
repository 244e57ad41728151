"use client";

import { useActionState } from "react";
import { primaryButtonClass, type FormState } from "@/components/forms/form-state";
import { FormStatus, type FormAction } from "@/components/forms/form-status";

export function JoinTeamForm({ token, action }: { token: string; action: FormAction }) {
  const [state, formAction, isPending] = useActionState<FormState, FormData>(action, null);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <button type="submit" disabled={isPending} className={primaryButtonClass}>
        {isPending ? "Joining…" : "Join the team"}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

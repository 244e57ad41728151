"use client";

import { useActionState } from "react";
import { primaryButtonClass, type TeamFormState } from "./form-state";
import { FormStatus, type TeamAction } from "./form-status";

export function JoinTeamForm({ token, action }: { token: string; action: TeamAction }) {
  const [state, formAction, isPending] = useActionState<TeamFormState, FormData>(action, null);
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

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

/** Paste addresses, one per line (or separated by commas); one bad line means nothing is sent. */
export function EmailInviteForm({ teamId, action }: { teamId: string; action: FormAction }) {
  const [state, formAction, isPending] = useActionState<FormState, FormData>(action, null);
  const error = fieldErrorOf(state, "emails");
  return (
    <form action={formAction} noValidate className="max-w-xl space-y-3">
      <input type="hidden" name="teamId" value={teamId} />
      <div>
        <label htmlFor="invite-emails" className="block text-sm font-medium">
          Email addresses to invite
        </label>
        <p id="invite-emails-hint" className="text-sm text-slate-600 dark:text-slate-400">
          One per line. Each person gets a single-use link that works only for their address.
        </p>
        <textarea
          id="invite-emails"
          name="emails"
          rows={5}
          defaultValue={valueOf(state, "emails")}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "invite-emails-hint invite-emails-error" : "invite-emails-hint"}
          className={inputClass}
        />
        <FieldError id="invite-emails-error" error={error} />
      </div>
      <button type="submit" disabled={isPending} className={secondaryButtonClass}>
        {isPending ? "Sending…" : "Send invitations"}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

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

/** The owner limits who may join to addresses at one or more domains (empty: anyone invited). */
export function EmailDomainsForm({
  teamId,
  domains,
  action,
}: {
  teamId: string;
  domains: readonly string[];
  action: FormAction;
}) {
  const [state, formAction, isPending] = useActionState<FormState, FormData>(action, null);
  const error = fieldErrorOf(state, "emailDomains");
  return (
    <form action={formAction} noValidate className="max-w-xl space-y-3">
      <input type="hidden" name="teamId" value={teamId} />
      <div>
        <label htmlFor="email-domains" className="block text-sm font-medium">
          Email domains that may join
        </label>
        <p id="email-domains-hint" className="text-sm text-slate-600 dark:text-slate-400">
          For example “example.com”; separate several with spaces or commas; leave empty to admit anyone you
          invite. Joining with another address is refused. Members already in the team whose address is
          outside these domains stay, but no longer count toward the team numbers.
        </p>
        <input
          id="email-domains"
          name="emailDomains"
          maxLength={2000}
          defaultValue={valueOf(state, "emailDomains", domains.join(" "))}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "email-domains-hint email-domains-error" : "email-domains-hint"}
          className={inputClass}
        />
        <FieldError id="email-domains-error" error={error} />
      </div>
      <button type="submit" disabled={isPending} className={secondaryButtonClass}>
        {isPending ? "Saving…" : "Save email domains"}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

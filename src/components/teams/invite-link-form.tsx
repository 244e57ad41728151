"use client";

import { useActionState, useState } from "react";
import { inputClass, secondaryButtonClass, type FormState } from "@/components/forms/form-state";
import { FormStatus, type FormAction } from "@/components/forms/form-status";

/** Creates a shareable join link and shows its full address once (only its hash is stored). */
export function InviteLinkForm({ teamId, action }: { teamId: string; action: FormAction }) {
  const [state, formAction, isPending] = useActionState<FormState, FormData>(action, null);
  const [copied, setCopied] = useState<string | null>(null);
  const url = state?.ok ? state.url : undefined;
  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied("Copied to the clipboard.");
    } catch {
      setCopied("Could not copy; select the address and copy it yourself.");
    }
  }
  return (
    <div className="space-y-3">
      <form action={formAction}>
        <input type="hidden" name="teamId" value={teamId} />
        <button type="submit" disabled={isPending} className={secondaryButtonClass}>
          {isPending ? "Creating…" : "Create an invitation link"}
        </button>
      </form>
      <FormStatus state={state} />
      {url && (
        <div>
          <label htmlFor="invite-link-url" className="block text-sm font-medium">
            Invitation link
          </label>
          <div className="flex flex-wrap items-center gap-2">
            <input
              id="invite-link-url"
              readOnly
              value={url}
              onFocus={(event) => event.target.select()}
              className={`${inputClass} max-w-xl font-mono text-sm`}
            />
            <button type="button" onClick={() => void copy(url)} className={secondaryButtonClass}>
              Copy link
            </button>
          </div>
          <p role="status" aria-live="polite" className="mt-1 text-sm">
            {copied}
          </p>
        </div>
      )}
    </div>
  );
}

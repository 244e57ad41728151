import { ActionButton } from "./action-button";
import type { MailStatusView } from "@/server/mail-queue";
import type { FormAction } from "./form-status";

/** An invitation mail's state as the queue describes it (queued, sent, failed and when it is retried). */
export type MailStateView = MailStatusView;

/**
 * An invitation's mail state, with "Retry sending" once the queue gave up. `fields` say whose
 * invitation it is (the team or cohort id the retry action checks access by).
 */
export function MailState({
  mail,
  retry,
  fields,
}: {
  mail: MailStateView | null;
  retry: FormAction;
  fields: Record<string, string>;
}) {
  if (!mail) return <>—</>;
  return (
    <>
      {mail.label}
      {mail.canRetry && (
        <ActionButton
          action={retry}
          fields={{ ...fields, mailId: mail.mailId }}
          label="Retry sending"
          pendingLabel="Queuing…"
        />
      )}
    </>
  );
}

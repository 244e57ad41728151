import { ActionButton } from "@/components/forms/action-button";
import type { FormAction } from "@/components/forms/form-status";
import { MailState, type MailStateView } from "@/components/forms/mail-state";

export interface OpenInvitation {
  id: string;
  kind: string;
  email: string | null;
  expiresAt: Date;
  /** The state of its invitation mail (email invitations), as the mail queue describes it. */
  mail: MailStateView | null;
}

/** Invitations that can still be used, each with its mail's state and its own Revoke. */
export function InvitationList({
  teamId,
  invitations,
  revokeAction,
  retryMailAction,
}: {
  teamId: string;
  invitations: OpenInvitation[];
  revokeAction: FormAction;
  retryMailAction: FormAction;
}) {
  if (invitations.length === 0) return <p className="text-sm">No open invitations.</p>;
  return (
    <table className="w-full max-w-3xl text-left text-sm">
      <caption className="sr-only">Open invitations</caption>
      <thead>
        <tr className="border-b border-slate-300 dark:border-slate-700">
          <th scope="col" className="py-2 pr-4">
            Kind
          </th>
          <th scope="col" className="py-2 pr-4">
            For
          </th>
          <th scope="col" className="py-2 pr-4">
            Expires (UTC)
          </th>
          <th scope="col" className="py-2 pr-4">
            Mail
          </th>
          <th scope="col" className="py-2">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {invitations.map((invitation) => (
          <tr key={invitation.id} className="border-b border-slate-200 dark:border-slate-800">
            <td className="py-2 pr-4">
              {invitation.kind === "link" ? "Link (reusable)" : "Email (single use)"}
            </td>
            <td className="py-2 pr-4">{invitation.email ?? "Anyone with the link"}</td>
            <td className="py-2 pr-4">
              <time dateTime={invitation.expiresAt.toISOString()}>
                {invitation.expiresAt.toISOString().slice(0, 10)}
              </time>
            </td>
            <td className="py-2 pr-4">
              <MailState mail={invitation.mail} retry={retryMailAction} fields={{ teamId }} />
            </td>
            <td className="py-2">
              <ActionButton
                action={revokeAction}
                fields={{ teamId, invitationId: invitation.id }}
                label="Revoke"
                pendingLabel="Revoking…"
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

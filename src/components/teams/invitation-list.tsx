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
    // Below 640 px each invitation is a stacked card, each value after its column's name (as the member list).
    <table className="w-full max-w-3xl text-left text-sm max-sm:block">
      <caption className="sr-only">Open invitations</caption>
      <thead className="max-sm:sr-only">
        <tr className="border-b border-slate-300 dark:border-slate-700 max-sm:sr-only max-sm:*:sr-only">
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
      <tbody className="max-sm:block">
        {invitations.map((invitation) => (
          <tr
            key={invitation.id}
            className="border-b border-slate-200 max-sm:block max-sm:py-2 dark:border-slate-800"
          >
            <td
              data-label="Kind: "
              className="py-2 pr-4 max-sm:block max-sm:py-0.5 max-sm:before:font-medium max-sm:before:content-[attr(data-label)]"
            >
              {invitation.kind === "link" ? "Link (reusable)" : "Email (single use)"}
            </td>
            <td
              data-label="For: "
              className="py-2 pr-4 break-words max-sm:block max-sm:py-0.5 max-sm:before:font-medium max-sm:before:content-[attr(data-label)]"
            >
              {invitation.email ?? "Anyone with the link"}
            </td>
            <td
              data-label="Expires (UTC): "
              className="py-2 pr-4 max-sm:block max-sm:py-0.5 max-sm:before:font-medium max-sm:before:content-[attr(data-label)]"
            >
              <time dateTime={invitation.expiresAt.toISOString()}>
                {invitation.expiresAt.toISOString().slice(0, 10)}
              </time>
            </td>
            <td
              data-label="Mail: "
              className="py-2 pr-4 max-sm:block max-sm:py-0.5 max-sm:before:font-medium max-sm:before:content-[attr(data-label)]"
            >
              <MailState mail={invitation.mail} retry={retryMailAction} fields={{ teamId }} />
            </td>
            <td className="py-2 max-sm:block">
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

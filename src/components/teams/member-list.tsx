import type { Exclusion } from "@/domain/team/eligibility";
import { ActionButton } from "@/components/forms/action-button";
import type { FormAction } from "@/components/forms/form-status";

export interface Member {
  userId: string;
  name: string;
  role: "owner" | "manager" | "member";
  joinedAt: Date;
  joinedVia: "created" | "link" | "email" | null;
  exclusion: Exclusion | null;
}

const ROLE_NAMES = { owner: "Owner", manager: "Manager", member: "Member" } as const;
const JOINED_VIA = {
  created: "Created the team",
  link: "Invitation link",
  email: "Email invitation",
} as const;
export const EXCLUSION_TEXT: Record<Exclusion, string> = {
  "manages-team": "No: manages the team",
  "outside-domains": "No: address outside the team's email domains",
  "email-unverified": "No: email address not confirmed",
};
const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Who is in the team, for every member to see: role, when and how each person joined, and who can
 * never count toward the team numbers — so accounts made up to reach five are visible to all
 * (decision 007). Deliberately no consent state: nobody learns who keeps their results out of the
 * numbers. Only the owner gets the controls.
 */
export function MemberList({
  teamId,
  members,
  isOwner,
  setRoleAction,
  removeAction,
}: {
  teamId: string;
  members: Member[];
  isOwner: boolean;
  setRoleAction: FormAction;
  removeAction: FormAction;
}) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Member list, scrolls sideways">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Team members, their roles and how they joined</caption>
        <thead>
          <tr className="border-b border-slate-300 dark:border-slate-700">
            <th scope="col" className="py-2 pr-4">
              Name
            </th>
            <th scope="col" className="py-2 pr-4">
              Role
            </th>
            <th scope="col" className="py-2 pr-4">
              Joined
            </th>
            <th scope="col" className="py-2 pr-4">
              How
            </th>
            <th scope="col" className="py-2 pr-4">
              Can count toward the numbers
            </th>
            {isOwner && (
              <th scope="col" className="py-2">
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.userId} className="border-b border-slate-200 dark:border-slate-800">
              <th scope="row" className="py-2 pr-4 font-medium">
                {member.name}
              </th>
              <td className="py-2 pr-4">{ROLE_NAMES[member.role]}</td>
              <td className="py-2 pr-4 tabular-nums">{day(member.joinedAt)}</td>
              <td className="py-2 pr-4">
                {member.joinedVia ? JOINED_VIA[member.joinedVia] : "Not recorded"}
              </td>
              <td className="py-2 pr-4">
                {member.exclusion ? EXCLUSION_TEXT[member.exclusion] : "Yes, if they allow it"}
              </td>
              {isOwner && (
                <td className="py-2">
                  {member.role !== "owner" && (
                    <div className="flex flex-wrap gap-2">
                      <ActionButton
                        action={setRoleAction}
                        fields={{
                          teamId,
                          memberUserId: member.userId,
                          role: member.role === "manager" ? "member" : "manager",
                        }}
                        label={
                          member.role === "manager"
                            ? `Make ${member.name} a member`
                            : `Make ${member.name} a manager`
                        }
                      />
                      <ActionButton
                        action={removeAction}
                        fields={{ teamId, memberUserId: member.userId }}
                        label={`Remove ${member.name}`}
                        pendingLabel="Removing…"
                      />
                    </div>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

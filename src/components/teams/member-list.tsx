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
    // Below 640 px each member is a stacked card: the header row is kept for screen readers only and
    // each cell shows its column's name before its value.
    <div>
      <table className="w-full text-left text-sm max-sm:block">
        <caption className="sr-only">Team members, their roles and how they joined</caption>
        {/* Every header cell is screen-reader-only there, not just the group, so none sticks out. */}
        <thead className="max-sm:sr-only">
          <tr className="border-b border-slate-300 dark:border-slate-700 max-sm:sr-only max-sm:*:sr-only">
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
        <tbody className="max-sm:block">
          {members.map((member) => (
            <tr
              key={member.userId}
              className="border-b border-slate-200 max-sm:block max-sm:py-2 dark:border-slate-800"
            >
              <th scope="row" className="py-2 pr-4 font-medium max-sm:block max-sm:py-0.5">
                {member.name}
              </th>
              <td
                data-label="Role: "
                className="py-2 pr-4 max-sm:block max-sm:py-0.5 max-sm:before:font-medium max-sm:before:content-[attr(data-label)]"
              >
                {ROLE_NAMES[member.role]}
              </td>
              <td
                data-label="Joined: "
                className="py-2 pr-4 tabular-nums max-sm:block max-sm:py-0.5 max-sm:before:font-medium max-sm:before:content-[attr(data-label)]"
              >
                {day(member.joinedAt)}
              </td>
              <td
                data-label="How: "
                className="py-2 pr-4 max-sm:block max-sm:py-0.5 max-sm:before:font-medium max-sm:before:content-[attr(data-label)]"
              >
                {member.joinedVia ? JOINED_VIA[member.joinedVia] : "Not recorded"}
              </td>
              <td
                data-label="Can count toward the numbers: "
                className="py-2 pr-4 max-sm:block max-sm:py-0.5 max-sm:before:font-medium max-sm:before:content-[attr(data-label)]"
              >
                {member.exclusion ? EXCLUSION_TEXT[member.exclusion] : "Yes, if they allow it"}
              </td>
              {isOwner && (
                <td className="py-2 max-sm:block">
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

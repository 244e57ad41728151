import { ActionButton } from "@/components/forms/action-button";
import type { FormAction } from "@/components/forms/form-status";

interface Member {
  userId: string;
  name: string;
  role: "owner" | "manager" | "member";
}

const ROLE_NAMES = { owner: "Owner", manager: "Manager", member: "Member" } as const;

/**
 * Who is in the team and in which role. Deliberately no consent state: managers learn who is a
 * member, never who keeps their results out of the numbers. Only the owner gets the controls.
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
    <table className="w-full max-w-3xl text-left text-sm">
      <caption className="sr-only">Team members and their roles</caption>
      <thead>
        <tr className="border-b border-slate-300 dark:border-slate-700">
          <th scope="col" className="py-2 pr-4">
            Name
          </th>
          <th scope="col" className="py-2 pr-4">
            Role
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
            <td className="py-2 pr-4">{member.name}</td>
            <td className="py-2 pr-4">{ROLE_NAMES[member.role]}</td>
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
  );
}

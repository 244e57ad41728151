import Link from "next/link";
import { linkClass } from "@/components/forms/form-state";

interface TeamSummary {
  teamId: string;
  name: string;
  role: "owner" | "manager" | "member";
  isDemo: boolean;
  targetTitle: string;
  memberCount: number;
}

const ROLE_NAMES = { owner: "Owner", manager: "Manager", member: "Member" } as const;

export function TeamList({ teams }: { teams: TeamSummary[] }) {
  if (teams.length === 0)
    return (
      <p className="text-sm">
        You are not in a team yet. Create one below, or open an invitation link from your manager.
      </p>
    );
  return (
    <table className="w-full max-w-4xl text-left text-sm">
      <caption className="sr-only">Your teams</caption>
      <thead>
        <tr className="border-b border-slate-300 dark:border-slate-700">
          <th scope="col" className="py-2 pr-4">
            Team
          </th>
          <th scope="col" className="py-2 pr-4">
            Target role
          </th>
          <th scope="col" className="py-2 pr-4">
            Your role
          </th>
          <th scope="col" className="py-2">
            Members
          </th>
        </tr>
      </thead>
      <tbody>
        {teams.map((team) => (
          <tr key={team.teamId} className="border-b border-slate-200 dark:border-slate-800">
            <td className="py-2 pr-4">
              <Link href={`/teams/${team.teamId}`} className={linkClass}>
                {team.name}
              </Link>
              {team.isDemo && (
                <span className="ml-2 rounded border border-amber-700 px-1.5 py-0.5 text-xs font-semibold text-amber-900 dark:border-amber-300 dark:text-amber-200">
                  Demo
                </span>
              )}
            </td>
            <td className="py-2 pr-4">{team.targetTitle}</td>
            <td className="py-2 pr-4">{ROLE_NAMES[team.role]}</td>
            <td className="py-2">{team.memberCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import Link from "next/link";
import { linkClass } from "@/components/forms/form-state";
import type { ManagedTeamSummary } from "@/server/teams/dashboard";

const ROLE_NAMES = { owner: "Owner", manager: "Manager", member: "Member" } as const;
const statClass = "rounded-lg bg-slate-50 px-3 py-2 dark:bg-slate-900";

/** The ready share in words, or why it is hidden: below k the dashboard shows no team numbers. */
function ReadyShare({ team }: { team: ManagedTeamSummary }) {
  if (!team.ready)
    return (
      <>
        <dd className="text-base font-semibold">Hidden</dd>
        <dd className="text-sm text-slate-600 dark:text-slate-400">
          Team numbers appear from {team.minimum} contributors; so far {team.contributors}.
        </dd>
      </>
    );
  return (
    <>
      <dd className="text-2xl font-semibold tabular-nums">{Math.round(team.ready.share * 100)} %</dd>
      <dd className="text-sm text-slate-600 dark:text-slate-400">
        {team.ready.count} of {team.contributors} likely {team.ready.count === 1 ? "meets" : "meet"} every
        core requirement
      </dd>
    </>
  );
}

/** Teams the person owns or manages, each with its two key numbers and the way to its dashboard. */
export function ManagedTeamList({ teams }: { teams: ManagedTeamSummary[] }) {
  return (
    <ul className="grid gap-4 md:grid-cols-2">
      {teams.map((team) => (
        <li
          key={team.teamId}
          aria-labelledby={`team-${team.teamId}`}
          className="space-y-3 rounded-2xl border border-slate-200 p-5 dark:border-slate-800"
        >
          <h3 id={`team-${team.teamId}`} className="text-lg font-semibold">
            <Link href={`/teams/${team.teamId}`} className={linkClass}>
              {team.name}
            </Link>
            {team.isDemo && (
              <span className="ml-2 rounded border border-amber-700 px-1.5 py-0.5 align-middle text-xs font-semibold text-amber-900 dark:border-amber-300 dark:text-amber-200">
                Demo
              </span>
            )}
          </h3>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Measured against {team.targetTitle} · You: {ROLE_NAMES[team.role]}
          </p>
          <dl className="grid gap-3 sm:grid-cols-2">
            <div className={statClass}>
              <dt className="text-sm font-medium">Contributors</dt>
              <dd className="text-2xl font-semibold tabular-nums">{team.contributors}</dd>
              <dd className="text-sm text-slate-600 dark:text-slate-400">
                {team.contributors === 1 ? "member's" : "members'"} results in the team numbers
              </dd>
            </div>
            <div className={statClass}>
              <dt className="text-sm font-medium">Ready for the role</dt>
              <ReadyShare team={team} />
            </div>
          </dl>
          <p className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
            <Link href={`/teams/${team.teamId}/dashboard`} className={linkClass}>
              Dashboard<span className="sr-only"> of {team.name}</span>
            </Link>
            <Link href={`/teams/${team.teamId}#manage-invitations`} className={linkClass}>
              Invite people<span className="sr-only"> to {team.name}</span>
            </Link>
          </p>
        </li>
      ))}
    </ul>
  );
}

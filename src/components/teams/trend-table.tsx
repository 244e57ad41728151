import type { TeamDashboard } from "@/server/teams/dashboard";
import { SkillKey } from "./skill-key";
import {
  headRowClass,
  headingClass,
  rowClass,
  sectionClass,
  shortLabelsOf,
  tableClass,
  type Requirement,
} from "./dashboard-types";

type Round = TeamDashboard["trend"][number];

const meetingIn = (round: Round, skillId: string) =>
  round.aggregate.kind === "shown"
    ? round.aggregate.skills.find((entry) => entry.skillId === skillId)?.meeting
    : undefined;

/**
 * Per round, how many contributors meet each core skill; rounds under the minimum show no numbers.
 * Wide screens: one table with short skill headers and a key; phones: one card per round.
 */
export function TrendTable({
  trend,
  requirements,
}: {
  trend: TeamDashboard["trend"];
  requirements: Requirement[];
}) {
  const core = requirements.filter((requirement) => requirement.weight === "core");
  const labels = shortLabelsOf(core);
  return (
    <section aria-labelledby="trend" className={sectionClass}>
      <h2 id="trend" className={headingClass}>
        Trend across rounds
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Contributors meeting each core skill&apos;s target, per round, oldest first.
      </p>
      <ol aria-label="Rounds, oldest first" className="space-y-4 md:hidden">
        {trend.map((round) => (
          <li
            key={round.roundId}
            aria-labelledby={`round-${round.roundId}`}
            className="rounded-xl border border-slate-200 p-4 dark:border-slate-800"
          >
            <h3 id={`round-${round.roundId}`} className="font-semibold">
              {round.name}
            </h3>
            {round.aggregate.kind === "suppressed" ? (
              <p className="text-sm italic">fewer than {round.aggregate.minimum} contributors: no numbers</p>
            ) : (
              <>
                <p className="text-sm">{round.aggregate.contributors} contributors</p>
                <dl className="mt-2 divide-y divide-slate-200 text-sm dark:divide-slate-800">
                  {core.map((requirement) => (
                    <div key={requirement.skillId} className="flex flex-wrap justify-between gap-x-3 py-1.5">
                      <dt className="min-w-0 break-words">{requirement.title}</dt>
                      <dd className="font-medium tabular-nums">
                        {meetingIn(round, requirement.skillId) ?? "—"} meeting
                      </dd>
                    </div>
                  ))}
                </dl>
              </>
            )}
          </li>
        ))}
      </ol>

      <div className="hidden space-y-3 md:block">
        <SkillKey requirements={core} labels={labels} />
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Trend table">
          <table className={tableClass}>
            <caption className="sr-only">
              Contributors meeting each core skill&apos;s target, per round, oldest first
            </caption>
            <thead>
              <tr className={headRowClass}>
                <th scope="col" className="sticky left-0 bg-white py-2 pr-4 dark:bg-slate-950">
                  Round
                </th>
                <th scope="col" className="py-2 pr-4">
                  Contributors
                </th>
                {core.map((requirement) => (
                  <th key={requirement.skillId} scope="col" className="px-2 py-2 text-center">
                    <span aria-hidden="true" title={requirement.title}>
                      {labels.get(requirement.skillId)}
                    </span>
                    <span className="sr-only">{requirement.title}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {trend.map((round) => (
                <tr key={round.roundId} className={rowClass}>
                  <th scope="row" className="sticky left-0 bg-white py-2 pr-4 font-medium dark:bg-slate-950">
                    {round.name}
                  </th>
                  {round.aggregate.kind === "suppressed" ? (
                    <td colSpan={core.length + 1} className="py-2 pr-4 italic">
                      fewer than {round.aggregate.minimum} contributors
                    </td>
                  ) : (
                    <>
                      <td className="py-2 pr-4 tabular-nums">{round.aggregate.contributors}</td>
                      {core.map((requirement) => {
                        const meeting = meetingIn(round, requirement.skillId);
                        return (
                          <td key={requirement.skillId} className="px-2 py-2 text-center tabular-nums">
                            {meeting === undefined ? "—" : `${meeting} meeting`}
                          </td>
                        );
                      })}
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

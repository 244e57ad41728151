import type { TeamDashboard } from "@/server/teams/dashboard";
import {
  headRowClass,
  headingClass,
  rowClass,
  sectionClass,
  tableClass,
  type Requirement,
} from "./dashboard-types";

/** Per round, how many contributors meet each core skill; rounds under the minimum show no numbers. */
export function TrendTable({
  trend,
  requirements,
}: {
  trend: TeamDashboard["trend"];
  requirements: Requirement[];
}) {
  const core = requirements.filter((requirement) => requirement.weight === "core");
  return (
    <section aria-labelledby="trend" className={sectionClass}>
      <h2 id="trend" className={headingClass}>
        Trend across rounds
      </h2>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Trend table, scrolls sideways">
        <table className={tableClass}>
          <caption className="mb-2 text-left text-sm text-slate-600 dark:text-slate-400">
            Contributors meeting each core skill&apos;s target, per round, oldest first.
          </caption>
          <thead>
            <tr className={headRowClass}>
              <th scope="col" className="py-2 pr-4">
                Round
              </th>
              <th scope="col" className="py-2 pr-4">
                Contributors
              </th>
              {core.map((requirement) => (
                <th key={requirement.skillId} scope="col" className="px-2 py-2">
                  {requirement.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {trend.map((round) => (
              <tr key={round.roundId} className={rowClass}>
                <th scope="row" className="py-2 pr-4 font-medium">
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
                      const skill =
                        round.aggregate.kind === "shown"
                          ? round.aggregate.skills.find((entry) => entry.skillId === requirement.skillId)
                          : undefined;
                      return (
                        <td key={requirement.skillId} className="px-2 py-2 tabular-nums">
                          {skill ? `${skill.meeting} meeting` : "—"}
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
    </section>
  );
}

import type { TeamDashboard } from "@/server/teams/dashboard";
import {
  headRowClass,
  headingClass,
  rowClass,
  sectionClass,
  tableClass,
  type Requirement,
} from "./dashboard-types";

function describeSkill(skill: { level: number | null; meets: boolean }): string {
  if (skill.level === null) return "not measured";
  return `${skill.level} · ${skill.meets ? "meets" : "below target"}`;
}

/** Only members who chose to share: name, readiness and level per required skill, all in words. */
export function IndividualResults({
  individuals,
  requirements,
}: {
  individuals: TeamDashboard["individuals"];
  requirements: Requirement[];
}) {
  return (
    <section aria-labelledby="individuals" className={sectionClass}>
      <h2 id="individuals" className={headingClass}>
        Individual results
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Members who chose to share their individual results. Each time you open this page, they can see that
        you looked.
      </p>
      {individuals.length === 0 ? (
        <p>No member has chosen to share individual results yet.</p>
      ) : (
        <div
          className="overflow-x-auto"
          tabIndex={0}
          role="region"
          aria-label="Individual results table, scrolls sideways"
        >
          <table className={tableClass}>
            <caption className="sr-only">Members who chose to share their individual results</caption>
            <thead>
              <tr className={headRowClass}>
                <th scope="col" className="py-2 pr-4">
                  Name
                </th>
                <th scope="col" className="py-2 pr-4">
                  Readiness
                </th>
                {requirements.map((requirement) => (
                  <th key={requirement.skillId} scope="col" className="px-2 py-2">
                    {requirement.title} <span className="font-normal">(target {requirement.level})</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {individuals.map((person) => (
                <tr key={person.userId} className={rowClass}>
                  <th scope="row" className="py-2 pr-4 font-medium">
                    {person.name}
                  </th>
                  <td className="py-2 pr-4 tabular-nums">
                    {person.readiness === null ? "not available" : `${Math.round(person.readiness * 100)} %`}
                  </td>
                  {person.skills.map((skill) => (
                    <td key={skill.skillId} className="px-2 py-2">
                      {describeSkill(skill)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

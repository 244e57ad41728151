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

type Person = TeamDashboard["individuals"][number];
type PersonSkill = Person["skills"][number];

const verdictOf = (skill: PersonSkill) => (skill.meets ? "meets target" : "below target");
const readinessOf = (person: Person) =>
  person.readiness === null ? "not available" : `${Math.round(person.readiness * 100)} %`;

/** One cell: the level large, the verdict in a word below (never colour alone). */
function SkillCell({ skill }: { skill: PersonSkill }) {
  if (skill.level === null) return <span className="text-xs">not measured</span>;
  return (
    <>
      <span className="block font-semibold tabular-nums">{skill.level}</span>
      <span
        className={`block text-xs ${skill.meets ? "" : "font-semibold text-amber-800 dark:text-amber-300"}`}
      >
        {skill.meets ? "meets" : "below"}
      </span>
    </>
  );
}

/**
 * Only members who chose to share: name, readiness and level per required skill, all in words.
 * Wide screens get one table (short skill headers, a visible key, names fixed on the left); phones
 * get one card per person with every skill written out, so nothing needs sideways scrolling.
 */
export function IndividualResults({
  individuals,
  requirements,
}: {
  individuals: TeamDashboard["individuals"];
  requirements: Requirement[];
}) {
  const labels = shortLabelsOf(requirements);
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
        <>
          <ul
            aria-label="Members who chose to share their individual results"
            className="space-y-4 md:hidden"
          >
            {individuals.map((person) => (
              <li
                key={person.userId}
                aria-labelledby={`person-${person.userId}`}
                className="rounded-xl border border-slate-200 p-4 dark:border-slate-800"
              >
                <h3 id={`person-${person.userId}`} className="font-semibold">
                  {person.name}
                </h3>
                <p className="text-sm">Readiness: {readinessOf(person)}</p>
                <dl className="mt-2 divide-y divide-slate-200 text-sm dark:divide-slate-800">
                  {person.skills.map((skill) => {
                    const requirement = requirements.find((entry) => entry.skillId === skill.skillId);
                    return (
                      <div key={skill.skillId} className="flex flex-wrap justify-between gap-x-3 py-1.5">
                        <dt className="min-w-0 break-words">
                          {requirement?.title ?? skill.skillId}{" "}
                          <span className="text-slate-600 dark:text-slate-400">
                            (target {requirement?.level})
                          </span>
                        </dt>
                        <dd className="font-medium">
                          {skill.level === null
                            ? "not measured"
                            : `level ${skill.level}, ${verdictOf(skill)}`}
                        </dd>
                      </div>
                    );
                  })}
                </dl>
              </li>
            ))}
          </ul>

          <div className="hidden space-y-3 md:block">
            <SkillKey requirements={requirements} labels={labels} />
            <div
              className="overflow-x-auto"
              tabIndex={0}
              role="region"
              aria-label="Individual results table (scrolls sideways when it is wider than the screen)"
            >
              <table className={tableClass}>
                <caption className="sr-only">
                  Members who chose to share their individual results: level and verdict per required skill
                </caption>
                <thead>
                  <tr className={`${headRowClass} align-bottom`}>
                    <th scope="col" className="sticky left-0 z-10 bg-white py-2 pr-4 dark:bg-slate-950">
                      Name
                    </th>
                    <th scope="col" className="py-2 pr-4">
                      Readiness
                    </th>
                    {requirements.map((requirement) => (
                      <th key={requirement.skillId} scope="col" className="px-1.5 py-2 text-center">
                        <span aria-hidden="true" title={`${requirement.title} (target ${requirement.level})`}>
                          {labels.get(requirement.skillId)}
                        </span>
                        <span className="sr-only">
                          {requirement.title} (target {requirement.level})
                        </span>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {individuals.map((person) => (
                    <tr key={person.userId} className={rowClass}>
                      <th
                        scope="row"
                        className="sticky left-0 z-10 bg-white py-2 pr-4 font-medium dark:bg-slate-950"
                      >
                        {person.name}
                      </th>
                      <td className="whitespace-nowrap py-2 pr-4 tabular-nums">{readinessOf(person)}</td>
                      {person.skills.map((skill) => (
                        <td key={skill.skillId} className="px-1.5 py-2 text-center">
                          <SkillCell skill={skill} />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </>
      )}
    </section>
  );
}

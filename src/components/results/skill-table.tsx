import Link from "next/link";
import type { SkillRow } from "@/server/results";
import { chanceTone, describeChance, percent } from "./chance";
import { LevelRange } from "./level-range";

const OUTCOME_LABEL = { correct: "right", incorrect: "wrong", dontKnow: "don’t know" } as const;

/**
 * The per-skill result as a table: the text alternative to the chart and the detail behind it. A
 * skill without a direct answer never gets a confident reading ("very likely below"): it says it
 * was not asked and what its estimate is inferred from.
 */
export function SkillTable({
  rows,
  caption,
  hasPrevious,
  fromTitle = null,
}: {
  rows: SkillRow[];
  caption: string;
  hasPrevious: boolean;
  fromTitle?: string | null;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[720px] border-collapse text-left text-sm">
        <caption className="mb-2 text-left text-slate-600 dark:text-slate-400">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 dark:border-slate-700">
            <th scope="col" className="py-2 pr-3">
              Skill
            </th>
            <th scope="col" className="py-2 pr-3">
              Your level
            </th>
            <th scope="col" className="py-2 pr-3">
              Target
            </th>
            <th scope="col" className="py-2 pr-3">
              Chance you meet it
            </th>
            <th scope="col" className="py-2 pr-3">
              Evidence
            </th>
            {hasPrevious && (
              <th scope="col" className="py-2">
                Since last time
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.skillId} className="border-b border-slate-200 align-top dark:border-slate-800">
              <th scope="row" className="py-3 pr-3 font-medium">
                <Link href={`/skills/${row.skillId}`} className="underline-offset-2 hover:underline">
                  {row.title}
                </Link>
                {row.isCore && (
                  <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal dark:bg-slate-800">
                    core
                  </span>
                )}
              </th>
              <td className="py-3 pr-3">
                <LevelRange level={row.level} low={row.low} high={row.high} target={row.targetLevel} />
              </td>
              <td className="py-3 pr-3">{row.targetLevel ?? "—"}</td>
              <td className="py-3 pr-3">
                {row.pMeets === null ? (
                  "—"
                ) : (
                  <span className="flex items-center gap-2">
                    <span
                      aria-hidden="true"
                      className={`inline-block h-2.5 w-2.5 rounded-full ${chanceTone(row.pMeets)}`}
                    />
                    <span>
                      {percent(row.pMeets)}{" "}
                      <span className="text-slate-600 dark:text-slate-400">
                        · {describeChance(row.pMeets, row.answerCount > 0)}
                      </span>
                    </span>
                  </span>
                )}
              </td>
              <td className="py-3 pr-3">
                {row.answerCount === 0 ? (
                  <span className="rounded border border-dashed border-slate-400 px-1.5 py-0.5 text-xs">
                    Not asked — inferred from {inferenceSources(row.inferredFrom, fromTitle)}
                  </span>
                ) : (
                  <span>
                    {row.answerCount} {row.answerCount === 1 ? "question" : "questions"}
                  </span>
                )}
                {row.movedBy.length > 0 && (
                  <span className="mt-1 block text-xs text-slate-600 dark:text-slate-400">
                    Moved most by:{" "}
                    {row.movedBy.map((entry, index) => (
                      <span key={entry.position}>
                        {index > 0 && ", "}
                        <a href={`#review-${entry.position}`} className="underline underline-offset-2">
                          Q{entry.position} ({OUTCOME_LABEL[entry.outcome]}, {entry.shift > 0 ? "+" : "−"}
                          {Math.abs(entry.shift).toFixed(1)})
                        </a>
                      </span>
                    ))}
                  </span>
                )}
              </td>
              {hasPrevious && (
                <td className="py-3">
                  {row.previous ? <ProgressCell row={row} previous={row.previous} /> : "—"}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "your answers on Python and SQL and what Data Scientists typically know", or the parts that apply. */
function inferenceSources(skills: readonly string[], fromTitle: string | null): string {
  const parts = [
    ...(skills.length > 0 ? [`your answers on ${listWords(skills)}`] : []),
    ...(fromTitle ? [`what ${fromTitle}s typically know`] : []),
  ];
  return parts.length > 0 ? parts.join(" and ") : "the role profiles alone";
}

function listWords(words: readonly string[]): string {
  return words.length <= 1
    ? (words[0] ?? "")
    : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1] ?? ""}`;
}

function ProgressCell({ row, previous }: { row: SkillRow; previous: NonNullable<SkillRow["previous"]> }) {
  const levelChange = row.level - previous.level;
  const chanceChange = row.pMeets !== null && previous.pMeets !== null ? row.pMeets - previous.pMeets : null;
  return (
    <span>
      {levelChange === 0
        ? "Same level"
        : `${levelChange > 0 ? "Up" : "Down"} ${Math.abs(levelChange)} (was ${previous.level})`}
      {chanceChange !== null && Math.abs(chanceChange) >= 0.05 && (
        <span className="block text-xs text-slate-600 dark:text-slate-400">
          chance {chanceChange > 0 ? "+" : "−"}
          {Math.round(Math.abs(chanceChange) * 100)} points
        </span>
      )}
    </span>
  );
}

import { describeChance, percent } from "@/components/results/chance";
import type { ProgressPoint, RoleProgress } from "@/server/history";
import { attemptLabels } from "./attempt-labels";

/** Vertical pixels per level step inside a row (levels 0–4). */
const LEVEL_STEP = 7;
/** Height of a row's plot (levels 0–4) plus its padding, below the skill's name. */
const PLOT_HEIGHT = 4 * LEVEL_STEP + 22;
const NAME_LINE = 15;
const SUMMARY_WIDTH = 110;
/** The narrowest drawing: it scales down from here, so at 320 px its text stays readable. */
const MIN_WIDTH = 300;
/** Average width of a character of the 12 px names, to wrap them within the drawing. */
const NAME_CHAR_WIDTH = 6.8;
const AXIS_LINE = 12;

/** Splits a name into lines of at most `width` characters at spaces (a longer word gets a line of its own). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

function latestPoint(points: (ProgressPoint | null)[]): ProgressPoint | null {
  return points.findLast((point) => point !== null) ?? null;
}

/** "Fri 4 Dec 2026" → ["Fri 4 Dec", "2026"]: the year on a line of its own keeps columns narrow. */
function splitYear(day: string): [string, string] {
  const at = day.lastIndexOf(" ");
  return [day.slice(0, at), day.slice(at + 1)];
}

/**
 * How each required skill of one target role moved across the completed assessments: one small
 * row per skill (level 0–4 on its own scale) under the skill's full name, a dot per assessment
 * joined by a line, and the target level as a dashed line. Filled dots were asked directly, hollow
 * ones inferred — shape, not colour. Assessments on the same day are told apart by their time.
 * The drawing scales down to the screen's width; the table after it carries the same numbers.
 */
export function ProgressChart({ progress }: { progress: RoleProgress }) {
  const count = progress.attempts.length;
  const column = Math.max(52, Math.min(90, MIN_WIDTH / Math.max(count, 1)));
  const plotWidth = column * Math.max(count, 1);
  const width = Math.max(MIN_WIDTH, plotWidth + SUMMARY_WIDTH);
  const x = (index: number) => column * index + column / 2;
  const labels = attemptLabels(
    progress.attempts.map((attempt) => attempt.completedAt),
    progress.timeZone,
  );
  const hasTimes = labels.some((label) => label.time !== null);
  const rows = progress.skills.reduce<{ top: number; lines: string[] }[]>((placed, skill) => {
    const previous = placed.at(-1);
    const top = previous ? previous.top + previous.lines.length * NAME_LINE + PLOT_HEIGHT : 0;
    const name = `${skill.title}${skill.isCore ? " *" : ""}`;
    return [...placed, { top, lines: wrapWords(name, Math.floor(width / NAME_CHAR_WIDTH)) }];
  }, []);
  const last = rows.at(-1);
  const plotBottom = last ? last.top + last.lines.length * NAME_LINE + PLOT_HEIGHT : 0;
  const height = plotBottom + AXIS_LINE * (hasTimes ? 3 : 2) + 6;
  const titleId = `progress-${progress.roleId}-title`;
  const rising = progress.skills.filter((skill) => {
    const first = skill.points.find((point) => point !== null);
    const latest = latestPoint(skill.points);
    return first && latest && latest.band > first.band;
  }).length;

  return (
    <figure>
      <svg
        role="img"
        aria-labelledby={titleId}
        viewBox={`0 0 ${width} ${height}`}
        className="block h-auto w-full text-slate-900 dark:text-slate-100"
        style={{ maxWidth: `${width * 1.4}px` }}
      >
        <title id={titleId}>
          {`Estimated level of ${progress.skills.length} required skills for ${progress.title} across ${count} ${count === 1 ? "assessment" : "assessments"}; ${rising} went up since the first. The table below has the same numbers.`}
        </title>
        {labels.map((label, index) => {
          const [day, year] = splitYear(label.day);
          return (
            <text
              key={progress.attempts[index]?.id ?? index}
              x={x(index)}
              y={plotBottom + AXIS_LINE}
              textAnchor="middle"
              className="fill-current text-[10px]"
            >
              <tspan x={x(index)}>{day}</tspan>
              <tspan x={x(index)} dy={AXIS_LINE}>
                {year}
              </tspan>
              {label.time && (
                <tspan x={x(index)} dy={AXIS_LINE} className="font-semibold">
                  {label.time}
                </tspan>
              )}
            </text>
          );
        })}
        {progress.skills.map((skill, row) => {
          const { top, lines } = rows[row] ?? { top: 0, lines: [] };
          const plotTop = top + lines.length * NAME_LINE + 4;
          const y = (level: number) => plotTop + (4 - level) * LEVEL_STEP + 2;
          const target = latestPoint(skill.points)?.targetLevel ?? null;
          const latest = latestPoint(skill.points);
          const segments = skill.points.flatMap((point, index) => {
            const next = skill.points[index + 1];
            return point && next
              ? [{ from: { x: x(index), y: y(point.band) }, to: { x: x(index + 1), y: y(next.band) } }]
              : [];
          });
          return (
            <g key={skill.skillId}>
              <text y={top + 12} className="fill-current text-[12px] font-medium">
                {lines.map((line, index) => (
                  <tspan key={index} x={0} dy={index === 0 ? 0 : NAME_LINE}>
                    {line}
                  </tspan>
                ))}
              </text>
              <line
                x1={0}
                x2={plotWidth}
                y1={y(0)}
                y2={y(0)}
                className="stroke-slate-200 dark:stroke-slate-800"
              />
              {target !== null && (
                <line
                  x1={0}
                  x2={plotWidth}
                  y1={y(target)}
                  y2={y(target)}
                  strokeDasharray="4 3"
                  className="stroke-rose-600 dark:stroke-rose-400"
                />
              )}
              {segments.map((segment, index) => (
                <line
                  key={index}
                  x1={segment.from.x}
                  y1={segment.from.y}
                  x2={segment.to.x}
                  y2={segment.to.y}
                  strokeWidth={1.5}
                  className="stroke-brand-700 dark:stroke-brand-100"
                />
              ))}
              {skill.points.map((point, index) =>
                point ? (
                  <circle
                    key={index}
                    cx={x(index)}
                    cy={y(point.band)}
                    r={3.5}
                    strokeWidth={1.5}
                    className={
                      point.isAssessed
                        ? "fill-brand-700 stroke-brand-700 dark:fill-brand-100 dark:stroke-brand-100"
                        : "fill-white stroke-brand-700 dark:fill-slate-950 dark:stroke-brand-100"
                    }
                  />
                ) : null,
              )}
              {latest && (
                <text x={plotWidth + 8} y={y(2) + 4} className="fill-current text-[11px]">
                  {`level ${latest.band}${target !== null ? ` / target ${target}` : ""}`}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        Each row is one skill on its own 0–4 scale. Dots: estimated level at each assessment (filled: asked
        directly; hollow: inferred from related skills). Dashed line: the level the role asks for. * core
        skill.
        {hasTimes &&
          ` Assessments on the same day show their time (${progress.timeZone.replace(/_/g, " ")}).`}
      </figcaption>
      <details className="mt-3">
        <summary className="cursor-pointer text-sm font-medium">Show the numbers as a table</summary>
        <ProgressTable progress={progress} />
      </details>
    </figure>
  );
}

function PointCell({ point }: { point: ProgressPoint | null }) {
  if (!point) return <span>—</span>;
  return (
    <span>
      Level {point.band}{" "}
      <span className="text-slate-600 dark:text-slate-400">
        ({point.bandLow}–{point.bandHigh})
      </span>
      {point.pMeets !== null && (
        <span className="block text-xs">
          {percent(point.pMeets)} · {describeChance(point.pMeets, point.isAssessed)}
        </span>
      )}
      {!point.isAssessed && point.pMeets === null && (
        <span className="block text-xs">not asked, inferred from related skills</span>
      )}
    </span>
  );
}

/** The chart's text alternative: skills as rows, assessments as columns. */
export function ProgressTable({ progress }: { progress: RoleProgress }) {
  const labels = attemptLabels(
    progress.attempts.map((attempt) => attempt.completedAt),
    progress.timeZone,
  );
  return (
    <div className="mt-2 overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left text-slate-600 dark:text-slate-400">
          {progress.title}: estimated level (80 % range) and chance of meeting the target, per assessment,
          oldest first.
        </caption>
        <thead>
          <tr className="border-b border-slate-300 dark:border-slate-700">
            <th scope="col" className="py-2 pr-3">
              Skill (target)
            </th>
            {progress.attempts.map((attempt, index) => (
              <th key={attempt.id} scope="col" className="py-2 pr-3 whitespace-nowrap">
                {labels[index]?.day}
                {labels[index]?.time && `, ${labels[index]?.time}`}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr className="border-b border-slate-200 align-top dark:border-slate-800">
            <th scope="row" className="py-2 pr-3 font-medium">
              Readiness
            </th>
            {progress.attempts.map((attempt) => (
              <td key={attempt.id} className="py-2 pr-3 tabular-nums">
                {attempt.readiness === null ? "—" : percent(attempt.readiness)}
              </td>
            ))}
          </tr>
          {progress.skills.map((skill) => (
            <tr key={skill.skillId} className="border-b border-slate-200 align-top dark:border-slate-800">
              <th scope="row" className="py-2 pr-3 font-medium">
                {skill.title}
                {skill.isCore && " (core)"}{" "}
                <span className="font-normal text-slate-600 dark:text-slate-400">
                  · target {latestPoint(skill.points)?.targetLevel ?? "—"}
                </span>
              </th>
              {skill.points.map((point, index) => (
                <td key={progress.attempts[index]?.id ?? index} className="py-2 pr-3">
                  <PointCell point={point} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

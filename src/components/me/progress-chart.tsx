import { describeChance, percent } from "@/components/results/chance";
import type { ProgressPoint, RoleProgress } from "@/server/history";

const ROW_HEIGHT = 40;
/** Vertical pixels per level step inside a row (levels 0–4). */
const LEVEL_STEP = 7;
const LABEL_WIDTH = 210;
const SUMMARY_WIDTH = 120;

const shortDate = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "2-digit",
  timeZone: "UTC",
});

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

function latestPoint(points: (ProgressPoint | null)[]): ProgressPoint | null {
  return points.findLast((point) => point !== null) ?? null;
}

/**
 * How each required skill of one target role moved across the completed assessments: one small
 * row per skill (level 0–4 on its own scale), a dot per assessment joined by a line, and the target
 * level as a dashed line. Filled dots were asked directly, hollow ones inferred — shape, not colour.
 * The table after the chart carries the same numbers for screen readers and for reading.
 */
export function ProgressChart({ progress }: { progress: RoleProgress }) {
  const count = progress.attempts.length;
  const column = Math.max(44, Math.min(90, 360 / Math.max(count, 1)));
  const plotWidth = column * Math.max(count, 1);
  const width = LABEL_WIDTH + plotWidth + SUMMARY_WIDTH;
  const height = progress.skills.length * ROW_HEIGHT + 26;
  const x = (index: number) => LABEL_WIDTH + column * index + column / 2;
  const titleId = `progress-${progress.roleId}-title`;
  const rising = progress.skills.filter((skill) => {
    const first = skill.points.find((point) => point !== null);
    const last = latestPoint(skill.points);
    return first && last && last.band > first.band;
  }).length;

  return (
    <figure>
      <div className="overflow-x-auto">
        <svg
          role="img"
          aria-labelledby={titleId}
          viewBox={`0 0 ${width} ${height}`}
          className="w-full max-w-3xl text-slate-900 dark:text-slate-100"
          style={{ minWidth: `${Math.min(width, 560)}px` }}
        >
          <title id={titleId}>
            {`Estimated level of ${progress.skills.length} required skills for ${progress.title} across ${count} ${count === 1 ? "assessment" : "assessments"}; ${rising} went up since the first. The table below has the same numbers.`}
          </title>
          {progress.attempts.map((attempt, index) => (
            <text
              key={attempt.id}
              x={x(index)}
              y={height - 6}
              textAnchor="middle"
              className="fill-current text-[10px]"
            >
              {shortDate.format(attempt.completedAt)}
            </text>
          ))}
          {progress.skills.map((skill, row) => {
            const top = row * ROW_HEIGHT + 4;
            const y = (level: number) => top + (4 - level) * LEVEL_STEP + 2;
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
                <line
                  x1={LABEL_WIDTH}
                  x2={LABEL_WIDTH + plotWidth}
                  y1={y(0)}
                  y2={y(0)}
                  className="stroke-slate-200 dark:stroke-slate-800"
                />
                <text x={LABEL_WIDTH - 8} y={top + 18} textAnchor="end" className="fill-current text-[12px]">
                  {truncate(skill.title, 30)}
                  {skill.isCore ? " *" : ""}
                </text>
                {target !== null && (
                  <line
                    x1={LABEL_WIDTH}
                    x2={LABEL_WIDTH + plotWidth}
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
                  <text x={LABEL_WIDTH + plotWidth + 8} y={top + 18} className="fill-current text-[11px]">
                    {`level ${latest.band}${target !== null ? ` / target ${target}` : ""}`}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        Each row is one skill on its own 0–4 scale. Dots: estimated level at each assessment (filled: asked
        directly; hollow: inferred from related skills). Dashed line: the level the role asks for. * core
        skill.
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
            {progress.attempts.map((attempt) => (
              <th key={attempt.id} scope="col" className="py-2 pr-3 whitespace-nowrap">
                {shortDate.format(attempt.completedAt)}
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

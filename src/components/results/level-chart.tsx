import { belowTarget } from "@/domain/engine/verdict";
import { LEVEL_NAMES } from "@/domain/levels";
import type { SkillRow } from "@/server/results";

/**
 * Every required skill on one 0–4 scale: the most likely level as a round mark, the 80 % range as
 * a thin band, the target as a tall bar — the same shapes as the scale beside each skill, so a wide
 * range never reads as a high level. One summary label for screen readers; the list or table that
 * follows says every estimate in words, under a legend for the marks (LevelScaleLegend).
 */
export function LevelChart({ rows }: { rows: SkillRow[] }) {
  const rowHeight = 28;
  const labelWidth = 300;
  const scaleWidth = 400;
  const left = labelWidth + 10;
  const unit = scaleWidth / 4;
  const height = rows.length * rowHeight + 30;
  const below = rows.filter((row) => belowTarget(row.pMeets)).length;
  const x = (level: number) => left + level * unit;
  return (
    <figure>
      <svg
        role="img"
        aria-labelledby="level-chart-title"
        viewBox={`0 0 ${left + scaleWidth + 40} ${height}`}
        className="w-full max-w-3xl text-slate-900 dark:text-slate-100"
      >
        <title id="level-chart-title">{`Your most likely level against the target for ${rows.length} required skills; ${below} likely below target. Each skill below says the same in words.`}</title>
        {LEVEL_NAMES.map((name, tick) => (
          <g key={tick}>
            <line
              x1={x(tick)}
              x2={x(tick)}
              y1={0}
              y2={height - 24}
              className="stroke-slate-200 dark:stroke-slate-800"
            />
            <text x={x(tick)} y={height - 8} textAnchor="middle" className="fill-current text-[11px]">
              {`${tick} ${name}`}
            </text>
          </g>
        ))}
        {rows.map((row, index) => {
          const middle = index * rowHeight + 14;
          return (
            <g key={row.skillId}>
              <text x={labelWidth - 8} y={middle + 4} textAnchor="end" className="fill-current text-[12px]">
                {row.title.length > 42 ? `${row.title.slice(0, 41)}…` : row.title}
              </text>
              <line
                x1={x(0)}
                x2={x(4)}
                y1={middle}
                y2={middle}
                className="stroke-slate-300 dark:stroke-slate-700"
              />
              {row.high > row.low && (
                <rect
                  x={x(row.low)}
                  y={middle - 3}
                  width={(row.high - row.low) * unit}
                  height={6}
                  rx={3}
                  className="fill-brand-600/50 dark:fill-brand-100/50"
                />
              )}
              {row.targetLevel !== null && (
                <line
                  x1={x(row.targetLevel)}
                  x2={x(row.targetLevel)}
                  y1={middle - 10}
                  y2={middle + 10}
                  strokeWidth={2.5}
                  className="stroke-rose-700 dark:stroke-rose-300"
                />
              )}
              <circle
                cx={x(row.level)}
                cy={middle}
                r={6}
                strokeWidth={2}
                className="fill-slate-900 stroke-white dark:fill-white dark:stroke-slate-950"
              />
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

import { belowTarget, meetsTarget } from "@/domain/engine/verdict";
import type { ResultsView } from "@/server/results";

/**
 * Estimated level against the target for each required skill, drawn as bars. Decorative for
 * screen readers in detail (the table that follows carries the same numbers), with a summary label.
 */
export function LevelChart({ rows }: { rows: ResultsView["required"] }) {
  const rowHeight = 28;
  const labelWidth = 230;
  const scaleWidth = 400;
  const unit = scaleWidth / 4;
  const height = rows.length * rowHeight + 30;
  const below = rows.filter((row) => belowTarget(row.pMeets)).length;
  return (
    <figure className="overflow-x-auto">
      <svg
        role="img"
        aria-labelledby="level-chart-title"
        viewBox={`0 0 ${labelWidth + scaleWidth + 20} ${height}`}
        className="w-full max-w-3xl text-slate-900 dark:text-slate-100"
      >
        <title id="level-chart-title">{`Your estimated level against the target for ${rows.length} required skills; ${below} likely below target. The table below has the same numbers.`}</title>
        {[0, 1, 2, 3, 4].map((tick) => (
          <g key={tick}>
            <line
              x1={labelWidth + tick * unit}
              x2={labelWidth + tick * unit}
              y1={0}
              y2={height - 24}
              className="stroke-slate-300 dark:stroke-slate-700"
            />
            <text
              x={labelWidth + tick * unit}
              y={height - 8}
              textAnchor="middle"
              className="fill-current text-[11px]"
            >
              {tick}
            </text>
          </g>
        ))}
        {rows.map((row, index) => {
          const y = index * rowHeight + 4;
          const meets = meetsTarget(row.pMeets);
          return (
            <g key={row.skillId}>
              <text x={labelWidth - 8} y={y + 15} textAnchor="end" className="fill-current text-[12px]">
                {row.title.length > 32 ? `${row.title.slice(0, 31)}…` : row.title}
              </text>
              <rect
                x={labelWidth + row.low * unit}
                y={y + 4}
                width={Math.max((row.high - row.low) * unit, 3)}
                height={14}
                rx={3}
                className="fill-brand-600/25"
              />
              <rect
                x={labelWidth}
                y={y + 7}
                width={Math.max(row.level * unit, 2)}
                height={8}
                rx={2}
                className={meets ? "fill-brand-700 dark:fill-brand-100" : "fill-slate-500"}
              />
              {row.targetLevel !== null && (
                <path
                  d={`M ${labelWidth + row.targetLevel * unit} ${y} l 5 -0 l -5 8 l -5 -8 z`}
                  className="fill-rose-600 dark:fill-rose-400"
                />
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        Bars: most likely level; light band: 80 % range; triangle: the level the role asks for.
      </figcaption>
    </figure>
  );
}

import { levelName } from "@/domain/levels";

/**
 * The level as text (most likely level and the 80 % range) with a small 0–4 scale drawn beside it:
 * the shaded cells are the range, the ring the most likely level, the tick the target.
 */
export function LevelRange({
  level,
  low,
  high,
  target,
}: {
  level: number;
  low: number;
  high: number;
  target: number | null;
}) {
  return (
    <div className="flex items-center gap-3">
      <span aria-hidden="true" className="flex gap-0.5">
        {[0, 1, 2, 3, 4].map((cell) => (
          <span
            key={cell}
            className={`relative h-4 w-5 rounded-sm ${cell >= low && cell <= high ? "bg-brand-600/70 dark:bg-brand-100/70" : "bg-slate-200 dark:bg-slate-700"} ${cell === level ? "ring-2 ring-slate-900 dark:ring-white" : ""}`}
          >
            {cell === target && (
              <span className="absolute -top-1.5 left-1/2 h-7 w-0.5 -translate-x-1/2 bg-slate-900 dark:bg-white" />
            )}
          </span>
        ))}
      </span>
      <span className="text-sm">
        <span className="font-medium">
          {level} · {levelName(level)}
        </span>
        <span className="block text-slate-600 dark:text-slate-400">
          {low === high ? `80 % sure it is ${low}` : `80 % range ${low}–${high}`}
        </span>
      </span>
    </div>
  );
}

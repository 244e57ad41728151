import { levelName } from "@/domain/levels";

/** "Most likely None (0); could be 0–2": the estimate in words, the one reading screen readers get. */
export function describeLevel(level: number, low: number, high: number): string {
  const likely = `Most likely ${levelName(level)} (${level})`;
  return low === high ? `${likely}; 80 % sure of that` : `${likely}; could be ${low}–${high}`;
}

/** The most likely level, its 80 % range and the target (null when the role asks for none). */
interface LevelEstimate {
  level: number;
  low: number;
  high: number;
  target: number | null;
}

/** A level as a position on the 0–4 scale, kept clear of both ends so the mark never sticks out. */
const at = (level: number) => `${(Math.min(Math.max(level, 0), 4) / 4) * 100}%`;

/**
 * The level in words with a small 0–4 scale beside it: the most likely level is the round mark, the
 * 80 % range the thin band under it, the target a tall bar. Shapes, not colour, tell them apart; the
 * scale is decorative for screen readers, which read the words. Its fills print even when the
 * browser leaves backgrounds out.
 */
export function LevelRange({ level, low, high, target }: LevelEstimate) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <LevelScale level={level} low={low} high={high} target={target} />
      <span className="text-sm">{describeLevel(level, low, high)}</span>
    </div>
  );
}

export function LevelScale({ level, low, high, target }: LevelEstimate) {
  return (
    <span aria-hidden="true" className="relative inline-block h-5 w-28 shrink-0 [print-color-adjust:exact]">
      <span className="absolute inset-x-1.5 inset-y-0">
        <span className="absolute inset-x-0 top-1/2 h-px bg-slate-400 dark:bg-slate-500" />
        {[0, 1, 2, 3, 4].map((tick) => (
          <span
            key={tick}
            className="absolute top-1/2 h-2 w-px -translate-x-1/2 -translate-y-1/2 bg-slate-400 dark:bg-slate-500"
            style={{ left: at(tick) }}
          />
        ))}
        {high > low && (
          <span
            data-mark="range"
            className="absolute top-1/2 h-1.5 -translate-y-1/2 rounded-full bg-brand-600/50 dark:bg-brand-100/50"
            style={{ left: at(low), width: `${((high - low) / 4) * 100}%` }}
          />
        )}
        {target !== null && (
          <span
            data-mark="target"
            className="absolute inset-y-0 w-0.5 -translate-x-1/2 bg-rose-700 dark:bg-rose-300"
            style={{ left: at(target) }}
          />
        )}
        <span
          data-mark="level"
          className="absolute top-1/2 h-3 w-3 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-white bg-slate-900 dark:border-slate-950 dark:bg-white"
          style={{ left: at(level) }}
        />
      </span>
    </span>
  );
}

/** What the marks on the scales mean, drawn with the same shapes. */
export function LevelScaleLegend() {
  return (
    <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-600 [print-color-adjust:exact] dark:text-slate-400">
      <span>Scale 0 (None) to 4 (Expert):</span>
      <span className="inline-flex items-center gap-1.5">
        <span
          aria-hidden="true"
          className="inline-block h-3 w-3 rounded-full border-2 border-white bg-slate-900 dark:border-slate-950 dark:bg-white"
        />
        most likely level
      </span>
      <span className="inline-flex items-center gap-1.5">
        <span
          aria-hidden="true"
          className="inline-block h-1.5 w-6 rounded-full bg-brand-600/50 dark:bg-brand-100/50"
        />
        the range it could be in (80 % sure)
      </span>
      <span className="inline-flex items-center gap-1.5">
        <span aria-hidden="true" className="inline-block h-4 w-0.5 bg-rose-700 dark:bg-rose-300" />
        the level the role asks for
      </span>
    </p>
  );
}

import { levelName } from "@/domain/levels";

/** A level as text first ("3 · Proficient"); the filled pips repeat it visually, never alone. */
export function LevelBadge({ level }: { level: number }) {
  return (
    <span className="inline-flex items-center gap-2 whitespace-nowrap text-sm">
      <span aria-hidden="true" className="flex gap-0.5">
        {[1, 2, 3, 4].map((pip) => (
          <span
            key={pip}
            className={`h-2.5 w-2.5 rounded-sm ${pip <= level ? "bg-brand-600 dark:bg-brand-100" : "bg-slate-200 dark:bg-slate-700"}`}
          />
        ))}
      </span>
      <span>
        {level} · {levelName(level)}
      </span>
    </span>
  );
}

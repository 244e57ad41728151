import type { ReactNode } from "react";

/** A short list of labelled values (term, value) that wraps on phones. */
export function Facts({ items }: { items: readonly { term: string; value: ReactNode }[] }) {
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
      {items.map((item) => (
        <div key={item.term} className="contents">
          <dt className="font-medium text-slate-600 dark:text-slate-400">{item.term}</dt>
          <dd className="mb-2 [overflow-wrap:anywhere] sm:mb-0">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

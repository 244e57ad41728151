import type { ReactNode } from "react";
import { cardClass } from "./format";

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

/** A card of Facts under its own heading (the section is labelled by it). */
export function FactsCard({
  id,
  title,
  items,
}: {
  id: string;
  title: string;
  items: readonly { term: string; value: ReactNode }[];
}) {
  return (
    <section aria-labelledby={id} className={cardClass}>
      <h2 id={id} className="mb-3 text-xl font-semibold tracking-tight">
        {title}
      </h2>
      <Facts items={items} />
    </section>
  );
}

import type { ReactNode } from "react";

/**
 * A table that stays a table from the `sm` breakpoint up and becomes one card per row on phones:
 * the column headers leave the screen (screen readers still get them; the explicit roles keep the
 * table's semantics when its display changes) and each cell shows its own label instead. Nothing
 * scrolls sideways at 320 px.
 */
export const stacked = {
  table: "w-full text-left text-sm max-sm:block",
  head: "max-sm:sr-only",
  body: "max-sm:block",
  row: "border-b border-slate-200 dark:border-slate-800 max-sm:block max-sm:py-3",
  // Every header element leaves the screen on its own: a clipped box alone would still lay out its children.
  headRow: "border-b border-slate-300 dark:border-slate-700 max-sm:sr-only",
  headCell: "py-2 pr-4 align-top max-sm:sr-only",
  cell: "align-top sm:py-2 sm:pr-4 max-sm:flex max-sm:flex-wrap max-sm:gap-x-2 max-sm:py-0.5 [overflow-wrap:anywhere]",
  rowHeader:
    "align-top font-medium sm:py-2 sm:pr-4 max-sm:block max-sm:pb-1 max-sm:text-base [overflow-wrap:anywhere]",
} as const;

/** A cell's column name, shown only where the header row is not (phones); screen readers read the header. */
export function CellLabel({ children }: { children: ReactNode }) {
  return (
    <span aria-hidden="true" className="font-medium text-slate-600 sm:hidden dark:text-slate-400">
      {children}:
    </span>
  );
}

/** The header row of a stacked table: a row of column headers, off screen on phones. */
export function StackedHead({ columns }: { columns: readonly string[] }) {
  return (
    <thead role="rowgroup" className={stacked.head}>
      <tr role="row" className={stacked.headRow}>
        {columns.map((column) => (
          <th key={column} role="columnheader" scope="col" className={stacked.headCell}>
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}

import type { ChoiceTable } from "@/domain/item-statistics";
import { DONT_KNOW_ROW } from "@/domain/item-statistics";
import { CellLabel, stacked, StackedHead } from "@/components/cohorts/stacked-table";
import { SanitizedMarkdown } from "@/components/ui/markdown";

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** An option's letter on the item's page (A, B, …, in the content's order), shared by its list and the choices table. */
export function OptionLetter({ index }: { index: number }) {
  return (
    <span aria-hidden="true" className="font-semibold tabular-nums">
      {String.fromCharCode(65 + index)}
    </span>
  );
}

/** The key, named in words (never by colour alone). */
export function KeyBadge() {
  return (
    <span className="rounded border border-emerald-800 px-1.5 py-0.5 text-xs font-semibold text-emerald-900 dark:border-emerald-300 dark:text-emerald-200">
      Key
    </span>
  );
}

/**
 * Each option's share of choices per ability group, as a bar and as its number (never colour or
 * length alone); the key is named in words. Every group covers at least the cell minimum of
 * responses (merged into halves or one group otherwise, and said so).
 */
export function ChoiceBars({
  table,
  optionHtml,
  caption,
}: {
  table: ChoiceTable;
  /** Option id → its text as sanitised HTML (src/server/markdown.ts), from the question's current content. */
  optionHtml: ReadonlyMap<string, string>;
  caption: string;
}) {
  const columns = ["Option", ...table.groups.map((group) => `${group.label} (${group.responses})`)];
  return (
    <>
      {table.merged && (
        <p className="mb-2 text-sm">
          Too few responses for three ability groups of at least five: the groups are merged.
        </p>
      )}
      <table role="table" className={`question-content ${stacked.table}`}>
        <caption className="sr-only">{caption}</caption>
        <StackedHead columns={columns} />
        <tbody role="rowgroup" className={stacked.body}>
          {table.rows.map((row, index) => (
            <tr key={row.id} role="row" className={stacked.row}>
              <th role="rowheader" scope="row" className={`${stacked.rowHeader} sm:max-w-sm`}>
                <div className="flex flex-wrap items-start gap-2">
                  {row.id === DONT_KNOW_ROW ? (
                    "“I don't know”"
                  ) : (
                    <>
                      <OptionLetter index={index} />
                      <SanitizedMarkdown
                        html={optionHtml.get(row.id) ?? ""}
                        className="min-w-0 flex-1 font-normal prose-p:my-0"
                      />
                    </>
                  )}
                  {row.isKey && <KeyBadge />}
                </div>
              </th>
              {row.shares.map((share, index) => {
                const group = table.groups[index];
                return (
                  <td key={group?.id ?? index} role="cell" className={`${stacked.cell} sm:min-w-32`}>
                    <CellLabel>{group?.label ?? ""}</CellLabel>
                    <span className="flex items-center gap-2">
                      <span
                        aria-hidden="true"
                        className="inline-block h-3 w-20 rounded bg-slate-200 dark:bg-slate-700"
                      >
                        <span
                          className={`block h-3 rounded ${row.isKey ? "bg-emerald-700 dark:bg-emerald-400" : "bg-slate-600 dark:bg-slate-300"}`}
                          style={{ width: `${Math.round(share * 100)}%` }}
                        />
                      </span>
                      <span className="tabular-nums">{percent(share)}</span>
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

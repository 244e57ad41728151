import type { Metadata } from "next";
import Link from "next/link";
import { cardClass } from "@/components/admin/format";
import { CellLabel, stacked } from "@/components/cohorts/stacked-table";
import { FieldError } from "@/components/forms/form-status";
import { inputClass, linkClass, secondaryButtonClass } from "@/components/forms/form-state";
import { PageHeader } from "@/components/ui/page-header";
import { ITEM_COLUMNS, firstDirection, parseItemSort, sortItems, type ItemSort } from "@/domain/item-table";
import { currentCalibrationVersion } from "@/server/calibration";
import { getSkillsGraph } from "@/server/content-loader";
import { requireAdmin } from "@/server/identity";
import {
  CALIBRATION_FILTERS,
  FLAG_LABELS,
  listItemStatistics,
  parseItemStatisticsFilter,
  type ItemStatisticsRow,
} from "@/server/item-statistics";

export const metadata: Metadata = { title: "Items" };

const percent = (share: number | null) => (share === null ? "—" : `${Math.round(share * 100)} %`);
const seconds = (ms: number | null) => (ms === null ? "—" : `${Math.round(ms / 1000)} s`);
const decimal = (value: number | null) => (value === null ? "—" : value.toFixed(2));

function cellText(item: ItemStatisticsRow, column: Exclude<ItemSort, "question">): string {
  switch (column) {
    case "skill":
      return item.skillTitle;
    case "level":
      return String(item.level);
    case "responses":
      return String(item.responses);
    case "shareCorrect":
      return percent(item.shareCorrect);
    case "dontKnowShare":
      return percent(item.dontKnowShare);
    case "discrimination":
      return decimal(item.discrimination);
    case "medianMs":
      return seconds(item.medianMs);
    case "openReports":
      return String(item.openReports);
    case "flags":
      return item.flags.length === 0 ? "none" : item.flags.map((flag) => FLAG_LABELS[flag.code]).join("; ");
    case "parameters": {
      const used = item.calibration.inUse ? "Calibrated" : "Nominal";
      return item.calibration.drift.length === 0
        ? used
        : `${used}; listed for drift (${item.calibration.drift.join(" and ")})`;
    }
  }
}

const text = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

/**
 * The item statistics table: filter by skill, level, flag and what the calibration set in force does
 * with the item (a GET form) and sort by any column
 * (heading links), so it works without JavaScript. Figures are totals per question; the option ×
 * ability-group shares are on each item's page, under the five-per-cell rule.
 */
export default async function AdminItemsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdmin();
  const params = await searchParams;
  const graph = getSkillsGraph();
  const values = {
    skill: text(params.skill),
    level: text(params.level),
    flag: text(params.flag),
    calibration: text(params.calibration),
    data: text(params.data) === "demo" ? "demo" : "",
  };
  const filter = parseItemStatisticsFilter({
    skill: values.skill,
    level: values.level,
    flag: values.flag,
    calibration: values.calibration,
  });
  const order = parseItemSort({ sort: text(params.sort), dir: text(params.dir) });
  const isDemo = values.data === "demo";
  const [rows, calibrationVersion] = await Promise.all([
    filter.ok ? listItemStatistics(filter.filter, { demo: isDemo }) : [],
    currentCalibrationVersion(),
  ]);
  const items = sortItems(rows, order.sort, order.dir);
  const fieldErrors = filter.ok ? {} : filter.fieldErrors;
  const skills = [...graph.skills.values()].sort((a, b) => a.title.localeCompare(b.title, "en"));
  const columns = Object.entries(ITEM_COLUMNS) as [ItemSort, string][];
  const hrefFor = (column: ItemSort) => {
    const query = new URLSearchParams(
      Object.entries(values).filter(([, value]) => value !== "") as [string, string][],
    );
    query.set("sort", column);
    query.set("dir", order.sort === column ? (order.dir === "asc" ? "desc" : "asc") : firstDirection(column));
    return `/admin/items?${query}`;
  };
  const select = (
    name: "skill" | "level" | "flag" | "calibration" | "data",
    label: string,
    options: { value: string; label: string }[],
  ) => {
    const error = name === "data" ? undefined : fieldErrors[name];
    return (
      <div>
        <label htmlFor={`items-${name}`} className="block text-sm font-medium">
          {label}
        </label>
        <select
          id={`items-${name}`}
          name={name}
          defaultValue={values[name]}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `items-${name}-error` : undefined}
          className={inputClass}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <FieldError id={`items-${name}-error`} error={error} />
      </div>
    );
  };
  return (
    <>
      <PageHeader
        title="Items"
        crumbs={[{ href: "/admin", label: "Admin" }]}
        lead="How each question plays in real answers, next to what its level claims. Only totals per question are shown; nobody's answers."
      />
      <form
        method="get"
        action="/admin/items"
        className={`${cardClass} mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3`}
      >
        {select("skill", "Skill", [
          { value: "", label: "Every skill" },
          ...skills.map((skill) => ({ value: skill.id, label: skill.title })),
        ])}
        {select("level", "Level", [
          { value: "", label: "Every level" },
          ...[1, 2, 3, 4].map((level) => ({ value: String(level), label: `Level ${level}` })),
        ])}
        {select("flag", "Flag", [
          { value: "", label: "Flagged or not" },
          ...Object.entries(FLAG_LABELS).map(([code, label]) => ({ value: code, label })),
        ])}
        {select("calibration", "Parameters", [
          { value: "", label: "Calibrated or nominal" },
          ...Object.entries(CALIBRATION_FILTERS).map(([value, label]) => ({ value, label })),
        ])}
        {select("data", "Answers", [
          { value: "", label: "Real answers" },
          { value: "demo", label: "Demo (simulated) answers" },
        ])}
        <input type="hidden" name="sort" value={order.sort} />
        <input type="hidden" name="dir" value={order.dir} />
        <div className="sm:col-span-2 lg:col-span-3">
          <button type="submit" className={secondaryButtonClass}>
            Show
          </button>
        </div>
      </form>
      <div role="status" className="mb-3 space-y-1 text-sm">
        {order.problem && <p className="font-medium text-red-700 dark:text-red-400">{order.problem}</p>}
        {!filter.ok && (
          <p className="font-medium text-red-700 dark:text-red-400">Please fix the highlighted filters.</p>
        )}
        <p>
          {isDemo && (
            <strong>Demo data: simulated answers from the demo seed, never mixed with real ones. </strong>
          )}
          {items.length} {items.length === 1 ? "question" : "questions"}, sorted by {ITEM_COLUMNS[order.sort]}{" "}
          ({order.dir === "asc" ? "ascending" : "descending"}). Select a column heading to sort by it.
        </p>
        <p>
          {calibrationVersion === null
            ? "Parameters: no calibration set has been made, so every question uses its nominal parameters."
            : `Parameters: as calibration set ${calibrationVersion} applies them to attempts starting now.`}
        </p>
      </div>
      {items.length === 0 ? (
        <p className="text-sm">No question matches.</p>
      ) : (
        <table role="table" className={`${stacked.table} lg:text-xs xl:text-sm`}>
          <caption className="sr-only">Item statistics</caption>
          <thead role="rowgroup" className={stacked.head}>
            <tr role="row" className={stacked.headRow}>
              {columns.map(([column, label]) => (
                <th
                  key={column}
                  role="columnheader"
                  scope="col"
                  className={stacked.headCell}
                  aria-sort={
                    order.sort === column ? (order.dir === "asc" ? "ascending" : "descending") : undefined
                  }
                >
                  <Link href={hrefFor(column)} className={linkClass}>
                    {label}
                    {order.sort === column && (
                      <span aria-hidden="true">{order.dir === "asc" ? " ▲" : " ▼"}</span>
                    )}
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody role="rowgroup" className={stacked.body}>
            {items.map((item) => (
              <tr key={item.questionId} role="row" className={stacked.row}>
                <th role="rowheader" scope="row" className={stacked.rowHeader}>
                  <Link
                    href={`/admin/items/${item.questionId}${isDemo ? "?data=demo" : ""}`}
                    className={linkClass}
                  >
                    {item.questionId}
                  </Link>
                </th>
                {columns.slice(1).map(([column, label]) => (
                  <td key={column} role="cell" className={`${stacked.cell} tabular-nums`}>
                    <CellLabel>{label}</CellLabel>
                    {cellText(item, column as Exclude<ItemSort, "question">)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

import type { ItemStatistics } from "./item-statistics";

/**
 * The admin items table's sort, read from the query string so it works without JavaScript (the
 * column headings are links). Pure. Filtering is the server's (parseItemStatisticsFilter).
 */
export const ITEM_COLUMNS = {
  question: "Question",
  skill: "Skill",
  level: "Level",
  responses: "Responses",
  shareCorrect: "Correct",
  dontKnowShare: "“I don't know”",
  discrimination: "Discrimination",
  medianMs: "Median time",
  openReports: "Open reports",
  flags: "Flags",
  parameters: "Parameters",
} as const;
export type ItemSort = keyof typeof ITEM_COLUMNS;
export type SortDirection = "asc" | "desc";
const SORTS = Object.keys(ITEM_COLUMNS) as ItemSort[];

/** Flagged items first: what needs a maintainer's eyes. */
export const DEFAULT_ITEM_SORT = { sort: "flags", dir: "desc" } as const satisfies {
  sort: ItemSort;
  dir: SortDirection;
};

/** Text columns read A→Z first; number columns largest first. */
export const firstDirection = (column: ItemSort): SortDirection =>
  column === "question" || column === "skill" ? "asc" : "desc";

/** The sort asked for; an unknown column or direction falls back to the default, with a message saying so. */
export function parseItemSort(params: { sort?: string; dir?: string }): {
  sort: ItemSort;
  dir: SortDirection;
  problem?: string;
} {
  const sort = (params.sort ?? "").trim();
  const dir = (params.dir ?? "").trim();
  if (sort === "" && dir === "") return { ...DEFAULT_ITEM_SORT };
  if (!(SORTS as string[]).includes(sort))
    return {
      ...DEFAULT_ITEM_SORT,
      problem: `The table cannot be sorted by “${sort}”; it is sorted by flags.`,
    };
  const column = sort as ItemSort;
  if (dir !== "asc" && dir !== "desc")
    return {
      sort: column,
      dir: firstDirection(column),
      ...(dir ? { problem: `The order is asc or desc, not “${dir}”.` } : {}),
    };
  return { sort: column, dir };
}

type Sortable = Pick<
  ItemStatistics,
  | "questionId"
  | "skillId"
  | "level"
  | "responses"
  | "shareCorrect"
  | "dontKnowShare"
  | "discrimination"
  | "medianMs"
  | "openReports"
  | "flags"
> & {
  skillTitle?: string;
  /** What the calibration set in force does with the item (sorted calibrated-in-use first). */
  calibration?: { inUse: boolean; drift: readonly string[] };
};

const valueOf = (item: Sortable, column: ItemSort): number | string | null => {
  switch (column) {
    case "question":
      return item.questionId;
    case "skill":
      return item.skillTitle ?? item.skillId;
    case "flags":
      return item.flags.length;
    case "parameters":
      // In use first, then nominal items listed for drift, then the rest.
      return item.calibration
        ? (item.calibration.inUse ? 2 : 0) + (item.calibration.drift.length > 0 ? 1 : 0)
        : null;
    default:
      return item[column];
  }
};

/**
 * The items sorted by `column`. Items without a value there (too few responses to compute it) come
 * last in either direction; ties go in question-id order, so the order is the same on every load.
 */
export function sortItems<T extends Sortable>(
  items: readonly T[],
  column: ItemSort,
  dir: SortDirection,
): T[] {
  const sign = dir === "asc" ? 1 : -1;
  const byId = (a: T, b: T) => (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0);
  return [...items].sort((a, b) => {
    const x = valueOf(a, column);
    const y = valueOf(b, column);
    if (x === null || y === null) return x === y ? byId(a, b) : x === null ? 1 : -1;
    if (x === y) return byId(a, b);
    return (x < y ? -1 : 1) * sign;
  });
}

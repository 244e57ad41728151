/**
 * Completion and overdue, pure. An assignment is done when the learner marked the module done in
 * their plan; overdue when it is not done and its due date (a calendar day in the cohort's time
 * zone) is before today there. Waived assignments count nowhere.
 */
export interface AssignmentState {
  userId: string;
  moduleId: string;
  dueDate: string;
  isDone: boolean;
  isWaived: boolean;
}

export const isOverdue = (
  row: Pick<AssignmentState, "dueDate" | "isDone" | "isWaived">,
  today: string,
): boolean => !row.isDone && !row.isWaived && row.dueDate < today;

export interface Tally {
  assigned: number;
  done: number;
  overdue: number;
}

export function tally(rows: readonly AssignmentState[], today: string): Tally {
  const live = rows.filter((row) => !row.isWaived);
  return {
    assigned: live.length,
    done: live.filter((row) => row.isDone).length,
    overdue: live.filter((row) => isOverdue(row, today)).length,
  };
}

/** Per module still assigned to someone: how many learners have it, how many finished it, the rate. */
export function moduleCompletion(
  rows: readonly AssignmentState[],
  today: string,
): { moduleId: string; tally: Tally; rate: number | null }[] {
  const byModule = new Map<string, AssignmentState[]>();
  for (const row of rows) byModule.set(row.moduleId, [...(byModule.get(row.moduleId) ?? []), row]);
  return [...byModule.entries()]
    .map(([moduleId, list]) => {
      const counts = tally(list, today);
      return { moduleId, tally: counts, rate: counts.assigned === 0 ? null : counts.done / counts.assigned };
    })
    .filter((row) => row.tally.assigned > 0)
    .sort((a, b) => a.moduleId.localeCompare(b.moduleId));
}

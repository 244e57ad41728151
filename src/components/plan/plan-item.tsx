import Link from "next/link";
import { levelName } from "@/domain/levels";
import type { PlanView } from "@/server/plans";
import { SanitizedMarkdown } from "@/components/ui/markdown";
import { formatDay, formatHours } from "./dates";

const FORMAT = { read: "Reading", course: "Course", project: "Project", video: "Video" } as const;

export function PlanItemCard({
  planId,
  item,
  action,
  headingLevel = 3,
}: {
  planId: string;
  item: PlanView["items"][number];
  action: (form: FormData) => Promise<void>;
  /** 4 inside a week of the schedule, 3 in the list of done modules. */
  headingLevel?: 3 | 4;
}) {
  const Heading = headingLevel === 4 ? "h4" : "h3";
  return (
    <li
      id={`module-${item.moduleId}`}
      className={`scroll-mt-6 rounded-xl border p-4 ${item.isDone ? "border-emerald-600/60 bg-emerald-50/50 dark:bg-emerald-950/30" : "border-slate-200 dark:border-slate-800"}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <Heading className="font-semibold">
            {item.position + 1}. {item.title}
            {item.isDone && (
              <span className="ml-2 text-sm font-medium text-emerald-800 dark:text-emerald-300">✓ Done</span>
            )}
          </Heading>
          {item.assignedBy && (
            <p className="mt-1 text-sm font-medium">
              Assigned by {item.assignedBy}
              {item.dueOn && <> · due {formatDay(item.dueOn)}</>}
              {item.isOverdue && (
                <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-red-800 dark:bg-red-950 dark:text-red-200">
                  Overdue
                </span>
              )}
            </p>
          )}
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
            {item.isRemoved ? (
              "This module has since been removed from the catalogue; your progress on it is kept."
            ) : (
              <>
                <Link href={`/skills/${item.skillId}`} className="underline-offset-2 hover:underline">
                  {item.skillTitle}
                </Link>
                : {levelName(item.fromLevel)} → {levelName(item.toLevel)} · {formatHours(item.hours)}
                {item.format && ` · ${FORMAT[item.format]}`}
                {item.doneOn && ` · done ${formatDay(item.doneOn)}`}
              </>
            )}
          </p>
          {item.bodyHtml && (
            <details className="mt-2">
              <summary className="cursor-pointer text-sm font-medium">
                What to do and how you know you are done
              </summary>
              <SanitizedMarkdown html={item.bodyHtml} className="prose-sm mt-2" />
            </details>
          )}
          {item.url && (
            <p className="mt-1 text-sm">
              <a
                href={item.url}
                rel="noopener noreferrer"
                target="_blank"
                className="text-brand-700 underline underline-offset-2 dark:text-brand-100"
              >
                Open the material<span className="sr-only"> for {item.title} (opens in a new tab)</span>
              </a>
            </p>
          )}
        </div>
        <form action={action} className="print:hidden">
          <input type="hidden" name="planId" value={planId} />
          <input type="hidden" name="moduleId" value={item.moduleId} />
          <input type="hidden" name="done" value={item.isDone ? "0" : "1"} />
          <button
            type="submit"
            className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium hover:border-brand-600 dark:border-slate-600"
          >
            {item.isDone ? "Mark not done" : "Mark done"}
            <span className="sr-only">: {item.title}</span>
          </button>
        </form>
      </div>
    </li>
  );
}

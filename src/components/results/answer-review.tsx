import type { ReactNode } from "react";
import type { ReviewItem } from "@/server/results";
import { SanitizedMarkdown } from "@/components/ui/markdown";

const OUTCOME = {
  correct: { label: "Right", className: "text-emerald-800 dark:text-emerald-300" },
  incorrect: { label: "Wrong", className: "text-rose-800 dark:text-rose-300" },
  dontKnow: { label: "You said you didn’t know", className: "text-slate-700 dark:text-slate-300" },
} as const;

/**
 * Code in the review wraps instead of scrolling sideways, so a phone shows all of it: a code block
 * keeps its line breaks and indentation but breaks a line that is too long (WCAG 1.4.10 reflow),
 * and a long identifier in inline code may break anywhere rather than push the page wider. On a
 * phone the code is set a size smaller, so most lines still fit whole.
 */
const WRAP_CODE =
  "[&_pre]:whitespace-break-spaces [&_pre]:[overflow-wrap:anywhere] [&_pre]:overflow-x-visible [&_code]:[overflow-wrap:anywhere] [&_pre]:px-3 [&_pre]:text-xs sm:[&_pre]:px-4 sm:[&_pre]:text-sm";

/**
 * Every answered question with the correct answer and why, options in the order this person saw
 * them: shown only once the attempt is finished and any team round or cohort window has closed.
 */
export function AnswerReview({
  items,
  renderReport,
}: {
  items: ReviewItem[];
  renderReport: (questionId: string) => ReactNode;
}) {
  return (
    <ol className={`space-y-8 ${WRAP_CODE}`}>
      {items.map((item) => (
        <li
          key={item.questionId}
          id={`review-${item.position}`}
          className="min-w-0 scroll-mt-6 rounded-xl border border-slate-200 p-4 sm:p-5 dark:border-slate-800"
        >
          <h3 className="flex flex-wrap items-baseline gap-x-3 text-base font-semibold">
            <span>Question {item.position}</span>
            <span className="text-sm font-normal text-slate-600 dark:text-slate-400">{item.skillTitle}</span>
            <span className={`text-sm ${OUTCOME[item.outcome].className}`}>
              {OUTCOME[item.outcome].label}
            </span>
          </h3>
          {item.isRemoved ? (
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
              This question has since been removed from the bank; your answer still counts as it was scored.
            </p>
          ) : (
            <>
              <SanitizedMarkdown html={item.stemHtml} className="mt-3" />
              {item.isChoiceRevised && (
                <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
                  The option you chose has since been revised, so it is not among the options below; your
                  answer still counts as it was scored.
                </p>
              )}
              <ol className="mt-3 space-y-1.5">
                {item.options.map((option, index) => (
                  <li
                    key={option.id}
                    className={`grid grid-cols-[1.25rem_minmax(0,1fr)] gap-x-2 gap-y-1 rounded-md border p-2 text-sm sm:grid-cols-[1.25rem_9rem_minmax(0,1fr)] ${option.isKey ? "border-emerald-600" : "border-slate-200 dark:border-slate-800"}`}
                  >
                    <span aria-hidden="true" className="text-xs text-slate-500 tabular-nums">
                      {index + 1}.
                    </span>
                    {/* On a phone the label sits above the option text, which keeps the full width. */}
                    <span
                      className={`text-xs font-medium ${option.isKey || option.isChosen ? "" : "hidden sm:block"}`}
                    >
                      {option.isKey && "✓ Correct answer"}
                      {option.isKey && option.isChosen && <br />}
                      {option.isChosen && "Your choice"}
                    </span>
                    <span
                      className={`prose prose-sm prose-slate max-w-none min-w-0 prose-p:my-0 dark:prose-invert ${option.isKey || option.isChosen ? "col-start-2 sm:col-start-auto" : ""}`}
                      dangerouslySetInnerHTML={{ __html: option.html }}
                    />
                  </li>
                ))}
              </ol>
              <div className="mt-4 border-l-4 border-slate-200 pl-4 dark:border-slate-700">
                <p className="text-sm font-semibold">Why</p>
                <SanitizedMarkdown html={item.explanationHtml} className="mt-1 prose-sm" />
              </div>
              {renderReport(item.questionId)}
            </>
          )}
        </li>
      ))}
    </ol>
  );
}

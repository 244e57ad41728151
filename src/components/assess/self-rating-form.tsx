import Link from "next/link";
import { ChoiceGroup } from "@/components/forms/choice-group";
import type { SelfRatingView } from "@/server/assessment/self-rating-step";
import { FocusOnOpen } from "./quiz-question";

const HEADING_ID = "self-rating-heading";

/** Must equal NOT_SURE in self-rating-step.ts (a server value; components import types only). */
const NOT_SURE = "unsure";

/**
 * The self-rating screen before the first question: one radio group per required skill, whose
 * options are the skill's level descriptors, shortened (the skill page has them in full), plus
 * "Not sure", which is chosen until the person picks a level. A plain form posting to a server
 * action, so it works without JavaScript; arrow keys move within a group and Tab between groups.
 * Rendered on the server: only FocusOnOpen (shared with the questions) runs in the browser. A refused submission comes back
 * as `error` (the action redirects here with it), said above the skills.
 */
export function SelfRatingForm({
  view,
  action,
  error,
}: {
  view: SelfRatingView;
  action: (form: FormData) => Promise<void>;
  error: string | null;
}) {
  return (
    <form id="self-rating-form" action={action} className="space-y-6">
      <FocusOnOpen id={HEADING_ID} />
      <input type="hidden" name="attemptId" value={view.attemptId} />
      <div className="space-y-2">
        <h1 id={HEADING_ID} tabIndex={-1} className="text-2xl font-semibold tracking-tight">
          Before the questions: where do you stand?
        </h1>
        <p className="max-w-3xl text-slate-700 dark:text-slate-300">
          For each skill {view.targetTitle} requires, pick the level that describes you, or leave it at “Not
          sure”. It takes about a minute. The questions then check your ratings — the quiz starts from what
          you say, and your results show where your answers and your ratings differ. Only you see them.
        </p>
      </div>
      {error && (
        <p role="alert" className="font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      <div className="grid gap-x-8 gap-y-6 lg:grid-cols-2">
        {view.skills.map((skill) => (
          <div
            key={skill.skillId}
            className="min-w-0 rounded-xl border border-slate-200 p-4 dark:border-slate-800"
          >
            <ChoiceGroup
              id={`rate-${skill.skillId}`}
              name={`rating-${skill.skillId}`}
              legend={skill.title}
              value={NOT_SURE}
              options={[
                { value: NOT_SURE, label: "Not sure" },
                ...skill.levels.map((level) => ({
                  value: String(level.level),
                  label: `${level.level} ${level.name}: ${level.descriptor}`,
                })),
              ]}
              hint={`${skill.isCore ? "Core" : "Supporting"} skill; the role asks for level ${skill.targetLevel}.`}
            />
            <p className="mt-1 text-sm">
              <Link
                href={`/skills/${skill.skillId}`}
                target="_blank"
                className="text-brand-700 underline underline-offset-2 dark:text-brand-300"
              >
                Every level of {skill.title} in full
                <span className="sr-only"> (opens in a new tab)</span>
              </Link>
            </p>
          </div>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          className="rounded-lg bg-brand-700 px-5 py-2.5 font-semibold text-white shadow-sm hover:bg-brand-800"
        >
          Save and start the questions
        </button>
        <button
          type="submit"
          name="skip"
          value="1"
          className="rounded-lg border border-slate-300 px-5 py-2.5 font-medium hover:border-brand-600 dark:border-slate-600"
        >
          Skip this step
        </button>
      </div>
    </form>
  );
}

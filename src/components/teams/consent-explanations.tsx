/** The two choices every member makes, in plain words; the join page and the consent form share them. */
export const AGGREGATE_CHOICE = {
  label: "Count my results in the team's anonymous aggregates",
  explanation:
    "On unless you turn it off. Your latest team assessment is added to team-wide counts (how many people are at each level, who meets the target) without your name. Team numbers appear only when at least 5 members who allow it have finished, and owners' and managers' own results never count, so nobody can work out one person's result.",
} as const;

export const INDIVIDUAL_CHOICE = {
  label: "Show my individual results to the team's managers",
  explanation:
    "Off unless you turn it on. Managers then see your name with your readiness and level per skill, and every time they look it is listed for you under “Who viewed my individual results”. Declining costs you nothing: you keep your own results, plan and the team's assessment either way.",
} as const;

export function ConsentExplanations() {
  return (
    <dl className="space-y-4">
      {[AGGREGATE_CHOICE, INDIVIDUAL_CHOICE].map((choice) => (
        <div key={choice.label}>
          <dt className="font-semibold">{choice.label}</dt>
          <dd className="mt-1 text-slate-700 dark:text-slate-300">{choice.explanation}</dd>
        </div>
      ))}
    </dl>
  );
}

import { ActionButton } from "@/components/forms/action-button";
import type { FormAction } from "@/components/forms/form-status";
import { levelName } from "@/domain/levels";
import { AddRuleForm, type RuleSkill } from "./add-rule-form";

interface RuleView {
  id: string;
  skillTitle: string;
  moduleTitle: string;
  belowLevel: number | null;
  pMeetsBelow: number | null;
  dueDays: number;
  appliedAt: Date | null;
}

/** Rules, the preview of what applying them adds, and the Apply button. */
export function RulesSection({
  cohortId,
  rules,
  previewText,
  canApply,
  isOpen,
  skills,
  actions,
}: {
  cohortId: string;
  rules: RuleView[];
  previewText: string;
  canApply: boolean;
  isOpen: boolean;
  /** Skills with the modules that teach them, for the add-rule form. */
  skills: RuleSkill[];
  actions: { add: FormAction; remove: FormAction; apply: FormAction };
}) {
  const appliedStamp = String(Math.max(0, ...rules.map((rule) => rule.appliedAt?.getTime() ?? 0)));
  return (
    <section
      aria-labelledby="rules"
      className="space-y-4 rounded-2xl border border-slate-200 p-4 sm:p-6 dark:border-slate-800"
    >
      <h2 id="rules" className="text-xl font-semibold tracking-tight">
        Assignment rules
      </h2>
      {rules.length === 0 ? (
        <p className="text-sm">No rules yet.</p>
      ) : (
        <ul className="space-y-2 text-sm">
          {rules.map((rule) => (
            <li key={rule.id} className="flex flex-wrap items-center gap-3">
              <span>
                If <strong>{rule.skillTitle}</strong> is{" "}
                {rule.belowLevel !== null
                  ? `below level ${rule.belowLevel} (${levelName(rule.belowLevel)})`
                  : `below a ${Math.round((rule.pMeetsBelow ?? 0) * 100)} % chance of meeting the target`}
                , assign <strong>{rule.moduleTitle}</strong>, due {rule.dueDays} days after the result.
                {rule.appliedAt ? " Applied." : " Not applied yet."}
              </span>
              {isOpen && (
                <ActionButton
                  action={actions.remove}
                  fields={{ cohortId, ruleId: rule.id }}
                  label="Remove rule"
                />
              )}
            </li>
          ))}
        </ul>
      )}
      <div
        role="region"
        aria-label="Preview"
        className="rounded-lg border border-slate-300 p-3 text-sm dark:border-slate-700"
      >
        <p>
          <strong>Preview against current results:</strong> {previewText}
        </p>
      </div>
      {isOpen && rules.length > 0 && (
        <div className="space-y-1">
          {/* Stays mounted when there is nothing left to apply, so it keeps saying what it just did. */}
          <ActionButton
            action={actions.apply}
            fields={{ cohortId }}
            label="Apply the rules"
            pendingLabel="Applying…"
            disabled={!canApply}
            describedBy={canApply ? undefined : "nothing-to-apply"}
          />
          {!canApply && (
            <p id="nothing-to-apply" className="text-sm">
              Nothing to apply: every rule is applied, and learners who finish later get them automatically.
            </p>
          )}
        </div>
      )}
      {isOpen && (
        <>
          <h3 className="text-lg font-semibold">Add a rule</h3>
          {/* Applying starts the form afresh, so its "Rule added" notice does not outlive the rule's preview. */}
          <AddRuleForm key={appliedStamp} action={actions.add} cohortId={cohortId} skills={skills} />
        </>
      )}
    </section>
  );
}

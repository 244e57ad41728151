"use client";

import { useActionState, useState } from "react";
import { inputClass, secondaryButtonClass, type FormState } from "@/components/forms/form-state";
import {
  FieldError,
  FormStatus,
  fieldErrorOf,
  valueOf,
  type FormAction,
} from "@/components/forms/form-status";
import { LEVEL_NAMES } from "@/domain/levels";

export interface RuleSkill {
  id: string;
  title: string;
  /** The modules that teach this skill (content/modules front matter). */
  modules: { id: string; title: string }[];
}

const ID = "add-rule";
const LEVELS = [1, 2, 3, 4] as const;

/**
 * The staff's "Add a rule" form. The module list follows the chosen skill: only modules that teach
 * it are offered (without JavaScript they are grouped by skill, and the server refuses a module that
 * does not teach the skill). The threshold has one field per condition — a level 1–4 by name, or a
 * chance typed in percent — and CSS shows only the chosen condition's field, with or without
 * JavaScript.
 */
export function AddRuleForm({
  action,
  cohortId,
  skills,
}: {
  action: FormAction;
  cohortId: string;
  skills: RuleSkill[];
}) {
  const [state, formAction, isPending] = useActionState<FormState, FormData>(action, null);
  // Each answer from the server starts the fields afresh from what it sent back, selects included
  // (a form reset alone would put a select back to its first default, not the refused value).
  const [answers, setAnswers] = useState({ state, count: 0 });
  if (answers.state !== state) setAnswers({ state, count: answers.count + 1 });
  return (
    <form action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="cohortId" value={cohortId} />
      <RuleFields key={answers.count} state={state} skills={skills} />
      <button type="submit" disabled={isPending} className={secondaryButtonClass}>
        {isPending ? "Saving…" : "Add rule"}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

function RuleFields({ state, skills }: { state: FormState; skills: RuleSkill[] }) {
  const [skillId, setSkillId] = useState(valueOf(state, "skillId"));
  const skill = skills.find((entry) => entry.id === skillId);

  const describedBy = (name: string, hint: boolean) =>
    [hint ? `${ID}-${name}-hint` : "", fieldErrorOf(state, name) ? `${ID}-${name}-error` : ""]
      .filter(Boolean)
      .join(" ") || undefined;
  const common = (name: string, hint = false) =>
    ({
      id: `${ID}-${name}`,
      name,
      "aria-invalid": fieldErrorOf(state, name) ? true : undefined,
      "aria-describedby": describedBy(name, hint),
      className: inputClass,
    }) as const;
  const label = (name: string, text: string) => (
    <label htmlFor={`${ID}-${name}`} className="block text-sm font-medium">
      {text}
    </label>
  );
  const hint = (name: string, text: string) => (
    <p id={`${ID}-${name}-hint`} className="mt-1 text-sm text-slate-600 dark:text-slate-400">
      {text}
    </p>
  );
  const error = (name: string) => <FieldError id={`${ID}-${name}-error`} error={fieldErrorOf(state, name)} />;

  return (
    <>
      {/* `group/rule` lets the threshold fields follow the chosen condition in CSS alone. */}
      <div className="group/rule grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <div>
          {label("skillId", "Skill")}
          <select
            {...common("skillId")}
            defaultValue={valueOf(state, "skillId")}
            onChange={(event) => setSkillId(event.target.value)}
          >
            <option value="">Choose a skill</option>
            {skills.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.title}
              </option>
            ))}
          </select>
          {error("skillId")}
        </div>
        <div>
          {label("condition", "Condition")}
          <select {...common("condition")} defaultValue={valueOf(state, "condition", "belowLevel")}>
            <option value="belowLevel">Level below</option>
            <option value="pMeetsBelow">Chance of meeting the target below</option>
          </select>
          {error("condition")}
        </div>
        <div className="group-has-[option[value=pMeetsBelow]:checked]/rule:hidden">
          {label("belowLevel", "Level threshold")}
          <select {...common("belowLevel", true)} defaultValue={valueOf(state, "belowLevel", "2")}>
            {LEVELS.map((level) => (
              <option key={level} value={level}>
                {level} · {LEVEL_NAMES[level]}
              </option>
            ))}
          </select>
          {hint("belowLevel", "The rule fires for a learner whose most likely level is below this one.")}
          {error("belowLevel")}
        </div>
        <div className="hidden group-has-[option[value=pMeetsBelow]:checked]/rule:block">
          {label("pMeetsPercent", "Chance threshold, in %")}
          <div className="flex items-center gap-2">
            <input
              {...common("pMeetsPercent", true)}
              type="text"
              inputMode="numeric"
              defaultValue={valueOf(state, "pMeetsPercent", "50")}
            />
            <span aria-hidden="true" className="mt-1 text-base font-medium">
              %
            </span>
          </div>
          {hint("pMeetsPercent", "A whole percentage from 1 to 100: 50 means a 50 % chance.")}
          {error("pMeetsPercent")}
        </div>
        <div>
          {label("moduleId", "Module to assign")}
          <select {...common("moduleId", true)} defaultValue={valueOf(state, "moduleId")}>
            <option value="">Choose a module</option>
            {skill
              ? skill.modules.map((entry) => (
                  <option key={entry.id} value={entry.id}>
                    {entry.title}
                  </option>
                ))
              : skills.map((entry) => (
                  <optgroup key={entry.id} label={entry.title}>
                    {entry.modules.map((module) => (
                      <option key={module.id} value={module.id}>
                        {module.title}
                      </option>
                    ))}
                  </optgroup>
                ))}
          </select>
          {hint(
            "moduleId",
            skill
              ? `Modules that teach ${skill.title}.`
              : "Choose a skill first; modules are listed under the skill they teach.",
          )}
          {error("moduleId")}
        </div>
        <div>
          {label("dueDays", "Due days after the result")}
          <input
            {...common("dueDays")}
            type="number"
            min={1}
            max={365}
            defaultValue={valueOf(state, "dueDays", "14")}
          />
          {error("dueDays")}
        </div>
      </div>
    </>
  );
}

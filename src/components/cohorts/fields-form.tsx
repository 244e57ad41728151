"use client";

import { useActionState, type ReactNode } from "react";
import {
  inputClass,
  primaryButtonClass,
  secondaryButtonClass,
  type FormState,
} from "@/components/forms/form-state";
import { ChoiceGroup } from "@/components/forms/choice-group";
import {
  FieldError,
  FormStatus,
  fieldErrorOf,
  valueOf,
  type FormAction,
} from "@/components/forms/form-status";

/**
 * One cohort form: labelled fields, each with its error under it (aria-describedby), the
 * outcome announced in a status region, and the last values kept when the action refuses them.
 */
export type Field =
  | {
      kind: "text" | "date" | "datetime-local" | "email" | "number";
      name: string;
      label: string;
      hint?: string;
      value?: string;
      step?: string;
    }
  | { kind: "textarea"; name: string; label: string; hint?: string; value?: string; rows?: number }
  | {
      kind: "select";
      name: string;
      label: string;
      hint?: string;
      value?: string;
      options: { value: string; label: string }[];
      placeholder?: string;
    }
  | {
      kind: "radio";
      name: string;
      label: string;
      hint?: string;
      value?: string;
      options: readonly { value: string; label: string }[];
    }
  | { kind: "file"; name: string; label: string; hint?: string; accept?: string };

export function FieldsForm({
  id,
  action,
  hidden = {},
  fields,
  submit,
  pendingLabel = "Saving…",
  isPrimary = false,
  layout = "stack",
  children,
}: {
  id: string;
  action: FormAction;
  hidden?: Record<string, string>;
  fields: Field[];
  submit: string;
  pendingLabel?: string;
  isPrimary?: boolean;
  layout?: "stack" | "grid";
  children?: ReactNode;
}) {
  const [state, formAction, isPending] = useActionState<FormState, FormData>(action, null);
  return (
    <form action={formAction} noValidate className="space-y-4">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className={layout === "grid" ? "grid gap-4 sm:grid-cols-2 lg:grid-cols-3" : "space-y-4"}>
        {fields.map((field) => {
          const inputId = `${id}-${field.name}`;
          const error = fieldErrorOf(state, field.name);
          const describedBy =
            [field.hint ? `${inputId}-hint` : "", error ? `${inputId}-error` : ""]
              .filter(Boolean)
              .join(" ") || undefined;
          const common = {
            id: inputId,
            name: field.name,
            "aria-invalid": error ? true : undefined,
            "aria-describedby": describedBy,
            className: inputClass,
          } as const;
          if (field.kind === "radio")
            return (
              <ChoiceGroup
                key={field.name}
                id={inputId}
                name={field.name}
                legend={field.label}
                options={field.options}
                value={valueOf(state, field.name, field.value ?? "")}
                hint={field.hint}
                error={error}
              />
            );
          return (
            <div
              key={field.name}
              className={
                field.kind === "textarea" && layout === "grid" ? "sm:col-span-2 lg:col-span-3" : undefined
              }
            >
              <label htmlFor={inputId} className="block text-sm font-medium">
                {field.label}
              </label>
              {field.hint && (
                <p id={`${inputId}-hint`} className="text-sm text-slate-600 dark:text-slate-400">
                  {field.hint}
                </p>
              )}
              {field.kind === "textarea" ? (
                <textarea
                  {...common}
                  rows={field.rows ?? 6}
                  defaultValue={valueOf(state, field.name, field.value ?? "")}
                />
              ) : field.kind === "select" ? (
                <select {...common} defaultValue={valueOf(state, field.name, field.value ?? "")}>
                  {field.placeholder !== undefined && <option value="">{field.placeholder}</option>}
                  {field.options.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              ) : field.kind === "file" ? (
                <input {...common} type="file" accept={field.accept} />
              ) : (
                <input
                  {...common}
                  type={field.kind}
                  step={field.step}
                  defaultValue={valueOf(state, field.name, field.value ?? "")}
                />
              )}
              <FieldError id={`${inputId}-error`} error={error} />
            </div>
          );
        })}
      </div>
      {children}
      <button
        type="submit"
        disabled={isPending}
        className={isPrimary ? primaryButtonClass : secondaryButtonClass}
      >
        {isPending ? pendingLabel : submit}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

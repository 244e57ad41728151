import { FieldError } from "./form-status";

export interface Choice {
  value: string;
  label: string;
}

/**
 * One choice among a few, as radio buttons in a fieldset: every label reads in full at any width,
 * where a phone-width select cut a long choice off mid-word. The hint, or the error in its place,
 * describes the group.
 */
export function ChoiceGroup({
  id,
  name,
  legend,
  options,
  value,
  hint,
  error,
}: {
  id: string;
  name: string;
  legend: string;
  options: readonly Choice[];
  value: string;
  hint?: string;
  error?: string;
}) {
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <fieldset id={id} aria-describedby={describedBy}>
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="mt-1 space-y-1">
        {options.map((option) => (
          <label key={option.value} className="flex items-start gap-2 py-1">
            <input
              type="radio"
              name={name}
              value={option.value}
              defaultChecked={value === option.value}
              className="mt-1 h-4 w-4 shrink-0 accent-brand-700"
            />
            {option.label}
          </label>
        ))}
      </div>
      {error ? (
        <FieldError id={`${id}-error`} error={error} />
      ) : (
        hint && (
          <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            {hint}
          </p>
        )
      )}
    </fieldset>
  );
}

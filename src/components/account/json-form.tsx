"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent, type ReactNode } from "react";

/**
 * A form that sends its fields as JSON to one of Waypoint's route handlers and shows what comes
 * back: field errors next to their inputs, a form-level message (including "try again in …" on
 * 429), or on success a redirect (and a refresh so the header shows the new session).
 */
export interface JsonField {
  name: string;
  label: string;
  type?: "text" | "email" | "password" | "number" | "hidden";
  autoComplete?: string;
  hint?: string;
  defaultValue?: string;
  isRequired?: boolean;
  options?: readonly { value: string; label: string }[];
}

interface Answer {
  error?: string;
  fieldErrors?: Record<string, string>;
  message?: string;
}

const inputClass =
  "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base shadow-sm dark:border-slate-600 dark:bg-slate-900 aria-[invalid=true]:border-red-600";

export function JsonForm({
  endpoint,
  method = "POST",
  fields,
  submitLabel,
  successHref,
  successMessage,
  numericFields = [],
  children,
}: {
  endpoint: string;
  method?: "POST" | "PATCH";
  fields: readonly JsonField[];
  submitLabel: string;
  /** Where to go after success; without it the form stays and shows `successMessage` (or the server's). */
  successHref?: string;
  successMessage?: string;
  numericFields?: readonly string[];
  children?: ReactNode;
}) {
  const router = useRouter();
  const formId = useId();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const [isPending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const body: Record<string, string | number> = {};
    for (const field of fields) {
      const value = String(data.get(field.name) ?? "");
      body[field.name] =
        numericFields.includes(field.name) && value.trim() !== "" && Number.isFinite(Number(value))
          ? Number(value)
          : value;
    }
    setPending(true);
    setStatus(null);
    try {
      const response = await fetch(endpoint, {
        method,
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
        credentials: "same-origin",
      });
      const answer = (await response.json().catch(() => ({}))) as Answer;
      if (!response.ok) {
        setErrors(answer.fieldErrors ?? {});
        setStatus({ kind: "error", text: answer.error ?? "Something went wrong. Please try again." });
        return;
      }
      setErrors({});
      if (successHref) {
        router.push(successHref);
        router.refresh();
        return;
      }
      setStatus({ kind: "success", text: successMessage ?? answer.message ?? "Saved." });
      (event.target as HTMLFormElement)
        .querySelectorAll<HTMLInputElement>("input[type=password]")
        .forEach((input) => (input.value = ""));
      router.refresh();
    } catch {
      setStatus({
        kind: "error",
        text: "The server could not be reached. Check your connection and try again.",
      });
    } finally {
      setPending(false);
    }
  }

  const formError = errors.form;
  return (
    <form onSubmit={submit} noValidate className="max-w-md space-y-4" aria-busy={isPending}>
      <div aria-live="polite" role="status">
        {status && (
          <p
            className={
              status.kind === "error"
                ? "font-medium text-red-700 dark:text-red-400"
                : "font-medium text-emerald-800 dark:text-emerald-300"
            }
          >
            {status.text}
            {formError && formError !== status.text ? ` ${formError}` : ""}
          </p>
        )}
      </div>
      {fields.map((field) => {
        const id = `${formId}-${field.name}`;
        const error = errors[field.name];
        const describedBy =
          [field.hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
        if (field.type === "hidden")
          return <input key={field.name} type="hidden" name={field.name} defaultValue={field.defaultValue} />;
        return (
          <div key={field.name}>
            <label htmlFor={id} className="block text-sm font-medium">
              {field.label}
            </label>
            {field.hint && (
              <p id={`${id}-hint`} className="text-sm text-slate-600 dark:text-slate-400">
                {field.hint}
              </p>
            )}
            {field.options ? (
              <select
                id={id}
                name={field.name}
                defaultValue={field.defaultValue ?? ""}
                aria-invalid={Boolean(error)}
                aria-describedby={describedBy}
                className={inputClass}
              >
                {field.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={id}
                name={field.name}
                type={field.type ?? "text"}
                autoComplete={field.autoComplete}
                defaultValue={field.defaultValue}
                required={field.isRequired ?? true}
                aria-invalid={Boolean(error)}
                aria-describedby={describedBy}
                className={inputClass}
              />
            )}
            {error && (
              <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">
                {error}
              </p>
            )}
          </div>
        );
      })}
      {children}
      <button
        type="submit"
        disabled={isPending}
        className="rounded-lg bg-brand-700 px-5 py-2.5 font-semibold text-white shadow-sm hover:bg-brand-800 disabled:opacity-60"
      >
        {isPending ? "Working…" : submitLabel}
      </button>
    </form>
  );
}

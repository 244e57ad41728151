interface RoleOption {
  id: string;
  title: string;
}

export interface RolePickerErrors {
  from?: string | undefined;
  to?: string | undefined;
}

const selectClass =
  "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base shadow-sm dark:border-slate-600 dark:bg-slate-900 aria-[invalid=true]:border-red-600";

/**
 * Choose where you are and where you want to go. A plain GET form: it works without JavaScript
 * and the resulting URL can be bookmarked or shared.
 */
export function RolePicker({
  roles,
  from = "",
  to = "",
  errors = {},
}: {
  roles: RoleOption[];
  from?: string;
  to?: string;
  errors?: RolePickerErrors;
}) {
  return (
    <form
      action="/transitions"
      method="get"
      noValidate
      className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
    >
      <RoleSelect name="from" label="Your current role" roles={roles} value={from} error={errors.from} />
      <RoleSelect name="to" label="Role you want to move into" roles={roles} value={to} error={errors.to} />
      <button
        type="submit"
        className="rounded-lg bg-brand-700 px-5 py-2.5 font-semibold text-white shadow-sm hover:bg-brand-800"
      >
        Compare roles
      </button>
    </form>
  );
}

export function RoleSelect({
  name,
  label,
  roles,
  value,
  error,
  placeholder = "Choose a role…",
  isRequired = true,
  id = name,
}: {
  id?: string;
  name: string;
  label: string;
  roles: RoleOption[];
  value: string;
  error?: string | undefined;
  placeholder?: string;
  isRequired?: boolean;
}) {
  const errorId = `${id}-error`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={value}
        required={isRequired}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={selectClass}
      >
        <option value="">{placeholder}</option>
        {roles.map((role) => (
          <option key={role.id} value={role.id}>
            {role.title}
          </option>
        ))}
      </select>
      {error && (
        <p id={errorId} className="mt-1 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

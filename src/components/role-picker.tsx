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
    <form action="/transitions" method="get" noValidate className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
      <div>
        <label htmlFor="from" className="block text-sm font-medium">
          Your current role
        </label>
        <select
          id="from"
          name="from"
          defaultValue={from}
          required
          aria-invalid={errors.from ? true : undefined}
          aria-describedby={errors.from ? "from-error" : undefined}
          className={selectClass}
        >
          <option value="">Choose a role…</option>
          {roles.map((role) => (
            <option key={role.id} value={role.id}>
              {role.title}
            </option>
          ))}
        </select>
        {errors.from && (
          <p id="from-error" className="mt-1 text-sm text-red-700 dark:text-red-400">
            {errors.from}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="to" className="block text-sm font-medium">
          Role you want to move into
        </label>
        <select
          id="to"
          name="to"
          defaultValue={to}
          required
          aria-invalid={errors.to ? true : undefined}
          aria-describedby={errors.to ? "to-error" : undefined}
          className={selectClass}
        >
          <option value="">Choose a role…</option>
          {roles.map((role) => (
            <option key={role.id} value={role.id}>
              {role.title}
            </option>
          ))}
        </select>
        {errors.to && (
          <p id="to-error" className="mt-1 text-sm text-red-700 dark:text-red-400">
            {errors.to}
          </p>
        )}
      </div>
      <button
        type="submit"
        className="rounded-lg bg-brand-700 px-5 py-2.5 font-semibold text-white shadow-sm hover:bg-brand-800"
      >
        Compare roles
      </button>
    </form>
  );
}

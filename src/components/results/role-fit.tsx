import Link from "next/link";
import type { ResultsView } from "@/server/results";
import { percent } from "./chance";

/** Fit for every role from the same answers, best first. */
export function RoleFitList({ roles, fromId }: { roles: ResultsView["roles"]; fromId: string | null }) {
  return (
    <ol className="space-y-2">
      {roles.map((role) => (
        <li
          key={role.roleId}
          className="grid grid-cols-[minmax(0,14rem)_1fr_auto] items-center gap-3 text-sm"
        >
          <span className="font-medium">
            <Link
              href={
                fromId && fromId !== role.roleId
                  ? `/transitions/${fromId}/${role.roleId}`
                  : `/roles/${role.roleId}`
              }
              className="underline-offset-2 hover:underline"
            >
              {role.title}
            </Link>
            {role.isTarget && (
              <span className="ml-2 text-xs text-slate-600 dark:text-slate-400">(target)</span>
            )}
            {role.isCurrent && (
              <span className="ml-2 text-xs text-slate-600 dark:text-slate-400">(current)</span>
            )}
          </span>
          <span aria-hidden="true" className="h-2.5 overflow-hidden rounded bg-slate-200 dark:bg-slate-700">
            <span className="block h-full bg-brand-600" style={{ width: `${Math.round(role.fit * 100)}%` }} />
          </span>
          <span className="whitespace-nowrap tabular-nums">
            fit {percent(role.fit)} · ready {percent(role.readiness)}
          </span>
        </li>
      ))}
    </ol>
  );
}

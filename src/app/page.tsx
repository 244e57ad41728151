import Link from "next/link";
import { RoleCard } from "@/components/role-card";
import { RolePicker } from "@/components/role-picker";
import { listRoles } from "@/server/catalog/roles";
import { listCommonTransitions } from "@/server/catalog/transitions";
import { StartAssessmentForm } from "@/components/assess/start-form";
import { getEngine } from "@/server/assessment/engine";
import { quizLengthHints } from "@/server/assessment/lengths";
import { startAssessmentAction } from "./assess/actions";

export default async function HomePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const roles = listRoles();
  const common = listCommonTransitions();
  const isAccountDeleted = (await searchParams).deleted === "1";
  return (
    <div className="space-y-14">
      {isAccountDeleted && (
        <p
          role="status"
          className="rounded-lg border border-emerald-300 bg-emerald-50 p-3 font-medium text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
        >
          Your account and everything in it were deleted. You are signed out.
        </p>
      )}
      <section aria-labelledby="hero-title" className="max-w-3xl">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700 dark:text-brand-100">
          Waypoint
        </p>
        <h1 id="hero-title" className="mt-2 text-4xl font-bold tracking-tight sm:text-5xl">
          How ready are you for the AI/ML role you want next?
        </h1>
        <p className="mt-4 text-lg text-slate-700 dark:text-slate-300">
          Waypoint maps what each role in data and machine learning asks of you, skill by skill and level by
          level. Pick the role you have and the one you are aiming for: you will see what carries over, what
          has to grow, what is new, and the learning modules that close the gap.
        </p>
      </section>

      <section aria-labelledby="start-title" className="rounded-2xl border-2 border-brand-600 p-6">
        <h2 id="start-title" className="mb-4 text-xl font-semibold">
          Measure your readiness
        </h2>
        <StartAssessmentForm
          roles={roles}
          lengths={quizLengthHints(getEngine())}
          action={startAssessmentAction}
        />
      </section>

      <section
        aria-labelledby="pick-title"
        className="rounded-2xl border border-slate-200 bg-slate-50 p-6 dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="pick-title" className="mb-4 text-xl font-semibold">
          Compare your role with your target
        </h2>
        <RolePicker roles={roles} />
        {common.length > 0 && (
          <div className="mt-5 text-sm">
            <h3 className="font-medium text-slate-700 dark:text-slate-300">Common moves</h3>
            <ul className="mt-2 flex flex-wrap gap-2">
              {common.map(({ from, to }) => (
                <li key={`${from.id}-${to.id}`}>
                  <Link
                    href={`/transitions/${from.id}/${to.id}`}
                    className="inline-block rounded-full border border-slate-300 bg-white px-3 py-1 hover:border-brand-600 dark:border-slate-600 dark:bg-slate-950"
                  >
                    {from.title} → {to.title}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>

      <section aria-labelledby="roles-title">
        <h2 id="roles-title" className="text-2xl font-semibold tracking-tight">
          Roles
        </h2>
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {roles.map((role) => (
            <RoleCard key={role.id} role={role} headingLevel="h3" />
          ))}
        </ul>
      </section>
    </div>
  );
}

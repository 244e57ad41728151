import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LevelBadge } from "@/components/ui/level-badge";
import { PageHeader } from "@/components/ui/page-header";
import { findTransition, type TransitionRow } from "@/server/catalog/transitions";

interface Props {
  params: Promise<{ from: string; to: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { from, to } = await params;
  const view = findTransition(from, to);
  return { title: view ? `${view.from.title} → ${view.to.title}` : "Transition not found" };
}

function formatHours(hours: number): string {
  return `${Number.isInteger(hours) ? hours : hours.toFixed(1)} h`;
}

function GapTable({
  id,
  title,
  description,
  rows,
  showFrom,
}: {
  id: string;
  title: string;
  description: string;
  rows: TransitionRow[];
  showFrom: boolean;
}) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-xl font-semibold tracking-tight">
        {title}{" "}
        <span className="text-base font-normal text-slate-600 dark:text-slate-400">({rows.length})</span>
      </h2>
      <p className="text-sm text-slate-700 dark:text-slate-300">{description}</p>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">None.</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 dark:border-slate-800">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-600 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  Skill
                </th>
                {showFrom && (
                  <th scope="col" className="px-4 py-2 font-medium">
                    Current role expects
                  </th>
                )}
                <th scope="col" className="px-4 py-2 font-medium">
                  Target needs
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Modules to close the gap
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {rows.map((row) => (
                <tr key={row.skillId} className="align-top">
                  <th scope="row" className="px-4 py-3 font-medium">
                    <Link
                      href={`/skills/${row.skillId}`}
                      className="text-brand-700 underline-offset-2 hover:underline dark:text-brand-100"
                    >
                      {row.skillTitle}
                    </Link>
                    <span className="ml-2 text-xs font-normal text-slate-600 dark:text-slate-400">
                      {row.weight}
                    </span>
                  </th>
                  {showFrom && (
                    <td className="px-4 py-3">
                      <LevelBadge level={row.fromLevel} />
                    </td>
                  )}
                  <td className="px-4 py-3">
                    <LevelBadge level={row.toLevel} />
                  </td>
                  <td className="px-4 py-3">
                    {row.status === "carries-over" ? (
                      <span className="text-slate-600 dark:text-slate-400">Nothing to add</span>
                    ) : row.isUncovered ? (
                      <span>No module covers this gap yet</span>
                    ) : (
                      <ul className="space-y-1">
                        {row.modules.map((mod) => (
                          <li key={mod.id}>
                            {mod.title}{" "}
                            <span className="text-slate-600 dark:text-slate-400">
                              ({formatHours(mod.hours)}, {mod.format})
                            </span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export default async function TransitionPage({ params }: Props) {
  const { from, to } = await params;
  const view = findTransition(from, to);
  if (!view) notFound();
  const growing = view.mustGrow.length + view.isNew.length;

  return (
    <>
      <PageHeader
        title={`${view.from.title} → ${view.to.title}`}
        lead={`What someone who meets the ${view.from.title} profile brings to ${view.to.title}, and what they need to learn.`}
        crumbs={[{ href: "/transitions", label: "Transitions" }]}
      >
        <p className="mt-4">
          <Link
            href={`/assess?from=${view.from.id}&to=${view.to.id}`}
            className="inline-block rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
          >
            Measure my readiness for this move
          </Link>
          <span className="ml-3 text-sm text-slate-600 dark:text-slate-400">
            This page is the profile; the quiz measures you.
          </span>
        </p>
      </PageHeader>
      <dl className="mb-10 grid gap-4 sm:grid-cols-4">
        {[
          { label: "Carry over", value: String(view.carriesOver.length) },
          { label: "Must grow", value: String(view.mustGrow.length) },
          { label: "New skills", value: String(view.isNew.length) },
          { label: "Module hours to close the gap", value: formatHours(view.totalHours) },
        ].map((stat) => (
          <div key={stat.label} className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
            <dt className="text-sm text-slate-600 dark:text-slate-400">{stat.label}</dt>
            <dd className="mt-1 text-2xl font-semibold">{stat.value}</dd>
          </div>
        ))}
      </dl>
      {view.uncoveredCount > 0 && (
        <p className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          {view.uncoveredCount} gap{view.uncoveredCount === 1 ? " has" : "s have"} no module yet, so the hours
          above undercount.
        </p>
      )}
      <div className="space-y-10">
        <GapTable
          id="must-grow"
          title="Must grow"
          description={`Skills ${view.from.title}s already use, needed at a higher level.`}
          rows={view.mustGrow}
          showFrom
        />
        <GapTable
          id="new"
          title="New skills"
          description={`Skills the ${view.from.title} profile does not include.`}
          rows={view.isNew}
          showFrom={false}
        />
        <GapTable
          id="carries-over"
          title="Carries over"
          description="Skills the current role already needs at the target's level or above."
          rows={view.carriesOver}
          showFrom
        />
        {view.leftBehind.length > 0 && (
          <section aria-labelledby="left-behind" className="space-y-2">
            <h2 id="left-behind" className="text-xl font-semibold tracking-tight">
              Not needed in the new role
            </h2>
            <p className="text-sm text-slate-700 dark:text-slate-300">
              {view.leftBehind.map((skill, index) => (
                <span key={skill.id}>
                  {index > 0 && ", "}
                  <Link
                    href={`/skills/${skill.id}`}
                    className="text-brand-700 underline-offset-2 hover:underline dark:text-brand-100"
                  >
                    {skill.title}
                  </Link>
                </span>
              ))}
            </p>
          </section>
        )}
      </div>
      <p className="mt-10 text-sm text-slate-700 dark:text-slate-300">
        {growing === 0
          ? "The profiles say you already meet every requirement."
          : "This compares role profiles, not you: people rarely match their role's profile exactly. A personal assessment that measures your own levels is on its way."}{" "}
        <Link href={`/roles/${view.to.id}`} className="text-brand-700 underline dark:text-brand-100">
          Read about the {view.to.title} role
        </Link>
        .
      </p>
    </>
  );
}

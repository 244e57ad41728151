import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { LevelBadge } from "@/components/ui/level-badge";
import { SanitizedMarkdown } from "@/components/ui/markdown";
import { PageHeader } from "@/components/ui/page-header";
import { levelName } from "@/domain/levels";
import { findSkill, formatCategory, type SkillLink } from "@/server/catalog/skills";

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lookup = findSkill((await params).id);
  return { title: lookup.kind === "found" ? lookup.skill.title : "Skill not found" };
}

function SkillList({ skills, empty }: { skills: SkillLink[]; empty: string }) {
  if (skills.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{empty}</p>;
  return (
    <ul className="flex flex-wrap gap-2">
      {skills.map((skill) => (
        <li key={skill.id}>
          <Link
            href={`/skills/${skill.id}`}
            className="inline-block rounded-full border border-slate-300 px-3 py-1 text-sm hover:border-brand-600 dark:border-slate-600"
          >
            {skill.title}
          </Link>
        </li>
      ))}
    </ul>
  );
}

export default async function SkillPage({ params }: Props) {
  const { id } = await params;
  const lookup = findSkill(id);
  if (lookup.kind === "moved") permanentRedirect(`/skills/${lookup.id}`);
  if (lookup.kind === "missing") notFound();
  const { skill } = lookup;

  return (
    <>
      <PageHeader title={skill.title} crumbs={[{ href: "/skills", label: "Skills" }]}>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{formatCategory(skill.category)}</p>
      </PageHeader>
      <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="space-y-10">
          <SanitizedMarkdown html={skill.bodyHtml} />
          <section aria-labelledby="levels">
            <h2 id="levels" className="text-2xl font-semibold tracking-tight">
              Levels
            </h2>
            <dl className="mt-4 divide-y divide-slate-200 rounded-xl border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
              {skill.levels.map((entry) => (
                <div key={entry.level} className="grid gap-1 px-4 py-3 sm:grid-cols-[11rem_1fr]">
                  <dt className="font-medium">
                    {entry.level} · {entry.name}
                  </dt>
                  <dd className="text-slate-700 dark:text-slate-300">{entry.descriptor}</dd>
                </div>
              ))}
            </dl>
          </section>
          <section aria-labelledby="modules">
            <h2 id="modules" className="text-2xl font-semibold tracking-tight">
              Learning modules
            </h2>
            {skill.modules.length === 0 ? (
              <p className="mt-3 text-slate-700 dark:text-slate-300">No module for this skill yet.</p>
            ) : (
              <ul className="mt-4 space-y-3">
                {skill.modules.map((mod) => (
                  <li key={mod.id} className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
                    <p className="font-medium">{mod.title}</p>
                    <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
                      Lifts {levelName(mod.from)} → {levelName(mod.to)} · {mod.hours} h · {mod.format}
                      {mod.url && (
                        <>
                          {" · "}
                          <a
                            href={mod.url}
                            rel="noopener noreferrer"
                            className="text-brand-700 underline dark:text-brand-100"
                          >
                            Resource<span className="sr-only"> for {mod.title}</span>
                          </a>
                        </>
                      )}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <aside className="space-y-8">
          <section aria-labelledby="roles-needing">
            <h2 id="roles-needing" className="text-lg font-semibold">
              Roles that need it
            </h2>
            {skill.roles.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
                No role requires this skill yet.
              </p>
            ) : (
              <ul className="mt-2 space-y-2">
                {skill.roles.map((role) => (
                  <li key={role.id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
                    <Link
                      href={`/roles/${role.id}`}
                      className="text-brand-700 underline-offset-2 hover:underline dark:text-brand-100"
                    >
                      {role.title}
                    </Link>
                    <span className="text-slate-700 dark:text-slate-300">
                      <LevelBadge level={role.level} /> <span className="text-xs">({role.weight})</span>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="prereqs" className="space-y-2">
            <h2 id="prereqs" className="text-lg font-semibold">
              Builds on
            </h2>
            <SkillList skills={skill.prerequisites} empty="No prerequisites: a starting point." />
            {skill.foundations.length > skill.prerequisites.length && (
              <p className="text-xs text-slate-600 dark:text-slate-400">
                All foundations, in learning order: {skill.foundations.map((s) => s.title).join(" → ")}
              </p>
            )}
          </section>
          <section aria-labelledby="dependants" className="space-y-2">
            <h2 id="dependants" className="text-lg font-semibold">
              Leads to
            </h2>
            <SkillList skills={skill.dependants} empty="No skill builds on this one yet." />
          </section>
          <section
            aria-labelledby="questions"
            className="space-y-1 text-sm text-slate-700 dark:text-slate-300"
          >
            <h2 id="questions" className="text-lg font-semibold text-slate-900 dark:text-slate-100">
              Question bank
            </h2>
            <p>
              {skill.questionCount} questions (
              {skill.questionLevels.map((count, index) => `${count} at level ${index + 1}`).join(", ")}).
            </p>
          </section>
        </aside>
      </div>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { formatCategory, listSkillsByCategory } from "@/server/catalog/skills";

export const metadata: Metadata = { title: "Skills" };

export default function SkillsPage() {
  const categories = listSkillsByCategory();
  return (
    <>
      <PageHeader
        title="Skills"
        lead="Every skill is shared by the roles that need it and described at five levels, from none to expert. Within each group, skills come in learning order: foundations first."
      />
      <div className="space-y-10">
        {categories.map((group) => (
          <section key={group.category} aria-labelledby={`cat-${group.category}`}>
            <h2 id={`cat-${group.category}`} className="text-xl font-semibold tracking-tight">
              {formatCategory(group.category)}
            </h2>
            <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {group.skills.map((skill) => (
                <li key={skill.id} className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
                  <h3 className="font-semibold">
                    <Link href={`/skills/${skill.id}`} className="hover:underline">
                      {skill.title}
                    </Link>
                  </h3>
                  <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{skill.level1}</p>
                  <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
                    Needed by {skill.roleCount} {skill.roleCount === 1 ? "role" : "roles"}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}

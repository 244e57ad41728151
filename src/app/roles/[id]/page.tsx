import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { RequirementsTable } from "@/components/requirements-table";
import { SanitizedMarkdown } from "@/components/ui/markdown";
import { PageHeader } from "@/components/ui/page-header";
import { findRole, listRoles } from "@/server/catalog/roles";

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lookup = findRole((await params).id);
  return { title: lookup.kind === "found" ? lookup.role.title : "Role not found" };
}

export default async function RolePage({ params }: Props) {
  const { id } = await params;
  const lookup = findRole(id);
  if (lookup.kind === "moved") permanentRedirect(`/roles/${lookup.id}`);
  if (lookup.kind === "missing") notFound();
  const { role } = lookup;
  const others = listRoles().filter((other) => other.id !== role.id);

  return (
    <>
      <PageHeader title={role.title} lead={role.summary} crumbs={[{ href: "/roles", label: "Roles" }]} />
      <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="space-y-8">
          <section aria-labelledby="requirements" className="space-y-6">
            <h2 id="requirements" className="text-2xl font-semibold tracking-tight">
              What the role requires
            </h2>
            <RequirementsTable
              caption={`Core skills (${role.core.length}) — these decide readiness`}
              rows={role.core}
            />
            {role.supporting.length > 0 && (
              <RequirementsTable
                caption={`Supporting skills (${role.supporting.length})`}
                rows={role.supporting}
              />
            )}
          </section>
          <section aria-label="About the role">
            <SanitizedMarkdown html={role.bodyHtml} />
          </section>
        </div>
        <aside aria-labelledby="move-in" className="space-y-3 lg:sticky lg:top-6 lg:self-start">
          <h2 id="move-in" className="text-lg font-semibold">
            Moving into this role
          </h2>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            See what carries over from the role you have now.
          </p>
          <ul className="space-y-1 text-sm">
            {others.map((other) => (
              <li key={other.id}>
                <Link
                  href={`/transitions/${other.id}/${role.id}`}
                  className="text-brand-700 underline-offset-2 hover:underline dark:text-brand-100"
                >
                  From {other.title}
                </Link>
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </>
  );
}

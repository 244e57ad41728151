import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { listRoles } from "@/server/catalog/roles";

export const metadata: Metadata = { title: "Roles" };

export default function RolesPage() {
  const roles = listRoles();
  return (
    <>
      <PageHeader
        title="Roles"
        lead="Each role lists the skills it needs and the level it needs them at. Core skills decide whether you are ready; supporting skills round the role out."
      />
      <ul className="grid gap-4 sm:grid-cols-2">
        {roles.map((role) => (
          <li key={role.id} className="rounded-xl border border-slate-200 p-5 dark:border-slate-800">
            <h2 className="text-lg font-semibold">
              <Link href={`/roles/${role.id}`} className="hover:underline">
                {role.title}
              </Link>
            </h2>
            <p className="mt-2 text-slate-700 dark:text-slate-300">{role.summary}</p>
            <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">
              {role.skillCount} skills, {role.coreCount} core
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

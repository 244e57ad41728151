import type { Metadata } from "next";
import { RoleCard } from "@/components/role-card";
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
          <RoleCard key={role.id} role={role} headingLevel="h2" />
        ))}
      </ul>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { z } from "zod";
import { RolePicker, type RolePickerErrors } from "@/components/role-picker";
import { PageHeader } from "@/components/ui/page-header";
import { listRoles } from "@/server/catalog/roles";

export const metadata: Metadata = { title: "Transitions" };

const SearchSchema = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
});

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function TransitionsPage({ searchParams }: Props) {
  const roles = listRoles();
  const ids = new Set(roles.map((role) => role.id));
  const parsed = SearchSchema.safeParse(await searchParams);
  const { from = "", to = "" } = parsed.success ? parsed.data : {};
  const submitted = parsed.success && (parsed.data.from !== undefined || parsed.data.to !== undefined);

  const errors: RolePickerErrors = {};
  if (submitted) {
    if (!ids.has(from)) errors.from = "Choose the role you have now.";
    if (!ids.has(to)) errors.to = "Choose the role you want to move into.";
    else if (from === to) errors.to = "Choose a role different from your current one.";
    if (!errors.from && !errors.to) redirect(`/transitions/${from}/${to}`);
  }

  return (
    <>
      <PageHeader
        title="Role transitions"
        lead="Compare any two roles: what carries over, what has to grow, what is new, and how many hours of learning close the gap."
      />
      <section
        aria-label="Choose roles"
        className="rounded-2xl border border-slate-200 bg-slate-50 p-6 dark:border-slate-800 dark:bg-slate-900"
      >
        {submitted && (errors.from || errors.to) && (
          <p role="alert" className="mb-4 font-medium text-red-700 dark:text-red-400">
            Please fix the highlighted fields.
          </p>
        )}
        <RolePicker
          roles={roles}
          from={ids.has(from) ? from : ""}
          to={ids.has(to) ? to : ""}
          errors={errors}
        />
      </section>
      <section aria-labelledby="all" className="mt-10">
        <h2 id="all" className="text-xl font-semibold tracking-tight">
          Every transition
        </h2>
        <div className="mt-4 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
          {roles.map((target) => (
            <div key={target.id}>
              <h3 className="font-medium">Into {target.title}</h3>
              <ul className="mt-1 space-y-0.5 text-sm">
                {roles
                  .filter((source) => source.id !== target.id)
                  .map((source) => (
                    <li key={source.id}>
                      <Link
                        href={`/transitions/${source.id}/${target.id}`}
                        className="text-brand-700 underline-offset-2 hover:underline dark:text-brand-100"
                      >
                        from {source.title}
                      </Link>
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </div>
      </section>
    </>
  );
}

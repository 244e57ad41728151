import type { Metadata } from "next";
import Link from "next/link";
import { cardClass } from "@/components/admin/format";
import { linkClass } from "@/components/forms/form-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/server/identity";
import { openReportCounts } from "@/server/question-reports";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  await requireAdmin();
  const open = [...(await openReportCounts()).values()].reduce((sum, count) => sum + count, 0);
  const sections = [
    {
      href: "/admin/items",
      label: "Items",
      text: "How each question plays in real answers: statistics, flags and option choices by ability group.",
    },
    {
      href: "/admin/reports",
      label: "Problem reports",
      text: open === 1 ? "1 open report." : `${open} open reports.`,
    },
    {
      href: "/admin/people",
      label: "People",
      text: "Find an account by email; grant or revoke administrator and cohort-creator rights.",
    },
    {
      href: "/admin/instance",
      label: "Instance",
      text: "Content hash and counts, database and migrations, mail queue.",
    },
  ];
  return (
    <>
      <PageHeader title="Admin" lead="Run this Waypoint: its content, its people and its machinery." />
      <ul className="grid gap-4 sm:grid-cols-2">
        {sections.map((section) => (
          <li key={section.href} className={cardClass}>
            <h2 className="text-lg font-semibold">
              <Link href={section.href} className={linkClass}>
                {section.label}
              </Link>
            </h2>
            <p className="mt-1 text-sm">{section.text}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

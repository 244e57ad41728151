"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export const ADMIN_SECTIONS = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/items", label: "Items" },
  { href: "/admin/reports", label: "Problem reports" },
  { href: "/admin/people", label: "People" },
  { href: "/admin/instance", label: "Instance" },
] as const;

/** The admin area's sections; the current one is marked for screen readers and by more than colour. */
export function AdminNav() {
  const pathname = usePathname();
  const current = (href: string) =>
    href === "/admin" ? pathname === "/admin" : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <nav aria-label="Admin" className="mb-8 border-b border-slate-200 pb-3 dark:border-slate-800">
      <ul className="flex flex-wrap gap-x-5 gap-y-2 text-sm font-medium">
        {ADMIN_SECTIONS.map((section) => (
          <li key={section.href}>
            <Link
              href={section.href}
              aria-current={current(section.href) ? "page" : undefined}
              className="rounded px-1 py-0.5 text-slate-700 underline-offset-4 hover:text-brand-700 aria-[current=page]:font-semibold aria-[current=page]:text-brand-800 aria-[current=page]:underline dark:text-slate-300 dark:hover:text-brand-100 dark:aria-[current=page]:text-brand-100"
            >
              {section.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

import Link from "next/link";
import type { ReactNode } from "react";

interface Crumb {
  href: string;
  label: string;
}

export function PageHeader({
  title,
  lead,
  crumbs = [],
  children,
}: {
  title: string;
  lead?: ReactNode;
  crumbs?: Crumb[];
  children?: ReactNode;
}) {
  return (
    <header className="mb-8">
      {crumbs.length > 0 && (
        <nav aria-label="Breadcrumb" className="mb-3 text-sm text-slate-600 dark:text-slate-400">
          <ol className="flex flex-wrap gap-1">
            {/* The trail ends with this page (WAI-ARIA breadcrumb pattern): separators only between. */}
            {crumbs.map((crumb) => (
              <li key={crumb.href} className="after:ml-1 after:content-['/']">
                <Link href={crumb.href} className="underline-offset-2 hover:underline">
                  {crumb.label}
                </Link>
              </li>
            ))}
            <li>
              <span aria-current="page">{title}</span>
            </li>
          </ol>
        </nav>
      )}
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{title}</h1>
      {lead && <p className="mt-3 max-w-3xl text-lg text-slate-700 dark:text-slate-300">{lead}</p>}
      {children}
    </header>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/account/sign-out-button";
import { NavMenuButton } from "@/components/nav-menu";
import { isAdministrator } from "@/server/admin/rights";
import { staffsACohort, usesCohorts } from "@/server/cohorts/cohorts";
import { currentUser } from "@/server/identity";
import { managesATeam } from "@/server/teams/teams";
import "./globals.css";

// Content is read at run time (a new role file needs a restart, not a rebuild).
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Waypoint — readiness for your next AI/ML role", template: "%s · Waypoint" },
  description:
    "See which skills your target AI/ML role needs, what carries over from the role you have, and what to learn first.",
};

const NAV = [
  { href: "/assess", label: "Assess" },
  { href: "/roles", label: "Roles" },
  { href: "/skills", label: "Skills" },
  { href: "/transitions", label: "Transitions" },
];

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  // Cohorts only for people who have one or may create one (bootcamp staff and their learners).
  // People who manage a team or staff a cohort have a home listing them; it links to their assessments.
  // The admin area is in the navigation for instance administrators only.
  const [showCohorts, hasHome, isAdmin] = user
    ? await Promise.all([
        usesCohorts(user.id),
        managesATeam(user.id).then((manages) => manages || staffsACohort(user.id)),
        isAdministrator(user.id),
      ])
    : [false, false, false];
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900"
        >
          Skip to content
        </a>
        <header className="border-b border-slate-200 dark:border-slate-800 print:hidden">
          <nav
            aria-label="Main"
            className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-4"
          >
            <Link href="/" className="mr-auto flex items-center gap-2 text-lg font-semibold tracking-tight">
              <span
                aria-hidden="true"
                className="inline-block h-6 w-6 rounded-md bg-brand-600 text-center text-sm leading-6 text-white"
              >
                W
              </span>
              Waypoint
            </Link>
            <NavMenuButton />
            <div id="main-nav-items">
              {NAV.map((item) => (
                <Link
                  key={item.href}
                  href={item.href}
                  className="rounded px-1 text-sm font-medium text-slate-700 hover:text-brand-700 dark:text-slate-300 dark:hover:text-brand-100"
                >
                  {item.label}
                </Link>
              ))}
              {user ? (
                <>
                  <Link
                    href={hasHome ? "/home" : "/me"}
                    className="rounded px-1 text-sm font-medium text-slate-700 hover:text-brand-700 dark:text-slate-300 dark:hover:text-brand-100"
                  >
                    {hasHome ? "Home" : "My assessments"}
                  </Link>
                  <Link
                    href="/teams"
                    className="rounded px-1 text-sm font-medium text-slate-700 hover:text-brand-700 dark:text-slate-300 dark:hover:text-brand-100"
                  >
                    Teams
                  </Link>
                  {showCohorts && (
                    <Link
                      href="/cohorts"
                      className="rounded px-1 text-sm font-medium text-slate-700 hover:text-brand-700 dark:text-slate-300 dark:hover:text-brand-100"
                    >
                      Cohorts
                    </Link>
                  )}
                  {isAdmin && (
                    <Link
                      href="/admin"
                      className="rounded px-1 text-sm font-medium text-slate-700 hover:text-brand-700 dark:text-slate-300 dark:hover:text-brand-100"
                    >
                      Admin
                    </Link>
                  )}
                  <Link
                    href="/me/settings"
                    className="rounded px-1 text-sm font-medium text-slate-700 hover:text-brand-700 dark:text-slate-300 dark:hover:text-brand-100"
                  >
                    Settings
                  </Link>
                  <SignOutButton className="rounded px-1 text-sm font-medium text-slate-700 hover:text-brand-700 dark:text-slate-300 dark:hover:text-brand-100" />
                </>
              ) : (
                <Link
                  href="/sign-in"
                  className="rounded-lg border border-slate-300 px-3 py-1 text-sm font-semibold hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
                >
                  Sign in
                </Link>
              )}
            </div>
            <noscript>
              <style>{"#main-nav-items{display:flex}#nav-menu-button{display:none}"}</style>
            </noscript>
          </nav>
        </header>
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:py-12">
          {children}
        </main>
        <footer className="border-t border-slate-200 py-6 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400 print:hidden">
          <div className="mx-auto max-w-6xl px-4">
            Waypoint is open source and self-hostable. Role and skill profiles are written by its
            contributors.{" "}
            <Link href="/privacy" className="underline">
              Privacy
            </Link>
          </div>
        </footer>
      </body>
    </html>
  );
}

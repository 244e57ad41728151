"use client";

import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";

/**
 * The main navigation's links: in a row from md up; on narrower screens behind a "Menu" button,
 * since nine links took three lines of a phone before any content. Opening is remembered for the
 * page it happened on, so following a link closes it. Without JavaScript the links show as before.
 */
export function NavMenu({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const isOpen = openOn === pathname;
  return (
    <>
      <button
        type="button"
        className="nav-menu-button rounded-lg border border-slate-300 px-3 py-1 text-sm font-semibold md:hidden dark:border-slate-600"
        aria-expanded={isOpen}
        aria-controls="main-nav-items"
        onClick={() => setOpenOn(isOpen ? null : pathname)}
      >
        Menu
      </button>
      <div
        id="main-nav-items"
        className={`${isOpen ? "flex" : "hidden"} w-full flex-col items-start gap-3 pb-1 md:flex md:w-auto md:flex-row md:flex-wrap md:items-center md:gap-x-6 md:gap-y-2 md:pb-0`}
      >
        {children}
      </div>
      <noscript>
        <style>{"#main-nav-items{display:flex}.nav-menu-button{display:none}"}</style>
      </noscript>
    </>
  );
}

"use client";

import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";

/**
 * The phone's "Menu" button for the main navigation's links (#main-nav-items, drawn in the layout;
 * globals.css hides them below md unless data-open is set): nine links took three lines of a phone
 * before any content. Opening is remembered for the page it happened on, so following a link closes
 * it. Without JavaScript the layout's <noscript> style shows the links as before.
 */
export function NavMenuButton() {
  const pathname = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const isOpen = openOn === pathname;
  useEffect(() => {
    document.getElementById("main-nav-items")?.toggleAttribute("data-open", isOpen);
  }, [isOpen]);
  return (
    <button
      type="button"
      id="nav-menu-button"
      aria-expanded={isOpen}
      aria-controls="main-nav-items"
      onClick={() => setOpenOn(isOpen ? null : pathname)}
    >
      Menu
    </button>
  );
}

"use client";

import { useEffect } from "react";

/**
 * Opens every closed <details> for printing and closes them again afterwards, so a printed plan
 * shows its later months and a printed result its explanations — whether printing starts from this
 * button or from the browser's own menu.
 */
export function usePrintExpandsDetails() {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    const expand = () => {
      opened = Array.from(document.querySelectorAll<HTMLDetailsElement>("details:not([open])"));
      for (const details of opened) details.open = true;
    };
    const restore = () => {
      for (const details of opened) details.open = false;
      opened = [];
    };
    window.addEventListener("beforeprint", expand);
    window.addEventListener("afterprint", restore);
    return () => {
      window.removeEventListener("beforeprint", expand);
      window.removeEventListener("afterprint", restore);
    };
  }, []);
}

export function PrintButton() {
  usePrintExpandsDetails();
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-medium hover:border-brand-600 dark:border-slate-600 print:hidden"
    >
      Print or save as PDF
    </button>
  );
}

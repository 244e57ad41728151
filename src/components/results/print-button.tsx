"use client";

export function PrintButton() {
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

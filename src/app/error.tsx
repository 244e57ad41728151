"use client";

// Unexpected errors are logged on the server with their context; the person sees no stack trace.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="max-w-xl">
      <h1 className="text-3xl font-bold tracking-tight">Something went wrong</h1>
      <p className="mt-3 text-slate-700 dark:text-slate-300">
        The page could not be shown. Try again; if it keeps failing, the server log says why.
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
      >
        Try again
      </button>
    </div>
  );
}

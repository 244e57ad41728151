import Link from "next/link";
import { ShareControls, type ActiveLink, type ShareKind } from "./share-controls";

/**
 * The sharing block on a results or plan page: the controls for a signed-in owner, a one-line
 * hint for an anonymous one (links belong to accounts, so they can be listed and revoked).
 */
export function ShareSection({
  kind,
  targetId,
  active,
  signInNext,
}: {
  kind: ShareKind;
  targetId: string;
  active: ActiveLink | null;
  signInNext: string | null;
}) {
  return (
    <section
      aria-labelledby={`share-${kind}`}
      className="mt-6 max-w-3xl rounded-xl border border-slate-200 p-4 dark:border-slate-800 print:hidden"
    >
      <h2 id={`share-${kind}`} className="font-semibold">
        Share a read-only view
      </h2>
      {signInNext === null ? (
        <>
          <p className="mt-1 mb-3 text-sm text-slate-600 dark:text-slate-400">
            Off until you create a link. Whoever has it can view, not change anything; revoke it at any time.
          </p>
          <ShareControls kind={kind} targetId={targetId} active={active} />
        </>
      ) : (
        <p className="mt-1 text-sm">
          <Link
            href={`/sign-in?next=${encodeURIComponent(signInNext)}`}
            className="font-medium text-brand-700 underline underline-offset-2 dark:text-brand-100"
          >
            Sign in to share a read-only link
          </Link>
          .
        </p>
      )}
    </section>
  );
}

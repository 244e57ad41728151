import Link from "next/link";

export default function NotFound() {
  return (
    <div className="max-w-xl">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700 dark:text-brand-100">404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">We could not find that page</h1>
      <p className="mt-3 text-slate-700 dark:text-slate-300">
        The role, skill or transition you asked for does not exist. It may have been renamed, or the address
        may be mistyped.
      </p>
      <ul className="mt-6 flex flex-wrap gap-4 font-medium">
        <li>
          <Link href="/roles" className="text-brand-700 underline dark:text-brand-100">
            Browse roles
          </Link>
        </li>
        <li>
          <Link href="/skills" className="text-brand-700 underline dark:text-brand-100">
            Browse skills
          </Link>
        </li>
        <li>
          <Link href="/" className="text-brand-700 underline dark:text-brand-100">
            Home
          </Link>
        </li>
      </ul>
    </div>
  );
}

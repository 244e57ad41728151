import Link from "next/link";

export interface RoleCardData {
  id: string;
  title: string;
  summary: string;
  skillCount: number;
  coreCount: number;
}

/** A role in a grid: title linking to its page, summary, and how many skills it needs. */
export function RoleCard({ role, headingLevel }: { role: RoleCardData; headingLevel: "h2" | "h3" }) {
  const Heading = headingLevel;
  return (
    <li className="rounded-xl border border-slate-200 p-5 hover:border-brand-600 dark:border-slate-800">
      <Heading className="font-semibold">
        <Link href={`/roles/${role.id}`} className="hover:underline">
          {role.title}
        </Link>
      </Heading>
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{role.summary}</p>
      <p className="mt-3 text-xs text-slate-600 dark:text-slate-400">
        {role.skillCount} skills, {role.coreCount} core
      </p>
    </li>
  );
}

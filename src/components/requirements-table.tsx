import Link from "next/link";
import { LevelBadge } from "@/components/ui/level-badge";

interface Row {
  skillId: string;
  skillTitle: string;
  level: number;
  descriptor: string;
}

export function RequirementsTable({ caption, rows }: { caption: string; rows: Row[] }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 dark:border-slate-800">
      <table className="w-full text-left text-sm">
        <caption className="bg-slate-50 px-4 py-3 text-left text-base font-semibold dark:bg-slate-900">
          {caption}
        </caption>
        <thead className="border-b border-slate-200 text-slate-600 dark:border-slate-800 dark:text-slate-400">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              Skill
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Target level
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              What that level means
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {rows.map((row) => (
            <tr key={row.skillId} className="align-top">
              <th scope="row" className="px-4 py-3 font-medium">
                <Link
                  href={`/skills/${row.skillId}`}
                  className="text-brand-700 underline-offset-2 hover:underline dark:text-brand-100"
                >
                  {row.skillTitle}
                </Link>
              </th>
              <td className="px-4 py-3">
                <LevelBadge level={row.level} />
              </td>
              <td className="px-4 py-3 text-slate-700 dark:text-slate-300">{row.descriptor}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The member's own audit log: each time someone else looked at their individual team results. */
export function ViewsOfMe({ views }: { views: { viewerName: string; viewedAt: Date }[] }) {
  if (views.length === 0) {
    return <p className="text-sm">Nobody has viewed your individual results in this team.</p>;
  }
  return (
    <table className="w-full max-w-xl text-left text-sm">
      <caption className="sr-only">Who viewed your individual results, newest first</caption>
      <thead>
        <tr className="border-b border-slate-300 dark:border-slate-700">
          <th scope="col" className="py-2 pr-4">
            Viewed by
          </th>
          <th scope="col" className="py-2">
            When (UTC)
          </th>
        </tr>
      </thead>
      <tbody>
        {views.map((view, index) => (
          <tr
            key={`${view.viewedAt.toISOString()}-${index}`}
            className="border-b border-slate-200 dark:border-slate-800"
          >
            <td className="py-2 pr-4">{view.viewerName}</td>
            <td className="py-2">
              <time dateTime={view.viewedAt.toISOString()}>
                {view.viewedAt.toISOString().slice(0, 16).replace("T", " ")}
              </time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

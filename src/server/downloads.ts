import "server-only";

/** A name safe in a file name: lower-case ASCII letters and digits joined by "-". */
export function fileSlug(name: string, fallback: string): string {
  const slug = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return slug || fallback;
}

/** A private CSV download named "<kind>-<name slug>-<UTC date>.csv". */
export function csvDownload(csv: string, kind: string, name: string, now: Date): Response {
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${kind}-${fileSlug(name, kind)}-${now.toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}

/**
 * Renders HTML produced by src/server/markdown.ts, which sanitises it against an allow-list;
 * never pass HTML from anywhere else.
 */
export function SanitizedMarkdown({ html, className = "" }: { html: string; className?: string }) {
  return (
    <div
      className={`prose prose-slate max-w-none dark:prose-invert prose-headings:tracking-tight prose-a:text-brand-700 dark:prose-a:text-brand-100 ${className}`}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

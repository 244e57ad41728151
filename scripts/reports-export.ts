import { parseArgs } from "node:util";
import { listQuestionReports } from "@/server/question-reports";

/**
 * npm run reports:export [-- --json] — the "report a problem with this question" inbox for content
 * maintainers: newest first, as CSV (default) or JSON. CSV cells are quoted and cells that a
 * spreadsheet would read as a formula are prefixed with an apostrophe.
 */
const { values } = parseArgs({ options: { json: { type: "boolean", default: false } } });
const reports = await listQuestionReports();
if (values.json) {
  console.log(JSON.stringify(reports, null, 2));
} else {
  const cell = (value: string) => {
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return `"${safe.replace(/"/g, '""')}"`;
  };
  console.log(["createdAt", "questionId", "reason", "details", "contentHash"].join(","));
  for (const report of reports) {
    console.log([report.createdAt.toISOString(), report.questionId, report.reason, report.details, report.contentHash].map(cell).join(","));
  }
}

import { parseArgs } from "node:util";
import { toCsv } from "@/domain/csv";
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
  process.stdout.write(
    toCsv(
      ["createdAt", "questionId", "reason", "details", "contentHash", "resolvedAt", "resolutionNote"],
      reports.map((report) => [
        report.createdAt,
        report.questionId,
        report.reason,
        report.details,
        report.contentHash,
        report.resolvedAt ?? "",
        report.resolutionNote ?? "",
      ]),
    ),
  );
}

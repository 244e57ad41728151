import { getSkillsGraph } from "@/server/content-loader";
import { db } from "@/server/db";

/**
 * A problem report about `questionId`, as the quiz's "Report a problem" form stores it (no
 * attempt):   seed-question-report.ts <questionId> <details>
 */
const [questionId, details = ""] = process.argv.slice(2);
if (!questionId || !getSkillsGraph().questions.has(questionId)) throw new Error(`no question ${questionId}`);
const report = await db.questionReport.create({
  data: { questionId, reason: "wrong-key", details, contentHash: getSkillsGraph().contentHash },
  select: { id: true },
});
console.log(report.id);

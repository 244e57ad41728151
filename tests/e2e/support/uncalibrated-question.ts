import { getSkillsGraph } from "@/server/content-loader";
import { db } from "@/server/db";

/** The id of a current question no calibration set has a row for (the e2e run's quizzes answer some). */
const calibrated = new Set(
  (await db.calibrationItem.findMany({ select: { questionId: true }, distinct: ["questionId"] })).map(
    (row) => row.questionId,
  ),
);
const question = [...getSkillsGraph().questions.values()].find((candidate) => !calibrated.has(candidate.id));
if (!question) throw new Error("every question has been calibrated");
console.log(question.id);

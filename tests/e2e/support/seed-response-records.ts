import { getSkillsGraph } from "@/server/content-loader";
import { db } from "@/server/db";

/**
 * `count` anonymised response records for the current version of `questionId`, as the trigger
 * writes them when attempts are deleted: abilities spread evenly from −2 to 2, the key chosen by those above 0, the first other
 * option below:   seed-response-records.ts <questionId> <count>
 */
const [questionId = "", countText = "30"] = process.argv.slice(2);
const question = getSkillsGraph().questions.get(questionId);
if (!question) throw new Error(`no question ${questionId}`);
const key = question.options.filter((option) => option.correct).map((option) => option.id);
const wrong = question.options.find((option) => !option.correct)?.id ?? "";
const count = Number(countText);
await db.responseRecord.createMany({
  data: Array.from({ length: count }, (_, index) => {
    const ability = -2 + (4 * index) / Math.max(1, count - 1);
    const isCorrect = ability > 0;
    return {
      questionId,
      itemHash: question.contentHash,
      skillId: question.skill,
      chosenOptionIds: JSON.stringify(isCorrect ? key : [wrong]),
      isDontKnow: false,
      isCorrect,
      abilityOther: ability,
      abilitySdOther: 0.5,
      msOnItem: 20_000 + index * 100,
      difficulty: 0,
      discrimination: 1,
      guessing: 0.2,
    };
  }),
});
console.log("ok");

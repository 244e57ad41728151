import { createRandom } from "@/domain/engine/random";
import { getEngine } from "@/server/assessment/engine";
import { db } from "@/server/db";
import { addMember } from "@/server/teams/teams";
import { ISSUE_POPULATION, populationSampler } from "../../../scripts/lib/engine-bench/world";
import { signUp, simulateAttempt } from "../../../scripts/lib/demo-team";

/**
 * Run by the teams e2e test against the e2e database (tsx, react-server condition):
 *   seed-team-members.ts <teamId> <count> <sharing> <emailPrefix>
 * adds `count` members who allow aggregation — the first `sharing` of them also allow individual
 * view — each with a finished team attempt taken through the real engine. Prints their emails.
 */
const [teamId, countText, sharingText, prefix] = process.argv.slice(2);
if (!teamId || !countText || !sharingText || !prefix)
  throw new Error("usage: seed-team-members.ts <teamId> <count> <sharing> <emailPrefix>");
const team = await db.team.findUniqueOrThrow({ where: { id: teamId }, select: { targetRoleId: true } });
const engine = getEngine();
const sample = populationSampler(engine.model, engine.graph, ISSUE_POPULATION);
const random = createRandom(7);
const emails: string[] = [];
for (let index = 0; index < Number(countText); index++) {
  const email = `${prefix}-${index + 1}@example.com`;
  const userId = await signUp(`Member ${index + 1}`, email);
  await addMember(teamId, userId, "link");
  await db.membership.update({
    where: { teamId_userId: { teamId, userId } },
    data: { allowAggregate: true, allowIndividual: index < Number(sharingText) },
  });
  const current = index % 2 === 0 ? "ml-engineer" : "data-engineer";
  await simulateAttempt(
    userId,
    current,
    team.targetRoleId,
    sample(current, team.targetRoleId, random).theta,
    teamId,
    random,
  );
  emails.push(email);
}
console.log(JSON.stringify(emails));

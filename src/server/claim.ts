import "server-only";
import { db } from "./db";
import { logEvent } from "./log";

/**
 * Moves what an anonymous browser did into the account that just signed up or in: its attempts
 * (with answers and results) and its plans. Only rows that carry this browser's token hash and no
 * user yet are touched, so it cannot claim anyone else's, and running it twice changes nothing.
 * A plan for a role the account already has a plan for is folded in: modules done anonymously
 * are marked done in the account's plan, and the anonymous copy is removed.
 */
export async function claimAnonymousWork(
  tokenHash: string,
  userId: string,
): Promise<{ attempts: number; plans: number }> {
  const now = new Date();
  const userRoles = new Set(
    (await db.learningPlan.findMany({ where: { userId }, select: { targetRoleId: true } })).map(
      (plan) => plan.targetRoleId,
    ),
  );
  const anonymousPlans = await db.learningPlan.findMany({
    where: { anonymousTokenHash: tokenHash, userId: null },
    select: {
      id: true,
      targetRoleId: true,
      items: { where: { doneAt: { not: null } }, select: { moduleId: true, doneAt: true } },
    },
  });
  const moved = anonymousPlans.filter((plan) => !userRoles.has(plan.targetRoleId));
  const folded = anonymousPlans.filter((plan) => userRoles.has(plan.targetRoleId));

  const [attempts] = await db.$transaction([
    db.attempt.updateMany({
      where: { anonymousTokenHash: tokenHash, userId: null },
      data: { userId, anonymousTokenHash: null },
    }),
    ...moved.map((plan) =>
      db.learningPlan.updateMany({
        where: { id: plan.id, userId: null },
        data: { userId, anonymousTokenHash: null },
      }),
    ),
    ...folded.flatMap((plan) =>
      plan.items.map((item) =>
        db.planItem.updateMany({
          where: {
            moduleId: item.moduleId,
            doneAt: null,
            plan: { is: { userId, targetRoleId: plan.targetRoleId } },
          },
          data: { doneAt: item.doneAt ?? now },
        }),
      ),
    ),
    db.learningPlan.deleteMany({ where: { id: { in: folded.map((plan) => plan.id) }, userId: null } }),
  ]);
  if (attempts.count > 0 || anonymousPlans.length > 0)
    logEvent("info", "account.claimed", { userId, attempts: attempts.count, plans: anonymousPlans.length });
  return { attempts: attempts.count, plans: anonymousPlans.length };
}

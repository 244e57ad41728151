import { db } from "@/server/db";
import { createLinkInvitation } from "@/server/teams/invitations";
import { createTeam } from "@/server/teams/teams";

/**
 * Run by the authorisation-matrix e2e test against the e2e database (tsx, react-server condition):
 *   seed-team-fixture.ts <ownerEmail>
 * creates a team owned by that account plus an open link invitation, and prints
 * {"teamId": …, "teamJoinToken": …}. (Team creation is a server action, which a request context
 * cannot call; the UI path is covered by the teams e2e test.)
 */
const email = process.argv[2];
if (!email) throw new Error("usage: seed-team-fixture.ts <ownerEmail>");
const owner = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
const created = await createTeam(owner.id, { name: "Matrix team", targetRoleId: "mlops-engineer" });
if (!created.ok) throw new Error("team not created");
const { path } = await createLinkInvitation(created.teamId, owner.id);
console.log(JSON.stringify({ teamId: created.teamId, teamJoinToken: path.split("/").at(-1) }));

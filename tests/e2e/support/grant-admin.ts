import { grantAdmin } from "@/server/accounts";

/**
 * Run by e2e tests against the e2e database, as the first administrator is made on a real
 * instance (`npm run admin:grant -- <email>`):   grant-admin.ts <email>
 */
const email = process.argv[2];
if (!email || !(await grantAdmin(email)))
  throw new Error(`could not make ${email ?? "(no email)"} an administrator`);
console.log("ok");

import { allowCohortCreation } from "@/server/cohorts/cohorts";

/**
 * Run by the cohorts e2e test against the e2e database, as an instance admin would run
 * `npm run admin:allow-cohorts -- <email>`:   allow-cohorts.ts <email>
 */
const email = process.argv[2];
if (!email || !(await allowCohortCreation(email)))
  throw new Error(`could not allow ${email ?? "(no email)"} to create cohorts`);
console.log("ok");

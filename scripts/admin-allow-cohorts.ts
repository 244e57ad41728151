import { allowCohortCreation } from "@/server/cohorts/cohorts";

/**
 * npm run admin:allow-cohorts -- <email> [--revoke]
 * Run by the instance administrator on the server: lets an existing account create cohorts (or,
 * with --revoke, stops it; cohorts it already created stay).
 */
const address = process.argv[2];
const isRevoke = process.argv.includes("--revoke");
if (!address || !address.includes("@")) {
  console.error("Usage: npm run admin:allow-cohorts -- <email of an existing account> [--revoke]");
  process.exit(2);
}
if (await allowCohortCreation(address, !isRevoke)) {
  console.log(
    isRevoke
      ? `${address} can no longer create cohorts.`
      : `${address} may now create cohorts on this Waypoint instance.`,
  );
} else {
  console.error(`No account uses ${address}. Sign up with it first, then run this again.`);
  process.exit(1);
}

import { grantAdmin } from "@/server/accounts";

/**
 * npm run admin:grant -- <email>
 * Makes an existing account an instance administrator (admins can later allow people to create
 * cohorts). The account must have signed up first.
 */
const address = process.argv[2];
if (!address || !address.includes("@")) {
  console.error("Usage: npm run admin:grant -- <email of an existing account>");
  process.exit(2);
}
if (await grantAdmin(address)) {
  console.log(`${address} is now an administrator of this Waypoint instance.`);
} else {
  console.error(`No account uses ${address}. Sign up with it first, then run this again.`);
  process.exit(1);
}

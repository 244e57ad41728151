import "server-only";
import { db } from "./db";

/** True when the database answers a trivial query. */
export async function isDatabaseReachable(): Promise<boolean> {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return true;
  } catch (error) {
    console.warn("Health check: database unreachable:", (error as Error).message);
    return false;
  }
}

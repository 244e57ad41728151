/**
 * How many HTTP requests this process has in hand, from arrival until their answer is sent:
 * counted by scripts/server.ts (scripts/lib/load-shed.ts) and read by work that should only run
 * when the process is idle (the engine's look-ahead, src/server/assessment/attempt-states.ts).
 * On globalThis because the server script and Next's bundles load their own copies of this module.
 * Without scripts/server.ts (tests, scripts) it stays 0.
 */
const holder = globalThis as unknown as { waypointRequestsInHand?: { count: number } };

export const requestsInHand: { count: number } = (holder.waypointRequestsInHand ??= { count: 0 });

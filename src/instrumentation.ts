/**
 * Runs once when a Next.js server process starts (`npm start` and `npm run dev` alike): starts the
 * mail queue's sender in this process (src/server/mail-queue.ts). Not during `next build`.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startMailSender } = await import("./server/mail-queue");
  startMailSender();
}

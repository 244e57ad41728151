/**
 * Runs once when a Next.js server process starts (`npm start` and `npm run dev` alike): starts the
 * mail queue's sender in this process (src/server/mail-queue.ts) and readies the answer path (the
 * engine for the loaded content, every question's HTML, and made-up attempts taken through the
 * engine so that V8 has compiled its code: about a second, quiz.ts REHEARSAL_ATTEMPTS), so the
 * first answers after a restart do not pay for them. Not during `next build`.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startMailSender } = await import("./server/mail-queue");
  startMailSender();
  const { readyAnswerPath } = await import("./server/assessment/quiz");
  readyAnswerPath();
}

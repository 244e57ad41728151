/**
 * PostgreSQL breaks a deadlock by failing one of the transactions in it (SQLSTATE 40P01), and
 * asks a transaction that cannot be serialised to run again (40001); both roll back whole, so the
 * caller may simply run the same work again. The writes wrapped in this are idempotent by design
 * (an answer is stored once, a result is claimed once, a plan refresh converges), so a retry gives
 * the caller the answer it would have had without the collision. Lock order comes first (see
 * saveAttemptResult); this is the safety net for orders nobody foresaw.
 */
const RETRYABLE = new Set(["40P01", "40001"]);

/** Whether `error` — from pg, or from Prisma (raw queries carry the SQLSTATE in meta or message) — is retryable. */
export function isTransientConflict(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta, message } = error as { code?: unknown; meta?: { code?: unknown }; message?: unknown };
  if (typeof code === "string" && RETRYABLE.has(code)) return true;
  if (typeof meta?.code === "string" && RETRYABLE.has(meta.code)) return true;
  return typeof message === "string" && /\b(40P01|40001)\b/.test(message);
}

export const DEADLOCK_RETRY = { attempts: 4, baseDelayMs: 5 } as const;

/**
 * Runs `work`, and again (at most DEADLOCK_RETRY.attempts in all, after a short random wait that
 * grows each time, so the two sides do not collide again in step) when it fails with a transient
 * conflict; any other error, or the last conflict, is thrown.
 */
export async function retryOnConflict<T>(
  work: () => Promise<T>,
  {
    wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    random = Math.random,
  } = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= DEADLOCK_RETRY.attempts || !isTransientConflict(error)) throw error;
      await wait(DEADLOCK_RETRY.baseDelayMs * 2 ** (attempt - 1) * (1 + random()));
    }
  }
}

/**
 * Retries follow graphile-worker's backoff, exp(min(attempt, 10)) seconds after a failure:
 * 3 s, 7 s, 20 s, 55 s, … 6 h. Thirteen attempts span about 22 hours ("about a day").
 */
export const WEBHOOK_MAX_ATTEMPTS = 13;

/** When graphile-worker runs the next attempt after `attempt` failed; null after the last one. */
export function nextAttemptAt(attempt: number, failedAt: Date): Date | null {
  if (attempt >= WEBHOOK_MAX_ATTEMPTS) return null;
  return new Date(failedAt.getTime() + Math.exp(Math.min(attempt, 10)) * 1000);
}

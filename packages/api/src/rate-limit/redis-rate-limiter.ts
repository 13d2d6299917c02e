import type { Redis } from "ioredis";
import type { Logger } from "../context.ts";
import { memoryRateLimiter, rateLimiterOf, type RateLimiter, type WindowState } from "./rate-limiter.ts";

// Takes one back only from a window that is still open: a DECR on an expired key would
// create a count of -1 that never expires.
const DECREMENT_IF_OPEN = "if redis.call('exists', KEYS[1]) == 1 then return redis.call('decr', KEYS[1]) end return 0";

const stateOf = (count: unknown, ttlMs: unknown): WindowState => {
  const ttl = Number(ttlMs);
  return { count: Number(count ?? 0), retryAfterSeconds: ttl > 0 ? Math.max(1, Math.ceil(ttl / 1000)) : 0 };
};

/** A MULTI's replies, or the first error among them (exec reports errors per command). */
function replies(results: [Error | null, unknown][] | null): unknown[] {
  if (!results) throw new Error("Redis transaction was discarded");
  for (const [error] of results) if (error) throw error;
  return results.map(([, value]) => value);
}

/**
 * Counters shared by every server process through Redis. While Redis is unreachable the
 * limits hold per process instead (logged once per outage), so a fault never lets
 * unlimited attempts through and never fails the request.
 */
export function redisRateLimiter(redis: Redis, logger: Logger): RateLimiter {
  const fallback = memoryRateLimiter();
  let down = false;
  async function shared<T>(viaRedis: () => Promise<T>, viaFallback: () => Promise<T>): Promise<T> {
    try {
      const result = await viaRedis();
      if (down) logger.info("Redis is back: rate limits are shared again");
      down = false;
      return result;
    } catch (error) {
      if (!down) logger.warn({ err: error }, "Redis unavailable: rate limits are per process until it returns");
      down = true;
      return viaFallback();
    }
  }
  return rateLimiterOf({
    increment: (key, windowSeconds) =>
      shared(
        async () => {
          const [count, , ttl] = replies(
            await redis.multi().incr(`rl:${key}`).expire(`rl:${key}`, windowSeconds, "NX").pttl(`rl:${key}`).exec(),
          );
          return stateOf(count, ttl);
        },
        () => fallback.increment(key, windowSeconds),
      ),
    decrement: (key) =>
      shared(
        async () => void (await redis.eval(DECREMENT_IF_OPEN, 1, `rl:${key}`)),
        () => fallback.decrement(key),
      ),
    peek: (key) =>
      shared(
        async () => {
          const [count, ttl] = replies(await redis.multi().get(`rl:${key}`).pttl(`rl:${key}`).exec());
          return stateOf(count, ttl);
        },
        () => fallback.peek(key),
      ),
  });
}

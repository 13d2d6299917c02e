import type { Redis } from "ioredis";
import type { Logger } from "../context.ts";
import { memoryRateLimiter, type RateLimiter } from "./rate-limiter.ts";

/**
 * Counters shared by every server process through Redis. While Redis is unreachable the
 * limits hold per process instead (logged once per outage), so a fault never lets
 * unlimited attempts through and never fails the request.
 */
export function redisRateLimiter(redis: Redis, logger: Logger): RateLimiter {
  const fallback = memoryRateLimiter();
  let down = false;
  return {
    async hit(key, limit, windowSeconds) {
      try {
        const results = await redis.multi().incr(`rl:${key}`).expire(`rl:${key}`, windowSeconds, "NX").exec();
        const count = Number(results?.[0]?.[1]);
        if (down) logger.info("Redis is back: rate limits are shared again");
        down = false;
        return count <= limit;
      } catch (error) {
        if (!down) logger.warn({ err: error }, "Redis unavailable: rate limits are per process until it returns");
        down = true;
        return fallback.hit(key, limit, windowSeconds);
      }
    },
  };
}

import { once } from "node:events";
import { Redis } from "ioredis";
import type { Logger } from "../context.ts";

/**
 * A Redis client that fails fast while Redis is down (no offline queue, one retry, short
 * timeout): callers fall back to PostgreSQL or process memory instead of waiting.
 */
export function createRedisClient(url: string, logger: Logger, keyPrefix = "shop:"): Redis {
  const redis = new Redis(url, {
    keyPrefix,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    commandTimeout: 500,
    connectTimeout: 1000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  // Without a listener, a connection error would be an unhandled 'error' event.
  redis.on("error", (error: Error) => logger.warn({ err: error.message }, "redis connection error"));
  return redis;
}

/**
 * Waits up to `timeoutMs` for the first connection. Until then every command would fail fast
 * (no offline queue) and fall back; after that, the outage handling takes over.
 */
export async function waitForRedis(redis: Redis, timeoutMs = 2000): Promise<boolean> {
  if (redis.status === "ready") return true;
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
  return Promise.race([once(redis, "ready").then(() => true), timeout]);
}

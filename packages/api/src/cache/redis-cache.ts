import type { Redis } from "ioredis";
import type { Logger } from "../context.ts";
import type { Cache } from "./cache.ts";

/**
 * The cache in Redis. Any Redis error reads as a miss, so an outage makes reads slower, never
 * failed; a warning is logged once per outage. Writes during an outage could not bump their
 * versions, so on recovery the epoch (part of every version tag) is bumped: nothing cached
 * before the outage is used again.
 */
export function redisCache(redis: Redis, logger: Logger): Cache {
  let down = false;
  async function attempt<T>(work: () => Promise<T>, fallback: T): Promise<T> {
    try {
      if (down) {
        await redis.incr("v:epoch");
        logger.info("Redis is back: caching again, entries from before the outage retired");
        down = false;
      }
      return await work();
    } catch (error) {
      if (!down)
        logger.warn({ err: error instanceof Error ? error.message : error }, "Redis unavailable: serving from PostgreSQL");
      down = true;
      return fallback;
    }
  }
  return {
    enabled: true,
    // Entries are "<tag>\n<json>": the epoch, the version and the entry come in one MGET.
    lookup: (versionName, key) =>
      attempt(
        async () => {
          const [epoch, version, entry] = await redis.mget("v:epoch", `v:${versionName}`, `c:${key}`);
          const tag = `${epoch ?? 0}.${version ?? 0}`;
          return { tag, value: entry?.startsWith(`${tag}\n`) ? entry.slice(tag.length + 1) : undefined };
        },
        { tag: "down", value: undefined },
      ),
    set: (key, tag, value, ttlSeconds) =>
      attempt(async () => void (await redis.set(`c:${key}`, `${tag}\n${value}`, "EX", ttlSeconds)), undefined),
    async ping() {
      await redis.ping();
    },
    bump: (versionNames) =>
      attempt(async () => {
        const pipeline = redis.pipeline();
        for (const name of versionNames) pipeline.incr(`v:${name}`);
        await pipeline.exec();
      }, undefined),
  };
}

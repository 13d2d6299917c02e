import type { ChainableCommander, Redis } from "ioredis";
import type { Logger } from "../context.ts";
import type { Cache } from "./cache.ts";
import { localReplica } from "./local-replica.ts";

/** A pipeline's replies; its first error thrown (exec itself resolves with them). */
async function run(pipeline: ChainableCommander): Promise<void> {
  const failed = (await pipeline.exec())?.find(([error]) => error);
  if (failed) throw failed[0];
}

/**
 * The cache in Redis, with what this node read kept in memory while it hears every bump
 * (local-replica.ts). Any Redis error reads as a miss, so an outage makes reads slower, never
 * failed; a warning is logged once per outage. Writes during an outage could not bump their
 * versions, so on recovery the epoch (part of every version tag) is bumped: nothing cached
 * before the outage is used again, here or on any other node.
 */
export function redisCache(redis: Redis, logger: Logger): Cache {
  const local = localReplica(redis, logger);
  let down = false;
  // Every read and write that finds Redis back shares one recovery: one epoch bump, not one each.
  let recovery: Promise<void> | undefined;
  const recover = () =>
    (recovery ??= run(local.bump(redis.pipeline().incr("v:epoch"), "everything"))
      .then(() => {
        logger.info("Redis is back: caching again, entries from before the outage retired");
        down = false;
      })
      .finally(() => (recovery = undefined)));

  async function attempt<T>(work: () => Promise<T>, fallback: T): Promise<T> {
    try {
      if (down) await recover();
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
    lookup(versionName, key) {
      const held = local.get(versionName, key);
      if (held) return Promise.resolve(held);
      const since = local.generation();
      return attempt(
        async () => {
          const [epoch, version, entry] = await redis.mget("v:epoch", `v:${versionName}`, `c:${key}`);
          const tag = `${epoch ?? 0}.${version ?? 0}`;
          const value = entry?.startsWith(`${tag}\n`) ? entry.slice(tag.length + 1) : undefined;
          local.keep(versionName, key, tag, value, since);
          return { tag, value };
        },
        { tag: "down", value: undefined },
      );
    },
    set: (key, tag, value, ttlSeconds) =>
      attempt(async () => void (await redis.set(`c:${key}`, `${tag}\n${value}`, "EX", ttlSeconds)), undefined),
    async ping() {
      await redis.ping();
    },
    bump(versionNames) {
      const pipeline = redis.pipeline();
      for (const name of versionNames) pipeline.incr(`v:${name}`);
      // Forgotten here at once, even while Redis is down; the pipeline runs when it can.
      const announced = local.bump(pipeline, versionNames);
      return attempt(() => run(announced), undefined);
    },
  };
}

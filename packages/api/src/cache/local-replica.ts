import type { ChainableCommander, Redis } from "ioredis";
import { LRUCache } from "lru-cache";
import type { Logger } from "../context.ts";

/** The bump message that retires every entry (the epoch moved). */
const EVERYTHING = "*";
const MAX_BYTES = 16 * 1024 * 1024;
const MAX_VERSIONS = 100_000;
const TTL_MS = 60_000;

type Names = readonly string[] | "everything";

export interface LocalReplica {
  /** The entry for `key` while its version is known current here; undefined: ask Redis. */
  get(versionName: string, key: string): { tag: string; value: string } | undefined;
  /** A counter that moves on every bump this node hears or makes; `keep` ignores reads that overlap one. */
  generation(): number;
  /** Keeps what a Redis read returned, unless a bump came in since it started (`since`). */
  keep(versionName: string, key: string, tag: string, value: string | undefined, since: number): void;
  /** Forgets `names` here at once and adds to `pipeline` the message that tells every other node to. */
  bump(pipeline: ChainableCommander, names: Names): ChainableCommander;
}

/**
 * Redis entries this node already read, served again from process memory without a round trip
 * while their version is known current. That is sound only while the node hears every bump:
 * each bump publishes the names it bumped, and until the subscription is confirmed (and again
 * from the moment it drops) nothing is served or kept here. Another node's write reaches this
 * node when its message does (well under a millisecond on one network); a node's own at once.
 * The subscription starts with the first read, so processes that only write (the worker, the
 * CLI) never open one.
 */
export function localReplica(redis: Redis, logger: Logger): LocalReplica {
  const channel = `${redis.options.keyPrefix ?? ""}cache-bumps`;
  const versions = new LRUCache<string, string>({ max: MAX_VERSIONS });
  const entries = new LRUCache<string, { tag: string; value: string }>({
    maxSize: MAX_BYTES,
    sizeCalculation: (entry) => 2 * entry.value.length + 64,
    ttl: TTL_MS,
  });
  let subscriber: Redis | undefined;
  let listening = false;
  let bumps = 0;
  const forget = (names: Names) => {
    bumps++;
    if (names === "everything") {
      versions.clear();
      entries.clear();
    } else for (const name of names) versions.delete(name);
  };

  function subscribe(): void {
    const connection = (subscriber = redis.duplicate());
    connection.on("error", (error: Error) => logger.warn({ err: error.message }, "redis subscriber connection error"));
    connection.on("ready", () => {
      connection.subscribe(channel).then(
        // A read that started before this point may hold a version a missed bump retired.
        () => {
          bumps++;
          listening = true;
        },
        (error: unknown) => {
          logger.warn({ err: error instanceof Error ? error.message : error }, "cache subscription failed: reconnecting");
          connection.disconnect(true);
        },
      );
    });
    connection.on("close", () => {
      listening = false;
      forget("everything");
    });
    connection.on("message", (_channel: string, message: string) =>
      forget(message === EVERYTHING ? "everything" : message.split("\n")),
    );
    // The subscription lives as long as the client it replicates.
    redis.once("end", () => connection.disconnect());
  }

  return {
    get(versionName, key) {
      if (!subscriber) subscribe();
      if (!listening) return undefined;
      const tag = versions.get(versionName);
      const entry = tag === undefined ? undefined : entries.get(key);
      return entry?.tag === tag ? entry : undefined;
    },
    generation: () => bumps,
    keep(versionName, key, tag, value, since) {
      if (!listening || since !== bumps) return;
      versions.set(versionName, tag);
      if (value !== undefined) entries.set(key, { tag, value });
    },
    bump(pipeline, names) {
      forget(names);
      return pipeline.publish(channel, names === "everything" ? EVERYTHING : names.join("\n"));
    },
  };
}

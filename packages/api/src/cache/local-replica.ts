import type { Redis } from "ioredis";
import { LRUCache } from "lru-cache";
import type { Logger } from "../context.ts";

/** The bump message that retires every entry (the epoch moved). */
const EVERYTHING = "*";
const MAX_BYTES = 16 * 1024 * 1024;
const MAX_VERSIONS = 100_000;
const TTL_MS = 60_000;

export interface LocalReplica {
  /** The entry for `key` while its version is known current here; undefined: ask Redis. */
  get(versionName: string, key: string): { tag: string; value: string } | undefined;
  /** A counter that moves on every bump this node hears or makes; `keep` ignores reads that overlap one. */
  generation(): number;
  /** Keeps what a Redis read returned, unless a bump came in since it started (`since`). */
  keep(versionName: string, key: string, tag: string, value: string | undefined, since: number): void;
  /** Forgets `versionNames` (or everything) here at once, before the bump reaches Redis. */
  forget(versionNames: readonly string[] | "everything"): void;
  /** The message that tells every node to forget `versionNames`. */
  channel: string;
  message(versionNames: readonly string[] | "everything"): string;
}

/**
 * Redis entries this node already read, served again from process memory without a round trip
 * while their version is known current. That is sound only while the node hears every bump:
 * each bump publishes the names it bumped on `channel`, and while the subscription is not
 * confirmed nothing is served or kept here. Another node's write reaches this node when its
 * message does (well under a millisecond on one network); a node's own writes at once.
 */
export function localReplica(redis: Redis, logger: Logger): LocalReplica {
  const channel = `${redis.options.keyPrefix ?? ""}cache-bumps`;
  const versions = new LRUCache<string, string>({ max: MAX_VERSIONS });
  const entries = new LRUCache<string, { tag: string; value: string }>({
    maxSize: MAX_BYTES,
    sizeCalculation: (entry) => 2 * entry.value.length + 64,
    ttl: TTL_MS,
  });
  let listening = false;
  let bumps = 0;
  const forgetAll = () => {
    bumps++;
    versions.clear();
    entries.clear();
  };
  const forget = (names: readonly string[] | "everything") => {
    if (names === "everything") return forgetAll();
    bumps++;
    for (const name of names) versions.delete(name);
  };

  const subscriber = redis.duplicate();
  subscriber.on("error", (error: Error) => logger.warn({ err: error.message }, "redis subscriber connection error"));
  subscriber.on("ready", () => {
    subscriber.subscribe(channel).then(
      () => void (listening = true),
      () => {}, // the connection dropped again: "close" handles it
    );
  });
  subscriber.on("close", () => {
    listening = false;
    forgetAll();
  });
  subscriber.on("message", (_channel: string, message: string) =>
    forget(message === EVERYTHING ? "everything" : message.split("\n")),
  );
  // The subscription lives as long as the client it replicates.
  redis.once("end", () => subscriber.disconnect());

  return {
    channel,
    get(versionName, key) {
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
    forget,
    message: (names) => (names === "everything" ? EVERYTHING : names.join("\n")),
  };
}

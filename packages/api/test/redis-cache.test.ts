import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisServerAvailable, startRedisServer, type TestRedisServer } from "@shop/testing/redis";
import type { Cache } from "../src/cache/cache.ts";
import { redisCache } from "../src/cache/redis-cache.ts";
import { createRedisClient, waitForRedis } from "../src/cache/redis-client.ts";
import type { Logger } from "../src/context.ts";

const quiet: Logger = { info() {}, warn() {}, error() {} };

/** Two nodes, each with its own connection to one Redis server of the test's own. */
describe.skipIf(!redisServerAvailable)("the Redis cache's copy in each node's memory", () => {
  let server: TestRedisServer;
  let clients: Redis[];
  let nodeA: Cache;
  let nodeB: Cache;

  /** MGETs Redis has answered so far: the round trips a node's memory saved or did not. */
  async function mgets(): Promise<number> {
    const stats = await clients[0]!.info("commandstats");
    return Number(/cmdstat_mget:calls=(\d+)/.exec(stats)?.[1] ?? 0);
  }

  /** Polls `read` until it returns `expected` (another node's bump arrives by pub/sub). */
  async function until<T>(read: () => Promise<T>, expected: T, timeoutMs = 2000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await read()) !== expected) {
      if (Date.now() > deadline) throw new Error(`still not ${String(expected)} after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** A node reads `key` as readThrough does: the entry, or a load stored under the tag it was read with. */
  async function read(node: Cache, versionName: string, key: string, load: string): Promise<string> {
    const { tag, value } = await node.lookup(versionName, key);
    if (value !== undefined) return value;
    await node.set(key, tag, load, 60);
    return load;
  }

  beforeAll(async () => {
    server = await startRedisServer();
    clients = [createRedisClient(server.url, quiet, "t:"), createRedisClient(server.url, quiet, "t:")];
    for (const client of clients) await waitForRedis(client);
    nodeA = redisCache(clients[0]!, quiet);
    nodeB = redisCache(clients[1]!, quiet);
  });
  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await server.stop();
  });

  /** Whether a read of `key` was answered without a round trip (once the node's subscription is confirmed, it is). */
  async function servedFromMemory(node: Cache, key: string): Promise<boolean> {
    const before = await mgets();
    await read(node, key, key, "unused");
    return (await mgets()) === before;
  }

  it("serves an entry it has read again without asking Redis", async () => {
    expect(await read(nodeA, "product:1", "product:1", "v1")).toBe("v1");
    await until(() => servedFromMemory(nodeA, "product:1"), true);
    const before = await mgets();
    for (let i = 0; i < 5; i++) expect(await read(nodeA, "product:1", "product:1", "unused")).toBe("v1");
    expect(await mgets()).toBe(before);
  });

  it("forgets it at once after its own bump, and soon after another node's", async () => {
    await read(nodeA, "product:2", "product:2", "old");
    await read(nodeA, "product:2", "product:2", "unused");
    await read(nodeB, "product:2", "product:2", "unused");

    await nodeA.bump(["product:2"]);
    expect(await read(nodeA, "product:2", "product:2", "new")).toBe("new");
    await until(() => read(nodeB, "product:2", "product:2", "unused"), "new");

    await nodeB.bump(["product:2"]);
    await until(() => read(nodeA, "product:2", "product:2", "newer"), "newer");
    await until(() => read(nodeB, "product:2", "product:2", "unused"), "newer");
  });

  it("holds nothing while Redis is away, and nothing from before once it is back", async () => {
    await read(nodeA, "product:3", "product:3", "before");
    await read(nodeA, "product:3", "product:3", "unused");
    await server.stop();
    // Redis is down: a miss every time (the caller reads PostgreSQL), never the held entry.
    await until(async () => (await nodeA.lookup("product:3", "product:3")).value, undefined);
    await server.start();
    // The client reconnects with a backoff of up to 2 s.
    await until(async () => (await nodeA.lookup("product:3", "product:3")).tag !== "down", true, 8000);
    expect(await read(nodeA, "product:3", "product:3", "after")).toBe("after");
    expect(await read(nodeA, "product:3", "product:3", "unused")).toBe("after");
  });
});

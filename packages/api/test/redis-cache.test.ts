import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "@shop/testing";
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

  /** A node's read of `key` with cache.ts's readThrough rule: the entry, or `load` stored under the tag read. */
  async function read(node: Cache, key: string, load: string): Promise<string> {
    const { tag, value } = await node.lookup(key, key);
    if (value !== undefined) return value;
    await node.set(key, tag, load, 60);
    return load;
  }

  const until = (what: string, check: () => Promise<boolean>, timeoutMs?: number) =>
    eventually(check, { what, ...(timeoutMs && { timeoutMs }) });

  /** Whether a read of `key` was answered without a round trip. */
  async function servedFromMemory(node: Cache, key: string): Promise<boolean> {
    const before = await mgets();
    await read(node, key, "unused");
    return (await mgets()) === before;
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

  it("serves an entry it has read again without asking Redis", async () => {
    expect(await read(nodeA, "product:1", "v1")).toBe("v1");
    await until("node A to hold product:1", () => servedFromMemory(nodeA, "product:1"));
    const before = await mgets();
    for (let i = 0; i < 5; i++) expect(await read(nodeA, "product:1", "unused")).toBe("v1");
    expect(await mgets()).toBe(before);
  });

  it("forgets it at once after its own bump, and soon after another node's", async () => {
    await read(nodeA, "product:2", "old");
    await until("node A to hold product:2", () => servedFromMemory(nodeA, "product:2"));
    await until("node B to hold product:2", () => servedFromMemory(nodeB, "product:2"));

    await nodeA.bump(["product:2"]);
    expect(await read(nodeA, "product:2", "new")).toBe("new");
    await until("node B to see the new entry", async () => (await read(nodeB, "product:2", "unused")) === "new");

    await nodeB.bump(["product:2"]);
    await until("node A to see node B's bump", async () => (await read(nodeA, "product:2", "newer")) === "newer");
    await until("node B to see the newer entry", async () => (await read(nodeB, "product:2", "unused")) === "newer");
  });

  it("a bump sent while its subscription was down does not leave a node on the old entry", async () => {
    await read(nodeA, "product:3", "old");
    await until("node A to hold product:3", () => servedFromMemory(nodeA, "product:3"));
    // Only the subscriptions drop: the bump's message reaches nobody, the version in Redis moves.
    await clients[1]!.call("CLIENT", "KILL", "TYPE", "pubsub");
    await nodeB.bump(["product:3"]);
    await until("node A to read the bumped version", async () => (await read(nodeA, "product:3", "new")) === "new");
    await until("node A to hold it again", () => servedFromMemory(nodeA, "product:3"));
    expect(await read(nodeA, "product:3", "unused")).toBe("new");
  });

  it("holds nothing while Redis is away, and nothing from before once it is back", async () => {
    await read(nodeA, "product:4", "before");
    await until("node A to hold product:4", () => servedFromMemory(nodeA, "product:4"));
    await server.stop();
    // Redis is down: a miss every time (the caller reads PostgreSQL), never the held entry.
    await until(
      "node A to stop serving from memory",
      async () => (await nodeA.lookup("product:4", "product:4")).value === undefined,
    );
    await server.start();
    // The client reconnects with a backoff of up to 2 s.
    await until("Redis to answer again", async () => (await nodeA.lookup("product:4", "product:4")).tag !== "down", 8000);
    expect(await read(nodeA, "product:4", "after")).toBe("after");
    expect(await read(nodeA, "product:4", "unused")).toBe("after");
  });
});

import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedisClient, waitForRedis } from "@shop/api";
import { eventually } from "@shop/testing";
import { redisServerAvailable, startRedisServer, type TestRedisServer } from "@shop/testing/redis";
import { quietLogger, startTestApp, type TestApp } from "./support.ts";

/** Asks /health/ready until `done` holds for its answer (the client reconnects on its own schedule). */
function readyUntil(t: TestApp, done: (body: { status: string; checks: object }) => boolean) {
  return eventually(() => t.app.inject({ method: "GET", url: "/health/ready" }), {
    until: (res) => done(res.json()),
    what: "/health/ready to change",
    intervalMs: 100,
  });
}

// API.md: /health/ready has a key for each configured backing service; Redis down is `degraded`, still 200.
describe.skipIf(!redisServerAvailable)("/health/ready with a Redis cache", () => {
  let redisServer: TestRedisServer;
  let redis: Redis;
  let t: TestApp;

  beforeAll(async () => {
    redisServer = await startRedisServer();
    redis = createRedisClient(redisServer.url, quietLogger, "health:");
    await waitForRedis(redis);
    t = await startTestApp({ redis });
  });
  afterAll(async () => {
    await t?.close();
    redis?.disconnect();
    await redisServer?.stop();
  });

  it("reports redis ok, then down (degraded, still 200) while it is stopped, then ok after it restarts", async () => {
    const up = await t.app.inject({ method: "GET", url: "/health/ready" });
    expect(up.statusCode).toBe(200);
    expect(up.json()).toEqual({ status: "ok", checks: { database: "ok", redis: "ok" } });

    await redisServer.stop();
    const down = await readyUntil(t, (body) => body.status === "degraded");
    expect(down.statusCode).toBe(200);
    expect(down.json()).toEqual({ status: "degraded", checks: { database: "ok", redis: "down" } });
    // Every probe during the outage says so, and quickly (the client fails fast).
    const started = Date.now();
    const again = await t.app.inject({ method: "GET", url: "/health/ready" });
    expect(again.json().checks.redis).toBe("down");
    expect(Date.now() - started).toBeLessThan(2000);

    await redisServer.start();
    const back = await readyUntil(t, (body) => body.status === "ok");
    expect(back.statusCode).toBe(200);
    expect(back.json()).toEqual({ status: "ok", checks: { database: "ok", redis: "ok" } });
  });
});

import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisServerAvailable, startRedisServer, type TestRedisServer } from "@shop/testing/redis";
import { createRedisClient, memoryRateLimiter, outboxMailer, redisRateLimiter, waitForRedis, type Logger } from "../src/index.ts";

function recordingLogger() {
  const lines: { level: string; obj: unknown; msg?: string }[] = [];
  const logger: Logger = {
    info: (obj, msg) => void lines.push({ level: "info", obj, msg }),
    warn: (obj, msg) => void lines.push({ level: "warn", obj, msg }),
    error: (obj, msg) => void lines.push({ level: "error", obj, msg }),
  };
  return { logger, lines };
}

describe("outbox mailer (no SMTP_URL)", () => {
  it("writes each message as an .eml file with text and HTML parts, and logs its links", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "shop-outbox-"));
    const { logger, lines } = recordingLogger();
    try {
      await outboxMailer(dir, "Shop Luxe <no-reply@shop.test>", logger).send({
        to: "new@example.com",
        subject: "Verify your Shop Luxe account",
        text: "Open http://localhost:8000/api/accounts/verify-email/MQ/abc/ to verify.",
        html: "<p>Open the link</p>",
      });
      const files = await readdir(dir);
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/new@example\.com\.eml$/);
      const eml = await readFile(path.join(dir, files[0]!), "utf8");
      expect(eml).toContain("Subject: Verify your Shop Luxe account");
      expect(eml).toContain("text/plain");
      expect(eml).toContain("text/html");
      expect(lines[0]).toMatchObject({
        level: "info",
        obj: { links: ["http://localhost:8000/api/accounts/verify-email/MQ/abc/"] },
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("memory rate limiter", () => {
  it("allows `limit` hits per window and a new window after it", async () => {
    let now = 0;
    const limiter = memoryRateLimiter(() => now);
    const hits = [];
    for (let i = 0; i < 4; i++) hits.push(await limiter.hit("k", 3, 60));
    expect(hits).toEqual([true, true, true, false]);
    expect(await limiter.hit("other", 3, 60)).toBe(true);
    now = 61_000;
    expect(await limiter.hit("k", 3, 60)).toBe(true);
  });

  it("tells the seconds until a window frees, and gives back a hit only while the window is open", async () => {
    let now = 0;
    const limiter = memoryRateLimiter(() => now);
    expect(await limiter.peek("k")).toEqual({ count: 0, retryAfterSeconds: 0 });
    expect(await limiter.increment("k", 60)).toEqual({ count: 1, retryAfterSeconds: 60 });
    now = 44_500;
    expect(await limiter.increment("k", 60)).toEqual({ count: 2, retryAfterSeconds: 16 });
    await limiter.decrement("k");
    expect(await limiter.peek("k")).toEqual({ count: 1, retryAfterSeconds: 16 });
    now = 60_000;
    await limiter.decrement("k");
    expect(await limiter.peek("k")).toEqual({ count: 0, retryAfterSeconds: 0 });
    expect(await limiter.increment("k", 60)).toEqual({ count: 1, retryAfterSeconds: 60 });
  });
});

// Needs a redis-server binary (CI has one); on a machine without it this part is skipped.
describe.skipIf(!redisServerAvailable)("Redis rate limiter", () => {
  let server: TestRedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(() => server.stop());

  it("shares its counters between processes (two limiters on one Redis)", async () => {
    const { logger } = recordingLogger();
    const a = createRedisClient(server.url, logger, "limits:");
    const b = createRedisClient(server.url, logger, "limits:");
    try {
      expect(await waitForRedis(a)).toBe(true);
      expect(await waitForRedis(b)).toBe(true);
      const first = redisRateLimiter(a, logger);
      const second = redisRateLimiter(b, logger);
      const results = [await first.hit("login:x", 3, 60), await second.hit("login:x", 3, 60), await first.hit("login:x", 3, 60)];
      expect(results).toEqual([true, true, true]);
      expect(await second.hit("login:x", 3, 60)).toBe(false);
      expect(await a.ttl("rl:login:x")).toBeGreaterThan(0);
    } finally {
      a.disconnect();
      b.disconnect();
    }
  });

  it("counts, peeks and gives back hits in shared windows, with the seconds left of each", async () => {
    const { logger } = recordingLogger();
    const a = createRedisClient(server.url, logger, "limits3:");
    const b = createRedisClient(server.url, logger, "limits3:");
    try {
      expect(await waitForRedis(a)).toBe(true);
      expect(await waitForRedis(b)).toBe(true);
      const first = redisRateLimiter(a, logger);
      const second = redisRateLimiter(b, logger);
      expect(await first.peek("fail:z")).toEqual({ count: 0, retryAfterSeconds: 0 });
      expect(await first.increment("fail:z", 900)).toEqual({ count: 1, retryAfterSeconds: 900 });
      expect(await second.increment("fail:z", 900)).toMatchObject({ count: 2 });
      await second.decrement("fail:z");
      const seen = await first.peek("fail:z");
      expect(seen.count).toBe(1);
      expect(seen.retryAfterSeconds).toBeGreaterThan(890);
      expect(seen.retryAfterSeconds).toBeLessThanOrEqual(900);
      // Giving back on a window that has closed must not leave a count of -1 that never expires.
      await second.decrement("fail:gone");
      expect(await a.exists("rl:fail:gone")).toBe(0);
      expect(await first.peek("fail:gone")).toEqual({ count: 0, retryAfterSeconds: 0 });
    } finally {
      a.disconnect();
      b.disconnect();
    }
  });

  it("keeps limiting per process while Redis is down, with one warning, and never throws", async () => {
    const { logger, lines } = recordingLogger();
    const redis = createRedisClient(server.url, logger, "limits2:");
    try {
      expect(await waitForRedis(redis)).toBe(true);
      const limiter = redisRateLimiter(redis, logger);
      expect(await limiter.hit("reset:y", 2, 60)).toBe(true);
      await server.stop();
      const during = [
        await limiter.hit("reset:y", 2, 60),
        await limiter.hit("reset:y", 2, 60),
        await limiter.hit("reset:y", 2, 60),
      ];
      expect(during).toEqual([true, true, false]);
      expect(await limiter.peek("reset:y")).toMatchObject({ count: 3 });
      await limiter.decrement("reset:y");
      expect(await limiter.peek("reset:y")).toMatchObject({ count: 2 });
      expect(lines.filter((l) => l.level === "warn" && l.msg?.includes("rate limits are per process"))).toHaveLength(1);
    } finally {
      redis.disconnect();
      await server.start();
    }
  });
});

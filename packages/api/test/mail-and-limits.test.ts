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
      expect(lines.filter((l) => l.level === "warn" && l.msg?.includes("rate limits are per process"))).toHaveLength(1);
    } finally {
      redis.disconnect();
      await server.start();
    }
  });
});

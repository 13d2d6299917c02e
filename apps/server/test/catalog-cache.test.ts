import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedisClient, waitForRedis } from "@shop/api";
import { redisServerAvailable, startRedisServer, type TestRedisServer } from "@shop/testing/redis";
import { createCategory, nextSku, variant } from "./catalog-fixtures.ts";
import { httpClient, quietLogger, startTestApp, type TestApp } from "./support.ts";
import { createVerifiedUser } from "./users.ts";

// Needs a redis-server binary (CI has one); on a machine without it this file is skipped.
describe.skipIf(!redisServerAvailable)("catalog cache in Redis", () => {
  let redisServer: TestRedisServer;
  let redis: Redis;
  let t: TestApp;
  let sellerToken: string;
  let customerToken: string;
  let categoryId: number;
  const warnings: string[] = [];

  beforeAll(async () => {
    redisServer = await startRedisServer();
    redis = createRedisClient(redisServer.url, quietLogger, "test:");
    await waitForRedis(redis);
    t = await startTestApp({ redis, logger: { ...quietLogger, warn: (obj, msg) => void warnings.push(String(msg ?? obj)) } });
    sellerToken = (await (await createVerifiedUser(t, "seller")).login()).access;
    customerToken = (await (await createVerifiedUser(t)).login()).access;
    categoryId = (await createCategory(t, "Lamps", "lamps")).id;
  });
  afterAll(async () => {
    await t.close();
    redis.disconnect();
    await redisServer.stop();
  });

  const http = () => httpClient(t.app);

  async function newProduct() {
    const res = await http().post(
      "/api/products/create/",
      { name: "Brass Lamp", category: categoryId, variants: [variant(nextSku(), "80.00", 2)] },
      sellerToken,
    );
    return res.json();
  }

  it("serves detail, lists and the category tree from Redis once read", async () => {
    const product = await newProduct();
    for (const url of [`/api/products/${product.id}/`, "/api/products/", "/api/categories/"]) {
      expect((await http().get(url)).statusCode).toBe(200);
    }
    const keys = await redis.keys("test:*");
    expect(keys.some((key) => key === `test:c:product:${product.id}`)).toBe(true);
    expect(keys.some((key) => key.startsWith("test:c:products:list:"))).toBe(true);
    expect(keys.some((key) => key === "test:c:categories:tree")).toBe(true);
  });

  it("a write is visible on the very next read: review, price change, new image", async () => {
    const product = await newProduct();
    const detail = async () => (await http().get(`/api/products/${product.id}/`)).json();
    const listed = async () =>
      (await http().get(`/api/products/?category=${categoryId}`)).json().results.find((p: { id: number }) => p.id === product.id);
    expect((await detail()).review_count).toBe(0);
    expect((await listed()).price_from).toBe("80.00");

    await http().post(`/api/products/${product.id}/reviews/add/`, { rating: 4, comment: "Warm light" }, customerToken);
    expect(await detail()).toMatchObject({ review_count: 1, average_rating: 4 });

    const variantId = product.variants[0].id;
    await http().patch(`/api/products/${product.id}/variants/${variantId}/`, { price: "65.50" }, sellerToken);
    expect((await detail()).variants[0].price).toBe("65.50");
    expect((await listed()).price_from).toBe("65.50");

    const png = Buffer.from(
      "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082",
      "hex",
    );
    const boundary = "----cachetest";
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="l.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const upload = await t.app.inject({
      method: "POST",
      url: `/api/products/${product.id}/upload-image/`,
      payload,
      headers: { "content-type": `multipart/form-data; boundary=${boundary}`, authorization: `Bearer ${sellerToken}` },
    });
    expect(upload.statusCode, upload.body).toBe(201);
    expect((await detail()).images).toEqual([upload.json()]);

    await createCategory(t, "Desk lamps", "desk-lamps", "lamps");
    const tree = (await http().get("/api/categories/")).json();
    expect(tree.find((c: { slug: string }) => c.slug === "lamps").children.map((c: { slug: string }) => c.slug)).toEqual([
      "desk-lamps",
    ]);
  });

  it("with Redis stopped mid-test, reads still answer 200 from PostgreSQL; one warning per outage", async () => {
    const product = await newProduct();
    await http().get(`/api/products/${product.id}/`);
    warnings.length = 0;
    await redisServer.stop();

    for (let i = 0; i < 3; i++) {
      for (const url of [`/api/products/${product.id}/`, "/api/products/", "/api/categories/"]) {
        const res = await http().get(url);
        expect(res.statusCode, url).toBe(200);
      }
    }
    // A write during the outage cannot invalidate Redis...
    await http().patch(`/api/products/${product.id}/`, { name: "Renamed in the dark" }, sellerToken);
    expect((await http().get(`/api/products/${product.id}/`)).json().name).toBe("Renamed in the dark");
    expect(warnings.filter((w) => w.includes("Redis unavailable"))).toHaveLength(1);

    // ...so entries from before it are retired when Redis returns (here it returns empty anyway).
    await redisServer.start();
    expect(await waitForRedis(redis, 10_000)).toBe(true); // the reads below go through Redis again
    expect((await http().get(`/api/products/${product.id}/`)).json().name).toBe("Renamed in the dark");
    expect((await http().get(`/api/products/${product.id}/`)).statusCode).toBe(200);
  });
});

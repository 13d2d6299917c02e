import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createRedisClient, waitForRedis } from "@shop/api";
import { redisServerAvailable, startRedisServer, type TestRedisServer } from "@shop/testing/redis";
import { createShopper, createVariant, type Shopper } from "./orders-fixtures.ts";
import { httpClient, quietLogger, startTestApp, type TestApp } from "./support.ts";

const http = (t: TestApp) => httpClient(t.app);

async function review(t: TestApp, productId: number, author: Shopper, rating: number, comment = "Fine") {
  const res = await http(t).post(`/api/products/${productId}/reviews/add/`, { rating, comment }, author.token);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; status: string };
}

const listed = async (t: TestApp, productId: number) =>
  (await http(t).get(`/api/products/${productId}/reviews/`)).json() as { count: number; results: { id: number }[] };

const detail = async (t: TestApp, productId: number) => {
  const res = await http(t).get(`/api/products/${productId}/`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { review_count: number; average_rating: number | null };
};

const indexJobsFor = async (t: TestApp, productId: number) =>
  (
    await t.db.$queryRaw<{ n: number }[]>`
      select count(*)::int as n from graphile_worker._private_jobs j
      join graphile_worker._private_tasks k on k.id = j.task_id
      where k.identifier = 'index_product' and (j.payload->>'productId')::int = ${productId}`
  )[0]!.n;

const clearIndexJobs = (t: TestApp, productId: number) =>
  t.db.$executeRaw`
    delete from graphile_worker._private_jobs j using graphile_worker._private_tasks k
    where k.id = j.task_id and k.identifier = 'index_product' and (j.payload->>'productId')::int = ${productId}`;

// Needs a redis-server binary (as catalog-cache.test.ts): the product reads go through the Redis cache.
describe.skipIf(!redisServerAvailable)("REVIEW_MODERATION=post, with the product cache in Redis", () => {
  let redisServer: TestRedisServer;
  let redis: Redis;
  let t: TestApp;
  let staff: Shopper;

  beforeAll(async () => {
    redisServer = await startRedisServer();
    redis = createRedisClient(redisServer.url, quietLogger, "test:");
    await waitForRedis(redis);
    t = await startTestApp({ redis });
    staff = await createShopper(t, "admin");
  });
  afterAll(async () => {
    await t.close();
    redis.disconnect();
    await redisServer.stop();
  });

  it("publishes at once; hide and publish change the list and the rating on the very next (cached) read", async () => {
    const { productId } = await createVariant(t);
    const [ada, grace] = [await createShopper(t), await createShopper(t)];
    const first = await review(t, productId, ada, 5, "Superb");
    expect(first.status).toBe("published");
    await review(t, productId, grace, 2);
    expect(await detail(t, productId)).toMatchObject({ review_count: 2, average_rating: 3.5 });
    // The product is cached in Redis now (the cache is filled in the background of the read).
    await vi.waitFor(async () => expect(await redis.exists(`c:product:${productId}`)).toBe(1));
    await clearIndexJobs(t, productId);

    const hidden = await http(t).post(`/api/admin/reviews/${first.id}/hide/`, { reason: "Off topic" }, staff.token);
    expect(hidden.statusCode, hidden.body).toBe(200);
    expect(hidden.json()).toMatchObject({
      id: first.id,
      status: "hidden",
      hidden_by: { id: staff.id },
      hidden_reason: "Off topic",
      product: { id: productId },
      user: { id: ada.id },
    });
    expect(Date.now() - Date.parse(hidden.json().hidden_at)).toBeLessThan(60_000);
    expect(await detail(t, productId)).toMatchObject({ review_count: 1, average_rating: 2 });
    expect((await listed(t, productId)).results.map((r) => r.id)).not.toContain(first.id);
    // The search document follows: the hide enqueued the product's index job.
    expect(await indexJobsFor(t, productId)).toBe(1);

    // Hiding twice changes nothing (the rating is not taken away twice).
    expect((await http(t).post(`/api/admin/reviews/${first.id}/hide/`, undefined, staff.token)).statusCode).toBe(200);
    expect(await detail(t, productId)).toMatchObject({ review_count: 1, average_rating: 2 });

    // The author still cannot review again while their review is hidden.
    const again = await http(t).post(`/api/products/${productId}/reviews/add/`, { rating: 4, comment: "x" }, ada.token);
    expect(again.statusCode).toBe(409);

    const published = await http(t).post(`/api/admin/reviews/${first.id}/publish/`, undefined, staff.token);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: "published", hidden_at: null, hidden_by: null, hidden_reason: null });
    expect(await detail(t, productId)).toMatchObject({ review_count: 2, average_rating: 3.5 });
    expect((await listed(t, productId)).results.map((r) => r.id)).toContain(first.id);
    // Publishing twice changes nothing either.
    expect((await http(t).post(`/api/admin/reviews/${first.id}/publish/`, {}, staff.token)).statusCode).toBe(200);
    expect(await detail(t, productId)).toMatchObject({ review_count: 2, average_rating: 3.5 });

    const product = await t.db.product.findUniqueOrThrow({ where: { id: productId } });
    expect(product).toMatchObject({ ratingSum: 7, reviewCount: 2, ratingAverage: 3.5 });
  });

  it("customers and sellers get 403 on every staff endpoint, anonymous callers 401; unknown review 404", async () => {
    const { productId } = await createVariant(t);
    const target = await review(t, productId, await createShopper(t), 4);
    const calls = [
      (token?: string) => http(t).get("/api/admin/reviews/?status=published", token),
      (token?: string) => http(t).post(`/api/admin/reviews/${target.id}/publish/`, undefined, token),
      (token?: string) => http(t).post(`/api/admin/reviews/${target.id}/hide/`, undefined, token),
    ];
    const customer = await createShopper(t);
    const seller = await createShopper(t, "seller");
    for (const call of calls) {
      expect((await call(customer.token)).statusCode).toBe(403);
      expect((await call(seller.token)).statusCode).toBe(403);
      const anonymous = await call();
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json()).toMatchObject({ code: expect.any(String), detail: expect.any(String) });
    }
    expect(await detail(t, productId)).toMatchObject({ review_count: 1 });
    expect((await http(t).post("/api/admin/reviews/999999/hide/", undefined, staff.token)).statusCode).toBe(404);
    expect((await http(t).get("/api/admin/reviews/?status=deleted", staff.token)).statusCode).toBe(400);
    const longReason = await http(t).post(`/api/admin/reviews/${target.id}/hide/`, { reason: "x".repeat(501) }, staff.token);
    expect(longReason.statusCode).toBe(400);
  });
});

describe("REVIEW_MODERATION=pre", () => {
  let t: TestApp;
  let staff: Shopper;
  beforeAll(async () => {
    t = await startTestApp({ reviewModeration: "pre" });
    staff = await createShopper(t, "admin");
  });
  afterAll(() => t.close());

  it("keeps a new review out of the list and the rating until staff publish it", async () => {
    const { productId } = await createVariant(t, { name: "Moderated Vase" });
    const author = await createShopper(t);
    const pending = await review(t, productId, author, 4, "Heavy and lovely");
    expect(pending.status).toBe("pending");
    expect(await listed(t, productId)).toMatchObject({ count: 0, results: [] });
    expect(await detail(t, productId)).toMatchObject({ review_count: 0, average_rating: null });
    // One review per author, whatever the status of the first.
    const second = await http(t).post(`/api/products/${productId}/reviews/add/`, { rating: 1, comment: "" }, author.token);
    expect(second.statusCode).toBe(409);

    const queue = await http(t).get("/api/admin/reviews/", staff.token);
    expect(queue.statusCode, queue.body).toBe(200);
    expect(queue.json()).toMatchObject({ count: 1, next: null, previous: null });
    expect(queue.json().results[0]).toMatchObject({
      id: pending.id,
      status: "pending",
      rating: 4,
      comment: "Heavy and lovely",
      product: { id: productId, name: "Moderated Vase" },
      user: { id: author.id },
    });

    expect((await http(t).post(`/api/admin/reviews/${pending.id}/publish/`, undefined, staff.token)).statusCode).toBe(200);
    expect(await listed(t, productId)).toMatchObject({ count: 1, results: [{ id: pending.id, rating: 4 }] });
    expect(await detail(t, productId)).toMatchObject({ review_count: 1, average_rating: 4 });
    expect((await http(t).get("/api/admin/reviews/?status=pending", staff.token)).json().count).toBe(0);
    expect((await http(t).get("/api/admin/reviews/?status=published", staff.token)).json().count).toBe(1);
  });

  it("hiding a pending review leaves the rating alone; the queue paginates", async () => {
    const { productId } = await createVariant(t);
    const authors = await Promise.all([1, 2, 3].map(() => createShopper(t)));
    const reviews = [];
    for (const [i, author] of authors.entries()) reviews.push(await review(t, productId, author, i + 1));
    const hidden = await http(t).post(`/api/admin/reviews/${reviews[0]!.id}/hide/`, undefined, staff.token);
    expect(hidden.json()).toMatchObject({ status: "hidden", hidden_by: { id: staff.id }, hidden_reason: null });
    expect(await detail(t, productId)).toMatchObject({ review_count: 0 });

    const page1 = (await http(t).get("/api/admin/reviews/?status=pending&page_size=1", staff.token)).json();
    expect(page1.count).toBe(2);
    expect(page1.results.map((r: { id: number }) => r.id)).toEqual([reviews[1]!.id]);
    expect(page1.next).toBe("http://shop.test/api/admin/reviews/?status=pending&page=2&page_size=1");
    const page2 = (await http(t).get("/api/admin/reviews/?status=pending&page=2&page_size=1", staff.token)).json();
    expect(page2.results.map((r: { id: number }) => r.id)).toEqual([reviews[2]!.id]);
  });
});

describe("the staff endpoints in the OpenAPI document", () => {
  it("are listed with every status they answer", async () => {
    const t = await startTestApp();
    try {
      const document = (await http(t).get("/api/openapi.json")).json();
      const statuses = (path: string, method: string) => Object.keys(document.paths[path][method].responses).sort();
      expect(statuses("/api/admin/reviews/", "get")).toEqual(expect.arrayContaining(["200", "400", "401", "403", "404"]));
      for (const action of ["publish", "hide"]) {
        expect(statuses(`/api/admin/reviews/{id}/${action}/`, "post")).toEqual(
          expect.arrayContaining(["200", "400", "401", "403", "404"]),
        );
      }
      expect(statuses("/api/products/{product_id}/reviews/add/", "post")).toEqual(
        expect.arrayContaining(["201", "401", "403", "404", "409"]),
      );
    } finally {
      await t.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { meilisearchEngine, postgresSearchEngine, withFallback, type Logger } from "@shop/api";
import { eventually, retryingJobs, runJobsNow } from "@shop/testing";
import { startMeilisearchStandIn, type MeilisearchStandIn } from "@shop/testing/meilisearch";
import { createCategory, nextSku, variant } from "./catalog-fixtures.ts";
import { httpClient, startTestApp, type TestApp } from "./support.ts";
import { createVerifiedUser } from "./users.ts";

// The server as configured with MEILI_HOST: Meilisearch in front, PostgreSQL as the fallback.
const warnings: string[] = [];
const recordingLogger: Logger = { info() {}, error() {}, warn: (_obj, msg) => void warnings.push(String(msg)) };

async function sellerWithCategory(t: TestApp) {
  const token = (await (await createVerifiedUser(t, "seller")).login()).access;
  const category = await createCategory(t, "Silk scarves", "silk-scarves");
  return async (name: string): Promise<number> => {
    const res = await httpClient(t.app).post(
      "/api/products/create/",
      { name, category: category.id, variants: [variant(nextSku("FB"))] },
      token,
    );
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  };
}

const productIds = async (t: TestApp, q: string): Promise<number[]> => {
  const res = await httpClient(t.app).get(`/api/search/?q=${encodeURIComponent(q)}&type=product`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().products.map((p: { id: number }) => p.id);
};

describe("MEILI_HOST set but nothing listening there", () => {
  let t: TestApp;
  let createProduct: (name: string) => Promise<number>;
  beforeAll(async () => {
    t = await startTestApp({
      worker: true,
      logger: recordingLogger,
      search: (db, logger) =>
        withFallback(meilisearchEngine({ host: "http://127.0.0.1:9", requestTimeoutMs: 500 }), postgresSearchEngine(db), logger),
    });
    createProduct = await sellerWithCategory(t);
  });
  afterAll(() => t.close());

  it("answers 200 from PostgreSQL and logs a warning; products are found once their job wrote the fallback", async () => {
    const id = await createProduct("Zanzibar Silk Scarf");
    warnings.length = 0;
    expect(
      await eventually(() => productIds(t, "zanzibr scarff"), { until: (found) => found.length > 0, timeoutMs: 15_000 }),
    ).toEqual([id]);
    const both = await httpClient(t.app).get("/api/search/?q=silk");
    expect(both.statusCode).toBe(200);
    expect(Object.keys(both.json()).sort()).toEqual(["categories", "products", "query"]);
    expect(warnings).toContain("search engine unavailable: answering from postgres");
  });
});

describe("Meilisearch (stand-in) in front of PostgreSQL", () => {
  let standIn: MeilisearchStandIn;
  let t: TestApp;
  let createProduct: (name: string) => Promise<number>;
  const searchesSeen = () => standIn.requests.filter((r) => r === "POST /indexes/products/search").length;

  beforeAll(async () => {
    standIn = await startMeilisearchStandIn();
    t = await startTestApp({
      worker: true,
      logger: recordingLogger,
      search: (db, logger) =>
        withFallback(
          meilisearchEngine({ host: standIn.url, apiKey: standIn.apiKey, requestTimeoutMs: 500 }),
          postgresSearchEngine(db),
          logger,
        ),
    });
    await t.deps.search.setup();
    createProduct = await sellerWithCategory(t);
  });
  afterAll(async () => {
    await t.close();
    await standIn.close();
  });

  it("indexes new products in Meilisearch through the job and answers searches from it", async () => {
    const id = await createProduct("Kyoto Silk Scarf");
    await eventually(async () => standIn.indexes.get("products")?.documents.has(String(id)), { timeoutMs: 15_000 });
    expect(standIn.indexes.get("products")!.documents.get(String(id))).toMatchObject({
      id,
      name: "Kyoto Silk Scarf",
      category_names: ["Silk scarves"],
    });
    const before = searchesSeen();
    expect(await productIds(t, "kyoto")).toEqual([id]);
    expect(searchesSeen()).toBe(before + 1);
  });

  it("falls back while Meilisearch is unreachable, and catches up by retrying the job when it returns", async () => {
    standIn.unreachable = true;
    let id: number;
    try {
      warnings.length = 0;
      id = await createProduct("Lisbon Silk Bandana");
      // The job wrote PostgreSQL, then failed on Meilisearch: the fallback finds it at once.
      expect(
        await eventually(() => productIds(t, "lisbon bandana"), { until: (found) => found.length > 0, timeoutMs: 15_000 }),
      ).toEqual([id]);
      expect(warnings).toContain("search engine unavailable: answering from postgres");
      expect(standIn.indexes.get("products")!.documents.has(String(id))).toBe(false);
      await eventually(async () => (await retryingJobs(t.db, "index_product")) > 0, { what: "the index job's retry" });
    } finally {
      standIn.unreachable = false;
    }
    // graphile-worker would retry after its back-off (about 3 s), on the database's clock: the retry runs now.
    expect(await runJobsNow(t.db, "index_product")).toBeGreaterThan(0);
    await eventually(async () => standIn.indexes.get("products")!.documents.has(String(id)), { timeoutMs: 15_000 });
    const before = searchesSeen();
    expect(await productIds(t, "lisbon bandana")).toEqual([id]);
    expect(searchesSeen()).toBe(before + 1);
  }, 30_000);

  it("removes deleted products from both indexes", async () => {
    const seller = await createVerifiedUser(t, "seller");
    const token = (await seller.login()).access;
    const category = await t.db.category.findFirstOrThrow({ select: { id: true } });
    const created = await httpClient(t.app).post(
      "/api/products/create/",
      { name: "Oslo Wool Scarf", category: category.id, variants: [variant(nextSku("FB"))] },
      token,
    );
    const id: number = created.json().id;
    await eventually(async () => standIn.indexes.get("products")!.documents.has(String(id)), { timeoutMs: 15_000 });
    expect((await httpClient(t.app).delete(`/api/products/${id}/`, token)).statusCode).toBe(204);
    await eventually(async () => !standIn.indexes.get("products")!.documents.has(String(id)), { timeoutMs: 15_000 });
    expect(await t.db.productSearch.count({ where: { productId: id } })).toBe(0);
  });
});

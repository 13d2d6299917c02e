import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMeilisearchStandIn, type MeilisearchStandIn } from "@shop/testing/meilisearch";
import { INDEX_SETTINGS, meilisearchEngine, type ProductDocument, type SearchEngine } from "../src/index.ts";

const product = (id: number, name: string, extra: Partial<ProductDocument> = {}): ProductDocument => ({
  id,
  name,
  description: `${name}, made by hand.`,
  category_id: 3,
  category_names: ["Fashion", "Scarves", "Silk scarves"],
  category_ids: [1, 2, 3],
  variant_names: ["Standard"],
  skus: [`SKU-${id}`],
  seller_id: 7,
  seller: "atelier_nova",
  price_min: 1999,
  price_max: 2499,
  in_stock: true,
  rating: 4.5,
  review_count: 2,
  created_at: Date.now(),
  ...extra,
});

const window = { offset: 0, limit: 10 };

/** The adapter's behaviour, against any server that speaks Meilisearch's API. */
function adapterContract(server: () => { url: string; apiKey: string }) {
  let engine: SearchEngine;
  let prefix: string;
  const api = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${server().url}/${path}`, {
      ...init,
      headers: { authorization: `Bearer ${server().apiKey}`, "content-type": "application/json" },
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(() => {
    prefix = `t${randomBytes(4).toString("hex")}_`;
    engine = meilisearchEngine({ host: server().url, apiKey: server().apiKey, indexPrefix: prefix, taskTimeoutMs: 20_000 });
  });
  afterAll(async () => {
    const { body } = await api("indexes?limit=1000");
    for (const { uid } of body.results as { uid: string }[])
      if (uid.startsWith(prefix)) await api(`indexes/${uid}`, { method: "DELETE" });
  });

  it("creates both indexes and applies the settings explicitly; running it again changes nothing", async () => {
    await engine.setup();
    await engine.setup();
    const settings = (await api(`indexes/${prefix}products/settings`)).body;
    expect(settings.searchableAttributes).toEqual(INDEX_SETTINGS.product.searchableAttributes);
    expect(settings.rankingRules).toEqual(INDEX_SETTINGS.product.rankingRules);
    expect([...(settings.filterableAttributes as string[])].sort()).toEqual(
      [...(INDEX_SETTINGS.product.filterableAttributes as string[])].sort(),
    );
    expect([...(settings.sortableAttributes as string[])].sort()).toEqual([...INDEX_SETTINGS.product.sortableAttributes!].sort());
    const categories = (await api(`indexes/${prefix}categories/settings`)).body;
    expect(categories.searchableAttributes).toEqual(INDEX_SETTINGS.category.searchableAttributes);
  });

  it("indexes documents so they are searchable as soon as upsert resolves, typos included; remove deletes them", async () => {
    await engine.upsert("product", [product(1, "Zanzibar Silk Scarf"), product(2, "Kyoto Tote", { category_names: ["Bags"] })]);
    expect(await engine.search("product", "zanzibar silk scarf", window)).toEqual([1]);
    expect(await engine.search("product", "zanzibr scarff", window)).toEqual([1]);
    expect(await engine.search("product", "kyoto", window)).toEqual([2]);
    await engine.upsert("product", [product(2, "Kyoto Market Bag")]);
    expect(await engine.search("product", "market", window)).toEqual([2]);
    await engine.remove("product", [1]);
    expect(await engine.search("product", "zanzibar", window)).toEqual([]);
    await engine.upsert("category", [
      { id: 3, name: "Silk scarves", slug: "silk-scarves", description: "", parent: 2, path: ["Fashion", "Scarves"] },
    ]);
    expect(await engine.search("category", "silk scarvs", window)).toEqual([3]);
  });

  it("rebuilds into a fresh index and swaps it in: searches see the old documents until then, and no rebuild index is left", async () => {
    await engine.upsert("product", [product(10, "Lisbon Shopper")]);
    await engine.rebuild("product", async (write) => {
      await write([product(11, "Oslo Wool Scarf")]);
      expect(await engine.search("product", "lisbon", window)).toEqual([10]);
      await write([product(12, "Oslo Cashmere Wrap")]);
    });
    expect(await engine.search("product", "lisbon", window)).toEqual([]);
    expect((await engine.search("product", "oslo", window)).sort()).toEqual([11, 12]);
    const uids = ((await api("indexes?limit=1000")).body.results as { uid: string }[])
      .map((i) => i.uid)
      .filter((uid) => uid.startsWith(prefix));
    expect(uids.sort()).toEqual([`${prefix}categories`, `${prefix}products`]);
    const settings = (await api(`indexes/${prefix}products/settings`)).body;
    expect(settings.searchableAttributes).toEqual(INDEX_SETTINGS.product.searchableAttributes);
  });

  it("answers ping", async () => {
    await expect(engine.ping()).resolves.toBeUndefined();
  });
}

describe("meilisearchEngine against the local stand-in", () => {
  let standIn: MeilisearchStandIn;
  beforeAll(async () => {
    standIn = await startMeilisearchStandIn();
  });
  afterAll(() => standIn.close());

  adapterContract(() => standIn);

  it("waits for each write's task, and a failed task fails the write (so the job retries)", async () => {
    const engine = meilisearchEngine({ host: standIn.url, apiKey: standIn.apiKey, indexPrefix: "fail_" });
    await engine.setup();
    standIn.failNextTask("internal");
    await expect(engine.upsert("product", [product(1, "Zanzibar Silk Scarf")])).rejects.toThrow(/failed: Injected failure/);
    expect(standIn.indexes.get("fail_products")!.documents.size).toBe(0);
    await engine.upsert("product", [product(1, "Zanzibar Silk Scarf")]);
    expect(standIn.indexes.get("fail_products")!.documents.size).toBe(1);
    expect(standIn.requests).toContain("GET /tasks/" + String(standIn.tasks.length - 1));
  });

  it("rejects searches and writes while unreachable, and sets itself up again when it returns", async () => {
    const engine = meilisearchEngine({ host: standIn.url, apiKey: standIn.apiKey, indexPrefix: "down_", requestTimeoutMs: 500 });
    standIn.unreachable = true;
    try {
      await expect(engine.setup()).rejects.toThrow();
      await expect(engine.search("product", "scarf", window)).rejects.toThrow();
      await expect(engine.ping()).rejects.toThrow();
    } finally {
      standIn.unreachable = false;
    }
    await engine.upsert("product", [product(5, "Zanzibar Silk Scarf")]);
    expect(standIn.indexes.get("down_products")!.settings.rankingRules).toEqual(INDEX_SETTINGS.product.rankingRules);
    expect(await engine.search("product", "scarf", window)).toEqual([5]);
  });

  it("sends the master key; a wrong key is refused", async () => {
    const engine = meilisearchEngine({ host: standIn.url, apiKey: "wrong", indexPrefix: "auth_" });
    await expect(engine.setup()).rejects.toThrow(/invalid/i);
  });
});

// Contract test: the same behaviour against a real Meilisearch, run only when MEILI_HOST is set
// (with MEILI_MASTER_KEY when the server has one).
describe.skipIf(!process.env.MEILI_HOST)("meilisearchEngine against a real Meilisearch (MEILI_HOST)", () => {
  adapterContract(() => ({ url: (process.env.MEILI_HOST ?? "").replace(/\/$/, ""), apiKey: process.env.MEILI_MASTER_KEY ?? "" }));
});

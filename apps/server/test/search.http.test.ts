import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller, reindexAll, SYSTEM_USER } from "@shop/api";
import { eventually } from "@shop/testing";
import { createCategory, nextSku, variant } from "./catalog-fixtures.ts";
import { expectNoStackTrace, httpClient, startTestApp, type TestApp } from "./support.ts";
import { createVerifiedUser } from "./users.ts";

// The PostgreSQL engine on a real database, fed by the real index jobs (worker in-process).
let t: TestApp;
let sellerToken: string;
let silk: { id: number };
let bags: { id: number };
const ids: Record<string, number> = {};

const http = () => httpClient(t.app);
const search = (query: string) => http().get(`/api/search/?${query}`);

async function createProduct(name: string, category: number, description = ""): Promise<number> {
  const res = await http().post(
    "/api/products/create/",
    { name, description, category, variants: [variant(nextSku("SRCH"))] },
    sellerToken,
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

const productIds = async (query: string): Promise<number[]> =>
  (await search(query)).json().products.map((p: { id: number }) => p.id);

beforeAll(async () => {
  t = await startTestApp({ worker: true });
  sellerToken = (await (await createVerifiedUser(t, "seller")).login()).access;
  await createCategory(t, "Fashion", "fashion");
  await createCategory(t, "Scarves", "scarves", "fashion");
  silk = await createCategory(t, "Silk scarves", "silk-scarves", "scarves");
  bags = await createCategory(t, "Tote bags", "tote-bags", "fashion");
  for (const [name, category] of [
    ["Zanzibar Silk Scarf", silk.id],
    ["Midnight Zanzibar Silk Scarf", silk.id],
    ["Zanzibar Silk Square", silk.id],
    ["Kyoto Silk Scarf", silk.id],
    ["Zanzibar Tote", bags.id],
    ["Lisbon Market Bag", bags.id],
  ] as const) {
    ids[name] = await createProduct(name, category, `${name}: made by hand.`);
  }
  // Every product is searchable once its index job has run.
  expect(await eventually(() => productIds("q=silk&limit=50"), { until: (found) => found.length === 4 })).toHaveLength(4);
  await eventually(() => productIds("q=lisbon"), { until: (found) => found.length === 1 });
});
afterAll(() => t.close());

describe("GET /api/search/ (PostgreSQL engine)", () => {
  it.each([
    ["exact", "Zanzibar Silk Scarf", "Zanzibar Silk Scarf"],
    ["prefix", "zanzibar silk sca", "Zanzibar Silk Scarf"],
    ["multi-word, any order", "scarf kyoto", "Kyoto Silk Scarf"],
    ["misspelled", "zanzibr scarff", "Zanzibar Silk Scarf"],
    ["misspelled single word", "lisbn", "Lisbon Market Bag"],
    ["accent-insensitive", "Zánzíbar squaré", "Zanzibar Silk Square"],
    ["by category name", "tote bags lisbon", "Lisbon Market Bag"],
  ])("%s query %j finds %j first", async (_kind, q, expected) => {
    const found = await productIds(`q=${encodeURIComponent(q)}`);
    expect(found[0], JSON.stringify(found)).toBe(ids[expected]);
  });

  it("answers with the catalog's product summaries and category summaries", async () => {
    const res = await search("q=zanzibar%20silk%20scarf");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.query).toBe("zanzibar silk scarf");
    const detail = (await http().get(`/api/products/${ids["Zanzibar Silk Scarf"]}/`)).json();
    expect(body.products[0]).toEqual(detail);
    const categories = (await search("q=silk%20scarvs&type=category")).json().categories;
    expect(categories[0]).toEqual({
      id: silk.id,
      name: "Silk scarves",
      slug: "silk-scarves",
      description: "",
      parent: expect.any(Number),
    });
  });

  it("has a key only for the types searched", async () => {
    expect(Object.keys((await search("q=silk")).json()).sort()).toEqual(["categories", "products", "query"]);
    expect(Object.keys((await search("q=silk&type=product")).json()).sort()).toEqual(["products", "query"]);
    const categoriesOnly = (await search("q=silk&type=category")).json();
    expect(Object.keys(categoriesOnly).sort()).toEqual(["categories", "query"]);
    expect(categoriesOnly.categories.map((c: { slug: string }) => c.slug)).toContain("silk-scarves");
    expect((await search("q=xylophone%20quartet&type=product")).json()).toEqual({ query: "xylophone quartet", products: [] });
  });

  it("pages with page and limit", async () => {
    const first = await productIds("q=silk&limit=2");
    const second = await productIds("q=silk&limit=2&page=2");
    expect(first).toHaveLength(2);
    expect(second).toHaveLength(2);
    expect(new Set([...first, ...second]).size).toBe(4);
  });

  it.each([
    ["q missing", ""],
    ["q blank", "q=%20%20"],
    ["q over 200 characters", `q=${"a".repeat(201)}`],
    ["unknown type", "q=silk&type=seller"],
    ["limit too large", "q=silk&limit=1000"],
    ["page not a number", "q=silk&page=x"],
  ])("%s → 400 in the API's error shape", async (_case, query) => {
    const res = await search(query);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: expect.any(String), detail: expect.any(String) });
    expectNoStackTrace(res.body);
  });

  it("trims q and accepts exactly 200 characters", async () => {
    expect((await search(`q=${"a".repeat(200)}`)).statusCode).toBe(200);
    expect((await search("q=%20%20kyoto%20")).json().query).toBe("kyoto");
  });

  it("finds a product created through the API once its job ran; a deleted one disappears", async () => {
    expect(await productIds("q=ulaanbaatar")).toEqual([]);
    const id = await createProduct("Ulaanbaatar Felt Slippers", bags.id);
    expect(await eventually(() => productIds("q=ulaanbaatr%20slipers"), { until: (found) => found.length > 0 })).toEqual([id]);

    const renamed = await http().patch(`/api/products/${id}/`, { name: "Ulaanbaatar Felt Boots" }, sellerToken);
    expect(renamed.statusCode).toBe(200);
    expect(await eventually(() => productIds("q=boots"), { until: (found) => found.length > 0 })).toEqual([id]);

    expect((await http().delete(`/api/products/${id}/`, sellerToken)).statusCode).toBe(204);
    expect(await eventually(() => productIds("q=ulaanbaatar"), { until: (found) => found.length === 0 })).toEqual([]);
  });

  it("re-indexes products when their category is renamed", async () => {
    const admin = createCaller(await t.context(SYSTEM_USER));
    await admin.categories.update({ id: bags.id, name: "Carryalls" });
    expect(await eventually(() => productIds("q=carryalls"), { until: (found) => found.length === 2 })).toHaveLength(2);
  });

  it("pnpm search:reindex rebuilds the index from PostgreSQL in batches, with progress", async () => {
    await t.db.$executeRaw`delete from product_search`;
    expect(await productIds("q=kyoto")).toEqual([]);
    const progress: string[] = [];
    const summary = await reindexAll(await t.context(), { batchSize: 2, log: (line) => progress.push(line) });
    expect(summary).toMatchObject({ products: 6, categories: 4 });
    expect(progress).toEqual(expect.arrayContaining(["products: 2/6", "products: 6/6", "categories: 4/4"]));
    expect(await productIds("q=kyoto")).toEqual([ids["Kyoto Silk Scarf"]]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createShopper, createVariant, type Shopper } from "./orders-fixtures.ts";
import { httpClient, startTestApp, type TestApp } from "./support.ts";

// What the fuzz test (fuzz.http.test.ts) found, each kept here as a plain case.
let t: TestApp;
let seller: Shopper;
beforeAll(async () => {
  t = await startTestApp();
  seller = await createShopper(t, "seller");
});
afterAll(() => t.close());

describe("path parameters the router itself refuses answer in API.md's shape", () => {
  it("malformed percent-encoding → 400 BAD_REQUEST", async () => {
    for (const url of ["/api/orders/%E0%A4%A/", "/api/products/%/variants/", "/api/categories/%/"]) {
      const res = await t.app.inject({ method: "GET", url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toEqual({ detail: expect.any(String), code: "BAD_REQUEST" });
    }
  });

  it("an empty segment names no resource: 404, before any body is read", async () => {
    for (const [method, url] of [
      ["GET", "/api/products//"],
      ["DELETE", "/api/products//"],
      ["POST", "/api/admin/orders//refund/"],
    ] as const) {
      const res = await t.app.inject({ method, url, payload: "{not json", headers: { "content-type": "text/csv" } });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json(), url).toEqual({ detail: expect.any(String), code: "NOT_FOUND" });
    }
  });

  it("a parameter longer than the router takes → 414 URI_TOO_LONG", async () => {
    const res = await t.app.inject({ method: "GET", url: `/api/products/${"x".repeat(600)}/` });
    expect(res.statusCode).toBe(414);
    expect(res.json()).toEqual({ detail: expect.any(String), code: "URI_TOO_LONG" });
  });
});

it("a category id past PostgreSQL's integer range → 400 naming the field, not a 500", async () => {
  const variant = { sku: "FUZZ-1", name: "One", price: "1.00", stock: 1 };
  const create = await httpClient(t.app).post(
    "/api/products/create/",
    { name: "Lamp", category: 7862512369981267, variants: [variant] },
    seller.token,
  );
  expect(create.statusCode).toBe(400);
  expect(create.json()).toMatchObject({ code: "VALIDATION_ERROR", fields: { category: [expect.any(String)] } });
});

describe("two deletes of the same row at once: one succeeds, the other is a 404, never a 500", () => {
  it("a product, over REST", async () => {
    const { productId } = await createVariant(t, { sellerId: seller.id });
    const client = httpClient(t.app);
    const statuses = (await Promise.all([1, 2, 3].map(() => client.delete(`/api/products/${productId}/`, seller.token)))).map(
      (res) => res.statusCode,
    );
    expect(statuses.sort()).toEqual([204, 404, 404]);
  });

  it("a product, in one /trpc batch", async () => {
    const { productId } = await createVariant(t, { sellerId: seller.id });
    const res = await httpClient(t.app).post(
      "/trpc/products.delete,products.delete?batch=1",
      { 0: { id: productId }, 1: { id: productId } },
      seller.token,
    );
    const statuses = (res.json() as { result?: unknown; error?: { data: { httpStatus: number } } }[]).map(
      (entry) => entry.error?.data.httpStatus ?? 200,
    );
    expect(statuses.sort()).toEqual([200, 404]);
  });

  it("a variant, over REST", async () => {
    const { productId, variantId } = await createVariant(t, { sellerId: seller.id });
    const client = httpClient(t.app);
    // Three variants, so neither delete meets the last-variant rule (409).
    for (const sku of ["A", "B"]) {
      const variant = { sku: `KEEP-${sku}-${productId}`, name: "Keep", price: "2.00", stock: 1 };
      expect((await client.post(`/api/products/${productId}/variants/`, variant, seller.token)).statusCode).toBe(201);
    }
    const statuses = (
      await Promise.all([1, 2].map(() => client.delete(`/api/products/${productId}/variants/${variantId}/`, seller.token)))
    ).map((res) => res.statusCode);
    expect(statuses.sort()).toEqual([200, 404]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCategory, nextSku, variant } from "./catalog-fixtures.ts";
import { httpClient, startTestApp, type TestApp } from "./support.ts";
import { createVerifiedUser } from "./users.ts";

let t: TestApp;
const queries: string[] = [];

beforeAll(async () => {
  t = await startTestApp({ onQuery: (sql) => queries.push(sql) });
  const token = (await (await createVerifiedUser(t, "seller")).login()).access;
  const { id: category } = await createCategory(t, "Bulk", "bulk");
  for (let i = 0; i < 30; i++) {
    const res = await httpClient(t.app).post(
      "/api/products/create/",
      { name: `Bulk item ${i}`, category, variants: [variant(nextSku()), variant(nextSku(), "5.00", 0)] },
      token,
    );
    expect(res.statusCode).toBe(201);
  }
});
afterAll(() => t.close());

async function queriesFor(url: string): Promise<number> {
  queries.length = 0;
  const res = await httpClient(t.app).get(url);
  expect(res.statusCode, res.body).toBe(200);
  return queries.length;
}

describe("product list queries", () => {
  it("are as many for a page of 1 as for a page of 30, with filters or without", async () => {
    const few = await queriesFor("/api/products/?page_size=1");
    const many = await queriesFor("/api/products/?page_size=30");
    expect(many).toBe(few);
    expect(few).toBe(1);
    const filtered1 = await queriesFor("/api/products/?page_size=1&in_stock=true&min_price=1&ordering=-price");
    const filtered30 = await queriesFor("/api/products/?page_size=30&in_stock=true&min_price=1&ordering=-price");
    expect(filtered30).toBe(filtered1);
  });

  it("and a product detail is a constant handful too", async () => {
    const detail = await queriesFor("/api/products/1/");
    expect(detail).toBe(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCatalog } from "../src/seed/seed.ts";
import { createCategory, nextSku, variant } from "./catalog-fixtures.ts";
import { httpClient, startTestApp, type TestApp } from "./support.ts";
import { createVerifiedUser } from "./users.ts";

// A list's count comes from per-category counters kept by triggers (catalog_counts migration)
// when only the category filters it: it must equal counting the rows after every kind of write.
let t: TestApp;
let token: string;
let home: { id: number };
let lamps: { id: number };
let rugs: { id: number };

const http = () => httpClient(t.app);

async function listCount(query = ""): Promise<number> {
  const res = await http().get(`/api/products/?page_size=1${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().count;
}

/** The counts the API answers, beside the counts of the rows themselves. */
async function counts() {
  const [rows] = await t.db.$queryRaw<{ all: number; home: number; lamps: number; rugs: number }[]>`
    select count(*)::int as all,
           (count(*) filter (where category_id = any(${[home.id, lamps.id, rugs.id]}::int[])))::int as home,
           (count(*) filter (where category_id = ${lamps.id}))::int as lamps,
           (count(*) filter (where category_id = ${rugs.id}))::int as rugs
    from products`;
  const api = {
    all: await listCount(),
    home: await listCount(`&category=${home.id}`),
    lamps: await listCount(`&category=${lamps.id}`),
    rugs: await listCount(`&category=${rugs.id}`),
  };
  return { api, rows };
}

async function createProduct(name: string, category: number): Promise<number> {
  const res = await http().post("/api/products/create/", { name, category, variants: [variant(nextSku())] }, token);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

beforeAll(async () => {
  t = await startTestApp();
  token = (await (await createVerifiedUser(t, "seller")).login()).access;
  home = await createCategory(t, "Home", "home-counts");
  lamps = await createCategory(t, "Lamps", "lamps-counts", "home-counts");
  rugs = await createCategory(t, "Rugs", "rugs-counts", "home-counts");
});
afterAll(() => t.close());

describe("product list counts", () => {
  it("equal the rows after creates, a move to another category and deletes", async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await createProduct(`Lamp ${i}`, lamps.id));
    ids.push(await createProduct("Rug", rugs.id));
    let { api, rows } = await counts();
    expect(api).toEqual(rows);
    expect(api).toMatchObject({ lamps: 5, rugs: 1, home: 6 });

    expect((await http().patch(`/api/products/${ids[0]}/`, { category: rugs.id }, token)).statusCode).toBe(200);
    expect((await http().patch(`/api/products/${ids[1]}/`, { name: "Renamed lamp" }, token)).statusCode).toBe(200);
    ({ api, rows } = await counts());
    expect(api).toEqual(rows);
    expect(api).toMatchObject({ lamps: 4, rugs: 2 });

    for (const id of ids.slice(0, 3)) expect((await http().delete(`/api/products/${id}/`, token)).statusCode).toBe(204);
    ({ api, rows } = await counts());
    expect(api).toEqual(rows);
    expect(api).toMatchObject({ lamps: 2, rugs: 1, home: 3 });
  });

  it("equal the rows after a bulk insert (the demo seed), and filtered lists still count their rows", async () => {
    await seedCatalog(t.db, { products: 300, log: () => {} });
    const { api, rows } = await counts();
    expect(api).toEqual(rows);
    const [inStock] = await t.db.$queryRaw<{ n: number }[]>`
      select count(*)::int as n from products p where exists (select 1 from product_variants v where v.product_id = p.id and v.stock > 0)`;
    expect(await listCount("&in_stock=true")).toBe(inStock!.n);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { productView } from "@shop/api";
import { createCategory, nextSku, variant } from "./catalog-fixtures.ts";
import { httpClient, startTestApp, type TestApp } from "./support.ts";
import { createVerifiedUser, type TestUser } from "./users.ts";

let t: TestApp;
let seller: TestUser;
let otherSeller: TestUser;
let customer: TestUser;
let sellerToken: string;
let otherSellerToken: string;
let customerToken: string;
let fashion: { id: number };
let scarves: { id: number };
let silk: { id: number };
let home: { id: number };

beforeAll(async () => {
  t = await startTestApp();
  seller = await createVerifiedUser(t, "seller");
  otherSeller = await createVerifiedUser(t, "seller");
  customer = await createVerifiedUser(t);
  sellerToken = (await seller.login()).access;
  otherSellerToken = (await otherSeller.login()).access;
  customerToken = (await customer.login()).access;
  fashion = await createCategory(t, "Fashion", "fashion");
  scarves = await createCategory(t, "Scarves", "scarves", "fashion");
  silk = await createCategory(t, "Silk scarves", "silk-scarves", "scarves");
  home = await createCategory(t, "Home", "home");
});
afterAll(() => t.close());

const http = () => httpClient(t.app);

async function createProduct(token: string, body: Record<string, unknown>) {
  const res = await http().post("/api/products/create/", body, token);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe("categories", () => {
  it("lists roots with children nested to any depth; detail has the same shape", async () => {
    const res = await http().get("/api/categories/");
    expect(res.statusCode).toBe(200);
    const roots = res.json();
    expect(roots.map((c: { slug: string }) => c.slug)).toEqual(["fashion", "home"]);
    expect(roots[0]).toEqual({
      id: fashion.id,
      name: "Fashion",
      slug: "fashion",
      description: "",
      parent: null,
      children: [
        {
          id: scarves.id,
          name: "Scarves",
          slug: "scarves",
          description: "",
          parent: fashion.id,
          children: [
            { id: silk.id, name: "Silk scarves", slug: "silk-scarves", description: "", parent: scarves.id, children: [] },
          ],
        },
      ],
    });
    const detail = await http().get(`/api/categories/${scarves.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().children[0].slug).toBe("silk-scarves");
    expect((await http().get("/api/categories/999999/")).statusCode).toBe(404);
    expect((await http().get("/api/categories/abc/")).statusCode).toBe(400);
  });

  it("cannot be created through REST; a duplicate slug → 409", async () => {
    expect((await http().post("/api/categories/", { name: "X", slug: "x" }, customerToken)).statusCode).toBe(405);
    await expect(createCategory(t, "Again", "fashion")).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("POST /api/products/create/", () => {
  it("creates a product with variants for a seller: 201 and the full shape", async () => {
    const sku = nextSku();
    const product = await createProduct(sellerToken, {
      name: "Zanzibar Silk Scarf",
      description: "Hand-rolled edges.",
      category: silk.id,
      variants: [variant(sku, "49.9", 3, { colour: "indigo" }), variant(nextSku(), 39, 0)],
    });
    expect(product).toMatchObject({
      name: "Zanzibar Silk Scarf",
      slug: "zanzibar-silk-scarf",
      category: silk.id,
      seller: { id: seller.id, username: seller.username },
      price_from: "39.00",
      images: [],
      average_rating: null,
      review_count: 0,
    });
    expect(product.variants[0]).toEqual({
      id: expect.any(Number),
      sku,
      name: `Variant ${sku}`,
      price: "49.90",
      stock: 3,
      attributes: { colour: "indigo" },
    });
    expect((await http().get(`/api/products/${product.id}/`)).json()).toEqual(product);
  });

  it("anonymous → 401, customer → 403", async () => {
    const body = { name: "Nope", category: home.id, variants: [variant(nextSku())] };
    expect((await http().post("/api/products/create/", body)).statusCode).toBe(401);
    const res = await http().post("/api/products/create/", body, customerToken);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: "PERMISSION_DENIED" });
  });

  it("a duplicate SKU → 409", async () => {
    const sku = nextSku();
    await createProduct(sellerToken, { name: "Mug", category: home.id, variants: [variant(sku)] });
    const res = await http().post(
      "/api/products/create/",
      { name: "Mug 2", category: home.id, variants: [variant(sku)] },
      otherSellerToken,
    );
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: "DUPLICATE_SKU", fields: { sku: [sku] } });
  });

  it("invalid input → 400 with fields", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: "", category: home.id, variants: [variant(nextSku())] }, "name"],
      [{ name: "No variants", category: home.id, variants: [] }, "variants"],
      [{ name: "Bad price", category: home.id, variants: [variant(nextSku(), "12.345")] }, "variants.0.price"],
      [{ name: "Negative", category: home.id, variants: [variant(nextSku(), "-1")] }, "variants.0.price"],
      [{ name: "Stock", category: home.id, variants: [{ ...variant(nextSku()), stock: -1 }] }, "variants.0.stock"],
      [{ name: "No category", category: 999999, variants: [variant(nextSku())] }, "category"],
      [{ name: "Same SKU twice", category: home.id, variants: [variant("TWIN-1"), variant("TWIN-1")] }, "variants"],
    ];
    for (const [body, field] of cases) {
      const res = await http().post("/api/products/create/", body, sellerToken);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.json().fields), JSON.stringify(body)).toContain(field);
    }
  });
});

describe("GET /api/products/", () => {
  let sellerA: TestUser;
  let tokenA: string;
  beforeAll(async () => {
    sellerA = await createVerifiedUser(t, "seller");
    tokenA = (await sellerA.login()).access;
    await createProduct(tokenA, { name: "Alpha Scarf", category: silk.id, variants: [variant(nextSku(), "10.00", 0)] });
    await createProduct(tokenA, { name: "Beta Scarf", category: scarves.id, variants: [variant(nextSku(), "20.00", 2)] });
    await createProduct(tokenA, {
      name: "Gamma Lamp",
      category: home.id,
      variants: [variant(nextSku(), "30.00", 1), variant(nextSku(), "25.00", 0)],
    });
  });

  const names = async (query: string) => {
    const res = await http().get(`/api/products/?seller=${sellerA.id}&${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().results.map((p: { name: string }) => p.name);
  };

  it("filters by category including descendants, price range and stock, and combines them", async () => {
    expect(await names(`category=${fashion.id}&ordering=name`)).toEqual(["Alpha Scarf", "Beta Scarf"]);
    expect(await names(`category=${silk.id}`)).toEqual(["Alpha Scarf"]);
    expect(await names("min_price=15&max_price=25.00&ordering=price")).toEqual(["Beta Scarf", "Gamma Lamp"]);
    expect(await names("in_stock=true&ordering=name")).toEqual(["Beta Scarf", "Gamma Lamp"]);
    expect(await names("in_stock=false")).toEqual(["Alpha Scarf"]);
    expect(await names(`category=${fashion.id}&in_stock=true&max_price=20`)).toEqual(["Beta Scarf"]);
    expect(await names("ordering=-price")).toEqual(["Gamma Lamp", "Beta Scarf", "Alpha Scarf"]);
  });

  it("paginates DRF-style with bounds", async () => {
    const res = await http().get(`/api/products/?seller=${sellerA.id}&ordering=name&page_size=2`);
    expect(res.json()).toMatchObject({ count: 3, previous: null, next: expect.stringContaining("page=2") });
    expect(res.json().results).toHaveLength(2);
    const second = await http().get(new URL(res.json().next).pathname + new URL(res.json().next).search);
    expect(second.json()).toMatchObject({ count: 3, next: null, previous: expect.stringContaining("page=1") });
    expect(second.json().results.map((p: { name: string }) => p.name)).toEqual(["Gamma Lamp"]);

    const capped = await http().get("/api/products/?page_size=1000");
    expect(capped.statusCode).toBe(200);
    expect(capped.json().next ?? "").not.toContain("page_size=1000");
    for (const query of [
      "page=-1",
      "page=0",
      "page=abc",
      "page_size=0",
      "min_price=abc",
      "ordering=secret",
      "in_stock=maybe",
      "category=-3",
    ]) {
      const bad = await http().get(`/api/products/?${query}`);
      expect(bad.statusCode, query).toBe(400);
      expect(bad.json().code, query).toBe("VALIDATION_ERROR");
    }
    expect((await http().get(`/api/products/?seller=${sellerA.id}&page=99`)).statusCode).toBe(404);
  });
});

describe("seller ownership: update, delete, variants", () => {
  it("the owner updates and deletes; another seller → 403; a customer → 403; anonymous → 401; missing → 404", async () => {
    const product = await createProduct(sellerToken, {
      name: "Owned Vase",
      category: home.id,
      variants: [variant(nextSku(), "15.00", 4)],
    });
    const url = `/api/products/${product.id}/`;
    expect((await http().patch(url, { name: "Stolen" }, otherSellerToken)).statusCode).toBe(403);
    expect((await http().patch(url, { name: "Stolen" }, customerToken)).statusCode).toBe(403);
    expect((await http().patch(url, { name: "Stolen" })).statusCode).toBe(401);
    expect((await http().delete(url, otherSellerToken)).statusCode).toBe(403);
    expect((await http().patch("/api/products/999999/", { name: "X" }, sellerToken)).statusCode).toBe(404);

    const renamed = await http().patch(url, { name: "Tall Vase", description: "Blue." }, sellerToken);
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: "Tall Vase", description: "Blue." });

    const added = await http().post(`${url}variants/`, variant(nextSku(), "9.50", 1), sellerToken);
    expect(added.statusCode).toBe(201);
    expect(added.json().price_from).toBe("9.50");
    const [first, second] = added.json().variants;
    expect((await http().post(`${url}variants/`, variant(nextSku()), otherSellerToken)).statusCode).toBe(403);
    expect((await http().patch(`${url}variants/${second.id}/`, { price: "20" }, otherSellerToken)).statusCode).toBe(403);

    const repriced = await http().patch(`${url}variants/${second.id}/`, { price: "20", stock: 7 }, sellerToken);
    expect(repriced.json()).toMatchObject({ price_from: "15.00" });
    expect(repriced.json().variants[1]).toMatchObject({ price: "20.00", stock: 7 });

    expect((await http().delete(`${url}variants/${first.id}/`, sellerToken)).statusCode).toBe(200);
    const last = await http().delete(`${url}variants/${second.id}/`, sellerToken);
    expect(last.statusCode).toBe(409);

    const deleted = await http().delete(url, sellerToken);
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe("");
    expect((await http().get(url)).statusCode).toBe(404);
  });
});

describe("reviews", () => {
  it("lists and adds; one per user per product; rating 1..5; aggregates exact", async () => {
    const product = await createProduct(sellerToken, {
      name: "Reviewed Candle",
      category: home.id,
      variants: [variant(nextSku())],
    });
    const url = `/api/products/${product.id}/reviews/`;
    expect((await http().post(`${url}add/`, { rating: 5, comment: "Lovely" })).statusCode).toBe(401);
    for (const rating of [0, 6, 3.5]) {
      expect((await http().post(`${url}add/`, { rating, comment: "x" }, customerToken)).statusCode, String(rating)).toBe(400);
    }
    const added = await http().post(`${url}add/`, { rating: 5, comment: "Lovely" }, customerToken);
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ rating: 5, comment: "Lovely", user: { id: customer.id, username: customer.username } });
    expect((await http().post(`${url}add/`, { rating: 1, comment: "Again" }, customerToken)).statusCode).toBe(409);
    expect((await http().post(`${url}add/`, { rating: 1, comment: "Self" }, sellerToken)).statusCode).toBe(403);

    const others = await Promise.all([1, 2, 4].map(async () => (await createVerifiedUser(t)).login()));
    await Promise.all(
      others.map((session, i) => http().post(`${url}add/`, { rating: [1, 2, 4][i], comment: "" }, session.access)),
    );

    const list = await http().get(url);
    expect(list.json()).toMatchObject({ count: 4, next: null, previous: null });
    const detail = (await http().get(`/api/products/${product.id}/`)).json();
    expect(detail).toMatchObject({ review_count: 4, average_rating: 3 });
    expect((await http().get("/api/products/999999/reviews/")).statusCode).toBe(404);
    expect((await http().post("/api/products/999999/reviews/add/", { rating: 3 }, customerToken)).statusCode).toBe(404);
  });
});

describe("POST /api/products/{product_pk}/upload-image/", () => {
  const PNG = Buffer.from(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082",
    "hex",
  );
  const GIF = Buffer.from("474946383961010001000000002c00000000010001000002024401003b", "hex");

  function upload(productId: number | string, file: Buffer | null, token?: string, altText?: string) {
    const boundary = "----imagetest";
    const parts: Buffer[] = [];
    if (altText !== undefined)
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="alt_text"\r\n\r\n${altText}\r\n`));
    if (file) {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="i.png"\r\nContent-Type: image/png\r\n\r\n`,
        ),
        file,
        Buffer.from("\r\n"),
      );
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    return t.app.inject({
      method: "POST",
      url: `/api/products/${productId}/upload-image/`,
      payload: Buffer.concat(parts),
      headers: {
        "content-type": `multipart/form-data; boundary=${boundary}`,
        ...(token && { authorization: `Bearer ${token}` }),
      },
    });
  }

  it("the owning seller adds many images, kept in order and served; others are refused", async () => {
    const product = await createProduct(sellerToken, {
      name: "Pictured Bowl",
      category: home.id,
      variants: [variant(nextSku())],
    });
    const first = await upload(product.id, PNG, sellerToken, "From above");
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({
      id: expect.any(Number),
      url: expect.stringMatching(/^http:\/\/shop\.test\/media\/products\/\d+\/[\w-]+\.png$/),
      alt_text: "From above",
    });
    const second = await upload(product.id, GIF, sellerToken);
    expect(second.statusCode).toBe(201);
    expect(second.json().url).toMatch(/\.gif$/);

    const detail = (await http().get(`/api/products/${product.id}/`)).json();
    expect(detail.images).toEqual([first.json(), second.json()]);
    const served = await t.app.inject({ method: "GET", url: new URL(first.json().url).pathname });
    expect(served.statusCode).toBe(200);
    // Re-encoded on upload (uploads.http.test.ts): a PNG still, but not the client's bytes.
    expect(served.headers["content-type"]).toBe("image/png");
    expect(served.rawPayload.subarray(0, 8)).toEqual(PNG.subarray(0, 8));

    expect((await upload(product.id, PNG)).statusCode).toBe(401);
    expect((await upload(product.id, PNG, otherSellerToken)).statusCode).toBe(403);
    expect((await upload(product.id, PNG, customerToken)).statusCode).toBe(403);
    expect((await upload(999999, PNG, sellerToken)).statusCode).toBe(404);
    expect((await upload("abc", PNG, sellerToken)).statusCode).toBe(400);
    const missing = await upload(product.id, null, sellerToken, "no file");
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ fields: { image: [expect.any(String)] } });
    expect((await http().get(`/api/products/${product.id}/`)).json().images).toHaveLength(2);
  });

  it("not an image → 415; over 5 MB → 413; nothing is added", async () => {
    const product = await createProduct(sellerToken, {
      name: "Unpictured Jug",
      category: home.id,
      variants: [variant(nextSku())],
    });
    const script = await upload(product.id, Buffer.from("#!/bin/sh\necho pwned\n"), sellerToken);
    expect(script.statusCode).toBe(415);
    expect(script.json()).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
    const big = await upload(product.id, Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024)]), sellerToken);
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect((await http().get(`/api/products/${product.id}/`)).json().images).toEqual([]);
  });

  it("is in the OpenAPI document as multipart/form-data", async () => {
    const document = (await http().get("/api/openapi.json")).json();
    const operation = document.paths["/api/products/{product_pk}/upload-image/"].post;
    expect(Object.keys(operation.requestBody.content)).toEqual(["multipart/form-data"]);
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(["201", "401", "403", "404", "413", "415"]));
    expect(Object.keys(document.paths["/api/profile/me/"].patch.requestBody.content)).toEqual(
      expect.arrayContaining(["application/json", "multipart/form-data"]),
    );
  });

  it("lists and details show a product the same way, in exactly the procedures' output schema", async () => {
    const product = await createProduct(sellerToken, {
      name: "Twin View Tray",
      category: home.id,
      variants: [variant(nextSku(), "7.25")],
    });
    await http().post(`/api/products/${product.id}/reviews/add/`, { rating: 2, comment: "ok" }, customerToken);
    const page = (await http().get(`/api/products/?seller=${seller.id}&page_size=100`)).json();
    const listed = page.results.find((p: { id: number }) => p.id === product.id);
    const detail = (await http().get(`/api/products/${product.id}/`)).json();
    expect(listed).toEqual(detail);
    // The detail route skips re-validating its output (see catalog-read-routes.ts): check it here.
    expect(productView.strict().parse(detail)).toEqual(detail);
    const input = encodeURIComponent(JSON.stringify({ id: product.id }));
    const viaTrpc = await t.app.inject({ method: "GET", url: `/trpc/products.get?input=${input}` });
    expect(viaTrpc.json().result.data).toEqual(detail);
  });
});

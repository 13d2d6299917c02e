import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createShopper, createVariant, type Shopper } from "./orders-fixtures.ts";
import { httpClient, startTestApp, type TestApp } from "./support.ts";

// API.md Conventions: prices are > 0; quantities and stock are integers (`true`, `null`, `"5 "` → 400).
let t: TestApp;
let customer: Shopper;
let seller: Shopper;
let productId: number;
let variantId: number;
let categoryId: number;
beforeAll(async () => {
  t = await startTestApp();
  customer = await createShopper(t);
  seller = await createShopper(t, "seller");
  ({ productId, variantId } = await createVariant(t, { sellerId: seller.id, stock: 50 }));
  categoryId = (await t.db.category.create({ data: { name: "Loose", slug: "loose" }, select: { id: true } })).id;
});
afterAll(() => t.close());

const http = () => httpClient(t.app);
let serial = 0;
const variant = (changes: object) => ({ sku: `LOOSE-${++serial}`, name: "Plain", price: "9.99", stock: 3, ...changes });
const product = (changes: object) => ({ name: "Loose", category: categoryId, variants: [variant(changes)] });

const badPrices: unknown[] = [0, "0", "0.00", -1, "-1.00", " 10.00", "10.00 ", "10.001", "1e3", true, null, "", "ten"];
const badCounts: unknown[] = [true, false, null, "5", "5 ", " 5", 1.5, -1, "", [5], {}];

function expect400Naming(res: { statusCode: number; body: string; json(): unknown }, field: string, value: unknown) {
  expect(res.statusCode, `${JSON.stringify(value)}: ${res.body}`).toBe(400);
  expect(res.json()).toMatchObject({ code: "VALIDATION_ERROR", fields: { [field]: [expect.any(String)] } });
}

describe("prices are > 0, written as a number or a decimal string", () => {
  it.each(badPrices)("price %j → 400 on create, add variant and update variant", async (price) => {
    expect400Naming(await http().post("/api/products/create/", product({ price }), seller.token), "variants.0.price", price);
    expect400Naming(await http().post(`/api/products/${productId}/variants/`, variant({ price }), seller.token), "price", price);
    const update = await http().patch(`/api/products/${productId}/variants/${variantId}/`, { price }, seller.token);
    expect400Naming(update, "price", price);
  });

  it("nothing was written; valid prices still work", async () => {
    expect(await t.db.product.count({ where: { categoryId } })).toBe(0);
    expect(await t.db.productVariant.count({ where: { productId } })).toBe(1);
    for (const [price, shown] of [
      [10, "10.00"],
      ["10.5", "10.50"],
      ["0.01", "0.01"],
    ] as const) {
      const res = await http().post("/api/products/create/", product({ price }), seller.token);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().variants[0].price).toBe(shown);
    }
  });

  it("a price filter may still be 0", async () => {
    const res = await http().get("/api/products/?min_price=0");
    expect(res.statusCode).toBe(200);
    expect((await http().get("/api/products/?min_price=-1")).statusCode).toBe(400);
  });
});

describe("stock and quantities are integers", () => {
  it.each(badCounts)("stock %j → 400 on create, add variant and update variant", async (stock) => {
    expect400Naming(await http().post("/api/products/create/", product({ stock }), seller.token), "variants.0.stock", stock);
    expect400Naming(await http().post(`/api/products/${productId}/variants/`, variant({ stock }), seller.token), "stock", stock);
    const update = await http().patch(`/api/products/${productId}/variants/${variantId}/`, { stock }, seller.token);
    expect400Naming(update, "stock", stock);
  });

  it.each(badCounts)("cart quantity %j → 400 on add and update", async (quantity) => {
    expect400Naming(
      await http().post("/api/cart/add/", { variant_id: variantId, quantity }, customer.token),
      "quantity",
      quantity,
    );
    const added = await http().post("/api/cart/add/", { variant_id: variantId }, customer.token);
    expect(added.statusCode).toBe(201);
    const itemId = added.json().items[0].id;
    expect400Naming(await http().patch(`/api/cart/update/${itemId}/`, { quantity }, customer.token), "quantity", quantity);
    expect((await http().delete("/api/cart/", customer.token)).statusCode).toBe(204);
  });

  it("the variant and the cart are unchanged", async () => {
    const stored = await t.db.productVariant.findUniqueOrThrow({ where: { id: variantId } });
    expect(stored).toMatchObject({ stock: 50, price: 1999 });
    expect((await http().get("/api/cart/", customer.token)).json()).toMatchObject({ items: [], item_count: 0 });
  });
});

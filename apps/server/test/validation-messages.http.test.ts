import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCategory, nextSku, variant } from "./catalog-fixtures.ts";
import { createShopper, type Shopper } from "./orders-fixtures.ts";
import { httpClient, startTestApp, type TestApp } from "./support.ts";

let t: TestApp;
let seller: Shopper;
let staff: Shopper;
let category: { id: number };
beforeAll(async () => {
  t = await startTestApp();
  [seller, staff] = await Promise.all([createShopper(t, "seller"), createShopper(t, "admin")]);
  category = await createCategory(t, "Lamps", `lamps-${Date.now()}`);
});
afterAll(() => t.close());

const http = () => httpClient(t.app);

async function fieldsOf(response: Promise<{ statusCode: number; json(): { fields: Record<string, string[]> } }>) {
  const res = await response;
  expect(res.statusCode).toBe(400);
  return res.json().fields;
}

describe("validation messages in plain words", () => {
  it("names what is missing, blank, too long, of the wrong type or out of range", async () => {
    expect(await fieldsOf(http().post("/api/products/create/", {}, seller.token))).toEqual({
      name: ["This field is required."],
      category: ["This field is required."],
      variants: ["This field is required."],
    });

    const product = { name: "   ", category: 0, variants: [{ ...variant(nextSku()), stock: 1.5 }] };
    expect(await fieldsOf(http().post("/api/products/create/", product, seller.token))).toEqual({
      name: ["This field may not be blank."],
      category: ["Ensure this value is greater than 0."],
      "variants.0.stock": ["A valid integer is required."],
    });

    const long = { name: "x".repeat(201), description: 7, category: category.id, variants: [variant(nextSku())] };
    expect(await fieldsOf(http().post("/api/products/create/", long, seller.token))).toEqual({
      name: ["Ensure this field has no more than 200 characters."],
      description: ["A valid string is required."],
    });

    expect(await fieldsOf(http().post("/api/cart/add/", { variant_id: 1, quantity: null }, seller.token))).toEqual({
      quantity: ["This field may not be null."],
    });
  });

  it("names an invalid choice, listing the choices of a short enum, and asks for at least one event", async () => {
    expect(await fieldsOf(http().get("/api/seller/order-items/?status=lost", seller.token))).toEqual({
      status: ['"lost" is not a valid choice. Choose one of: pending, paid, shipped, delivered, cancelled, refunded.'],
    });
    const bad = { url: "https://hooks.example.com/", events: ["order.nope"] };
    expect(await fieldsOf(http().post("/api/admin/webhooks/", bad, staff.token))).toEqual({
      "events.0": ['"order.nope" is not a valid choice.'],
    });
    const none = { url: "https://hooks.example.com/", events: [] };
    expect(await fieldsOf(http().post("/api/admin/webhooks/", none, staff.token))).toEqual({
      events: ["Choose at least one."],
    });
    expect(await fieldsOf(http().get("/api/products/?ordering=cheapest"))).toEqual({
      ordering: ['"cheapest" is not a valid choice.'],
    });
  });

  it("keeps the messages a schema sets itself", async () => {
    const product = { name: "Lamp", category: category.id, variants: [variant("no spaces allowed", "0")] };
    expect(await fieldsOf(http().post("/api/products/create/", product, seller.token))).toEqual({
      "variants.0.sku": ["Letters, digits, '.', '_' and '-' only."],
      "variants.0.price": ['Enter an amount like "19.99": more than 0, at most two decimal places.'],
    });
    const account = { username: "ada lovelace", email: "not-an-email", password: "x" };
    const fields = await fieldsOf(http().post("/api/auth/register/", account));
    expect(fields).toMatchObject({
      username: ["Letters, digits and @/./+/-/_ only."],
      email: ["Enter a valid email address."],
    });
  });

  it("speaks the same words over /trpc", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/trpc/auth.register",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ username: "ada", password: "long enough password 1" }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.data.fields).toEqual({ email: ["This field is required."] });
  });
});

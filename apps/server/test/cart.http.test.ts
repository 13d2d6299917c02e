import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createShopper, createVariant } from "./orders-fixtures.ts";
import { expectNoStackTrace, httpClient, startTestApp, type TestApp } from "./support.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const http = () => httpClient(t.app);

describe("GET /api/cart/", () => {
  it("an empty cart for a new user, created on first use", async () => {
    const user = await createShopper(t);
    const res = await http().get("/api/cart/", user.token);
    expect(res.statusCode).toBe(200);
    const cart = res.json();
    expect(cart).toEqual({ id: expect.any(Number), items: [], item_count: 0, total: "0.00" });
    expect((await http().get("/api/cart", user.token)).json().id).toBe(cart.id);
  });

  it("anonymous → 401 on every cart operation", async () => {
    for (const res of [
      await http().get("/api/cart/"),
      await http().delete("/api/cart/"),
      await http().post("/api/cart/add/", { variant_id: 1 }),
      await http().patch("/api/cart/update/1/", { quantity: 1 }),
      await http().delete("/api/cart/remove/1/"),
    ]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: "NOT_AUTHENTICATED" });
    }
  });
});

describe("POST /api/cart/add/", () => {
  it("201 with the cart; the same variant again increases its quantity; totals from current prices", async () => {
    const user = await createShopper(t);
    const a = await createVariant(t, { price: 1999, stock: 5 });
    const b = await createVariant(t, { price: 250, stock: 5 });
    const first = await http().post("/api/cart/add/", { variant_id: a.variantId }, user.token);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      items: [
        {
          variant: { id: a.variantId, sku: a.sku, price: "19.99", product: { id: a.productId } },
          quantity: 1,
          subtotal: "19.99",
        },
      ],
      item_count: 1,
      total: "19.99",
    });
    await http().post("/api/cart/add/", { variant_id: a.variantId, quantity: 2 }, user.token);
    const cart = (await http().post("/api/cart/add/", { variant_id: b.variantId, quantity: 4 }, user.token)).json();
    expect(cart.items).toHaveLength(2);
    expect(cart.items[0]).toMatchObject({ quantity: 3, subtotal: "59.97" });
    expect(cart).toMatchObject({ item_count: 7, total: "69.97" });

    await t.db.productVariant.update({ where: { id: a.variantId }, data: { price: 1000 } });
    expect((await http().get("/api/cart/", user.token)).json()).toMatchObject({ total: "40.00" });
  });

  it("more than in stock → 409, counting what the cart already holds; nothing changes", async () => {
    const user = await createShopper(t);
    const v = await createVariant(t, { stock: 3 });
    const tooMany = await http().post("/api/cart/add/", { variant_id: v.variantId, quantity: 4 }, user.token);
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json()).toMatchObject({ code: "OUT_OF_STOCK" });
    expect((await http().post("/api/cart/add/", { variant_id: v.variantId, quantity: 2 }, user.token)).statusCode).toBe(201);
    expect((await http().post("/api/cart/add/", { variant_id: v.variantId, quantity: 2 }, user.token)).statusCode).toBe(409);
    expect((await http().get("/api/cart/", user.token)).json().items[0].quantity).toBe(2);
  });

  it("bad input → 400 with fields; unknown variant → 400", async () => {
    const user = await createShopper(t);
    const v = await createVariant(t);
    for (const body of [
      {},
      { variant_id: "x" },
      { variant_id: v.variantId, quantity: 0 },
      { variant_id: v.variantId, quantity: 1.5 },
    ]) {
      const res = await http().post("/api/cart/add/", body, user.token);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json()).toMatchObject({ code: "VALIDATION_ERROR", fields: expect.any(Object) });
      expectNoStackTrace(res.body);
    }
    const unknown = await http().post("/api/cart/add/", { variant_id: 999_999 }, user.token);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields).toHaveProperty("variant_id");
  });
});

describe("PATCH /api/cart/update/{id}/ and DELETE /api/cart/remove/{id}/", () => {
  it("sets the quantity (1..stock), removes an item", async () => {
    const user = await createShopper(t);
    const v = await createVariant(t, { price: 500, stock: 4 });
    const itemId = (await http().post("/api/cart/add/", { variant_id: v.variantId }, user.token)).json().items[0].id;

    const updated = await http().patch(`/api/cart/update/${itemId}/`, { quantity: 4 }, user.token);
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ items: [{ id: itemId, quantity: 4, subtotal: "20.00" }], total: "20.00" });
    const tooMany = await http().patch(`/api/cart/update/${itemId}/`, { quantity: 5 }, user.token);
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json()).toMatchObject({ code: "OUT_OF_STOCK" });
    expect((await http().patch(`/api/cart/update/${itemId}/`, { quantity: 0 }, user.token)).statusCode).toBe(400);
    expect((await http().patch(`/api/cart/update/${itemId}/`, {}, user.token)).statusCode).toBe(400);
    expect((await http().patch(`/api/cart/update/abc/`, { quantity: 1 }, user.token)).statusCode).toBe(400);
    expect((await http().patch(`/api/cart/update/999999/`, { quantity: 1 }, user.token)).statusCode).toBe(404);

    const removed = await http().delete(`/api/cart/remove/${itemId}/`, user.token);
    expect(removed.statusCode).toBe(204);
    expect(removed.body).toBe("");
    expect((await http().delete(`/api/cart/remove/${itemId}/`, user.token)).statusCode).toBe(404);
    expect((await http().get("/api/cart/", user.token)).json()).toMatchObject({ items: [], total: "0.00" });
  });

  it("DELETE /api/cart/ empties the cart: 204", async () => {
    const user = await createShopper(t);
    await http().post("/api/cart/add/", { variant_id: (await createVariant(t)).variantId }, user.token);
    await http().post("/api/cart/add/", { variant_id: (await createVariant(t)).variantId }, user.token);
    const res = await http().delete("/api/cart/", user.token);
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe("");
    expect((await http().get("/api/cart/", user.token)).json()).toMatchObject({ items: [], item_count: 0 });
  });
});

describe("ownership: another user's cart items are 404 and untouched", () => {
  it("update and remove with another user's token → 404", async () => {
    const owner = await createShopper(t);
    const other = await createShopper(t);
    const v = await createVariant(t);
    const itemId = (await http().post("/api/cart/add/", { variant_id: v.variantId, quantity: 2 }, owner.token)).json().items[0]
      .id;

    const update = await http().patch(`/api/cart/update/${itemId}/`, { quantity: 1 }, other.token);
    expect(update.statusCode).toBe(404);
    expect(update.json()).toMatchObject({ code: "NOT_FOUND" });
    expect((await http().delete(`/api/cart/remove/${itemId}/`, other.token)).statusCode).toBe(404);
    expect((await http().delete("/api/cart/", other.token)).statusCode).toBe(204);
    expect((await http().get("/api/cart/", other.token)).json().items).toEqual([]);
    expect((await http().get("/api/cart/", owner.token)).json().items).toMatchObject([{ id: itemId, quantity: 2 }]);
  });
});

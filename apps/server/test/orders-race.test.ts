import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { address, createShopper, createVariant } from "./orders-fixtures.ts";
import { httpClient, startTestApp, type TestApp } from "./support.ts";

// 50 buyers race for 10 units through the real server; the app's pool has 5 connections,
// so the checkouts also queue on the pool, as they would under load.
const BUYERS = 50;
const STOCK = 10;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe("concurrent checkouts never oversell", () => {
  for (let run = 1; run <= 5; run++) {
    it(`run ${run}: ${BUYERS} buyers, ${STOCK} in stock → ${STOCK} orders, stock 0, ${BUYERS - STOCK} × 409`, async () => {
      const variant = await createVariant(t, { stock: STOCK, price: 2500 });
      const buyers = await Promise.all(Array.from({ length: BUYERS }, () => createShopper(t)));
      for (const buyer of buyers) {
        const cart = await t.db.cart.create({ data: { userId: buyer.id }, select: { id: true } });
        await t.db.cartItem.create({ data: { cartId: cart.id, variantId: variant.variantId, quantity: 1 } });
      }

      const answers = await Promise.all(
        buyers.map((buyer) => httpClient(t.app).post("/api/orders/create/", { shipping_address: address }, buyer.token)),
      );
      const statuses = answers.map((res) => res.statusCode);
      expect(statuses.filter((s) => s === 201)).toHaveLength(STOCK);
      expect(statuses.filter((s) => s === 409)).toHaveLength(BUYERS - STOCK);
      for (const res of answers.filter((r) => r.statusCode === 409)) expect(res.json()).toMatchObject({ code: "OUT_OF_STOCK" });

      expect((await t.db.productVariant.findUniqueOrThrow({ where: { id: variant.variantId } })).stock).toBe(0);
      const negative = await t.db.productVariant.count({ where: { stock: { lt: 0 } } });
      expect(negative).toBe(0);
      const orders = await t.db.order.findMany({
        where: { items: { some: { variantId: variant.variantId } } },
        select: { id: true, status: true, total: true, userId: true, items: { select: { quantity: true } } },
      });
      expect(orders).toHaveLength(STOCK);
      const orphans = await t.db.order.count({ where: { items: { none: {} } } });
      expect(orphans).toBe(0);
      for (const order of orders) expect(order).toMatchObject({ status: "pending", total: 2500, items: [{ quantity: 1 }] });
      // The losers keep their carts; the winners' carts are empty.
      const winners = new Set(orders.map((o) => o.userId));
      for (const buyer of buyers) {
        const items = await t.db.cartItem.count({ where: { cart: { userId: buyer.id } } });
        expect(items).toBe(winners.has(buyer.id) ? 0 : 1);
      }
      // Every order can be paid.
      for (const order of orders) {
        const buyer = buyers.find((b) => b.id === order.userId)!;
        const res = await httpClient(t.app).post("/api/payments/initiate/", { order_id: order.id }, buyer.token);
        expect(res.statusCode).toBe(201);
      }
    });
  }
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "@shop/api";
import { address, createShopper, createVariant, type Shopper, type TestVariant } from "./orders-fixtures.ts";
import { httpClient, startTestApp, type TestApp } from "./support.ts";

// `refunded` is not an order status on this branch yet; the stats list the statuses they count.
type OrderStatus = "pending" | "paid" | "shipped" | "delivered" | "cancelled" | "refunded";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const DAY = 86_400_000;
const todayUtc = () => {
  const now = new Date();
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
};
/** `hours` past midnight UTC, `daysAgo` days before today. */
const at = (daysAgo: number, hours = 12) => new Date(todayUtc() - daysAgo * DAY + hours * 3_600_000);
const isoDay = (daysAgo: number) => new Date(todayUtc() - daysAgo * DAY).toISOString().slice(0, 10);

interface Line {
  variant: TestVariant;
  quantity: number;
  unitPrice: number;
}

/** An order written straight to the database, in any status and at any time (checkout has its own tests). */
async function order(buyer: Shopper, status: OrderStatus, createdAt: Date, lines: Line[]) {
  await t.db.order.create({
    data: {
      userId: buyer.id,
      status,
      createdAt,
      total: lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0),
      shippingAddress: address,
      items: {
        create: lines.map(({ variant, quantity, unitPrice }) => ({
          variantId: variant.variantId,
          productId: variant.productId,
          sellerId: variant.sellerId,
          productName: `Sold as ${variant.sku}`,
          variantName: "Default",
          sku: variant.sku,
          unitPrice,
          quantity,
        })),
      },
    },
  });
}

const stats = (seller: Shopper, query = "") => httpClient(t.app).get(`/api/seller/stats/${query}`, seller.token);

describe("GET /api/seller/stats/", () => {
  let sellerA: Shopper;
  let sellerB: Shopper;
  let lamp: TestVariant;
  let shade: TestVariant;
  let rug: TestVariant;

  beforeAll(async () => {
    [sellerA, sellerB] = [await createShopper(t, "seller"), await createShopper(t, "seller")];
    lamp = await createVariant(t, { sellerId: sellerA.id, price: 1000, name: "Brass Lamp" });
    shade = await createVariant(t, { sellerId: sellerA.id, price: 325, name: "Linen Shade" });
    rug = await createVariant(t, { sellerId: sellerB.id, price: 550, name: "Wool Rug" });
    const buyer = await createShopper(t);
    // Interleaved: orders holding both sellers' lines, in every status, at the edges of UTC days.
    await order(buyer, "paid", at(0, 0.5), [
      { variant: lamp, quantity: 2, unitPrice: 1000 },
      { variant: rug, quantity: 1, unitPrice: 550 },
    ]);
    await order(buyer, "shipped", at(1, 23.9), [{ variant: shade, quantity: 1, unitPrice: 325 }]);
    await order(buyer, "delivered", at(2), [
      { variant: rug, quantity: 3, unitPrice: 550 },
      { variant: lamp, quantity: 1, unitPrice: 1000 },
    ]);
    await order(buyer, "cancelled", at(0), [{ variant: lamp, quantity: 5, unitPrice: 1000 }]);
    // Paid, then refunded by staff before shipping: not a sale.
    await order(buyer, "refunded", at(0, 1), [
      { variant: lamp, quantity: 6, unitPrice: 1000 },
      { variant: rug, quantity: 4, unitPrice: 550 },
    ]);
    await order(buyer, "pending", at(1), [
      { variant: lamp, quantity: 7, unitPrice: 1000 },
      { variant: rug, quantity: 2, unitPrice: 550 },
    ]);
    // The first day of a 30-day window, at its first millisecond; and the day before it.
    await order(buyer, "delivered", at(29, 0), [{ variant: shade, quantity: 2, unitPrice: 300 }]);
    await order(buyer, "paid", at(30, 23.99), [{ variant: lamp, quantity: 4, unitPrice: 1000 }]);
  });

  it("counts only the caller's paid, shipped and delivered lines in the window (not cancelled, refunded or pending); every day present, in UTC", async () => {
    const res = await stats(sellerA);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ revenue: "39.25", orders: 4, units: 6 });
    expect(body.by_day).toHaveLength(30);
    expect(body.by_day[0]).toEqual({ date: isoDay(29), revenue: "6.00", units: 2 });
    expect(body.by_day.at(-1)).toEqual({ date: isoDay(0), revenue: "20.00", units: 2 });
    expect(body.by_day.at(-2)).toEqual({ date: isoDay(1), revenue: "3.25", units: 1 });
    expect(body.by_day.at(-3)).toEqual({ date: isoDay(2), revenue: "10.00", units: 1 });
    expect(body.by_day.map((d: { date: string }) => d.date)).toEqual(Array.from({ length: 30 }, (_, i) => isoDay(29 - i)));
    const quiet = body.by_day.slice(1, -3);
    expect(quiet.every((d: { revenue: string; units: number }) => d.revenue === "0.00" && d.units === 0)).toBe(true);
    expect(body.top_products).toEqual([
      { product_id: lamp.productId, name: "Brass Lamp", units: 3, revenue: "30.00" },
      { product_id: shade.productId, name: "Linen Shade", units: 3, revenue: "9.25" },
    ]);
  });

  it("keeps sellers apart: the other seller of the same orders sees only their own lines", async () => {
    const body = (await stats(sellerB, "?days=7")).json();
    expect(body).toMatchObject({ revenue: "22.00", orders: 2, units: 4 });
    expect(body.by_day).toHaveLength(7);
    expect(body.top_products).toEqual([{ product_id: rug.productId, name: "Wool Rug", units: 4, revenue: "22.00" }]);
  });

  it("widens with `days`: 31 takes in the day before, 1 is today alone", async () => {
    expect((await stats(sellerA, "?days=31")).json()).toMatchObject({ revenue: "79.25", orders: 5, units: 10 });
    const today = (await stats(sellerA, "?days=1")).json();
    expect(today).toEqual({
      revenue: "20.00",
      orders: 1,
      units: 2,
      by_day: [{ date: isoDay(0), revenue: "20.00", units: 2 }],
      top_products: [{ product_id: lamp.productId, name: "Brass Lamp", units: 2, revenue: "20.00" }],
    });
    expect((await stats(sellerA, "?days=365")).json().by_day).toHaveLength(365);
  });

  it("a seller without sales gets zeros for every day, not an error", async () => {
    const body = (await stats(await createShopper(t, "seller"), "?days=3")).json();
    expect(body).toEqual({
      revenue: "0.00",
      orders: 0,
      units: 0,
      by_day: [2, 1, 0].map((daysAgo) => ({ date: isoDay(daysAgo), revenue: "0.00", units: 0 })),
      top_products: [],
    });
  });

  it("names a deleted product by the name its last line was sold under", async () => {
    const seller = await createShopper(t, "seller");
    const gone = await createVariant(t, { sellerId: seller.id, price: 900, name: "Discontinued Clock" });
    const buyer = await createShopper(t);
    await order(buyer, "paid", at(3), [{ variant: gone, quantity: 1, unitPrice: 900 }]);
    await order(buyer, "delivered", at(1), [{ variant: gone, quantity: 2, unitPrice: 800 }]);
    await t.db.product.delete({ where: { id: gone.productId } });
    const body = (await stats(seller)).json();
    expect(body).toMatchObject({ revenue: "25.00", orders: 2, units: 3 });
    expect(body.top_products).toEqual([{ product_id: gone.productId, name: `Sold as ${gone.sku}`, units: 3, revenue: "25.00" }]);
  });

  it("is the same through the typed tRPC procedure", async () => {
    const caller = createCaller(await t.context({ id: sellerB.id, role: "seller", sessionId: "test" }));
    expect(await caller.seller.stats({ days: 7 })).toEqual((await stats(sellerB, "?days=7")).json());
  });

  it("days outside 1–365 or not a number → 400; customers and staff → 403; anonymous → 401", async () => {
    for (const days of ["0", "366", "-1", "2.5", "abc", ""]) {
      const res = await stats(sellerA, `?days=${days}`);
      expect(res.statusCode, days).toBe(400);
      expect(res.json()).toMatchObject({ code: "VALIDATION_ERROR", fields: { days: expect.any(Array) } });
    }
    expect((await stats(await createShopper(t))).statusCode).toBe(403);
    expect((await stats(await createShopper(t, "admin"))).statusCode).toBe(403);
    expect((await httpClient(t.app).get("/api/seller/stats/")).statusCode).toBe(401);
  });

  it("is documented with its statuses", async () => {
    const document = (await httpClient(t.app).get("/api/openapi.json")).json();
    const operation = document.paths["/api/seller/stats/"].get;
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(["200", "400", "401", "403"]));
    expect(operation.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: "days", in: "query" })]));
  });
});

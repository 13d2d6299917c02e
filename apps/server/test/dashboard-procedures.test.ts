import { access } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createShopClient, TRPCClientError } from "@shop/client";
import { pngImage } from "@shop/testing";
import { address, createShopper, createVariant, type Shopper } from "./orders-fixtures.ts";
import { startTestApp, type TestApp } from "./support.ts";

// The procedures the dashboard calls through the typed client: products.deleteImage (sellers) and staffOrders.list (staff).
let t: TestApp;
let url: string;
beforeAll(async () => {
  t = await startTestApp();
  url = await t.app.listen({ port: 0, host: "127.0.0.1" });
});
afterAll(() => t.close());

const clientOf = (user: Shopper) =>
  createShopClient({ url, getTokens: () => ({ access: user.token, refresh: "" }), onTokens: () => {} });
const statusOf = (error: unknown) => (error instanceof TRPCClientError ? (error.data as { httpStatus: number }).httpStatus : 0);

async function uploadImage(seller: Shopper, productId: number) {
  const form = new FormData();
  form.append(
    "image",
    new Blob([pngImage({ width: 8, height: 8, colour: () => [120, 120, 120] })], { type: "image/png" }),
    "dot.png",
  );
  const response = await fetch(`${url}/api/products/${productId}/upload-image/`, {
    method: "POST",
    headers: { authorization: `Bearer ${seller.token}` },
    body: form,
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as { id: number; url: string };
}

describe("products.deleteImage", () => {
  it("removes the seller's image, row and file; others' images are 403, unknown ones 404", async () => {
    const seller = await createShopper(t, "seller");
    const other = await createShopper(t, "seller");
    const { productId } = await createVariant(t, { sellerId: seller.id });
    const image = await uploadImage(seller, productId);
    const stored = await t.db.productImage.findUniqueOrThrow({ where: { id: image.id } });
    const file = path.join(t.dataDir, "media", stored.key);
    await access(file);

    const refused = await clientOf(other).products.deleteImage.mutate({ id: productId, image_id: image.id }).catch(statusOf);
    expect(refused).toBe(403);
    const missing = await clientOf(seller)
      .products.deleteImage.mutate({ id: productId, image_id: image.id + 1000 })
      .catch(statusOf);
    expect(missing).toBe(404);

    await clientOf(seller).products.deleteImage.mutate({ id: productId, image_id: image.id });
    expect(await t.db.productImage.count({ where: { productId } })).toBe(0);
    await expect(access(file)).rejects.toThrow();
    const product = await clientOf(seller).products.get.query({ id: productId });
    expect(product.images).toEqual([]);
  });
});

describe("staffOrders.list", () => {
  it("lists every customer's orders for staff, by id or by status, newest first; 403 for others", async () => {
    const staff = await createShopper(t, "admin");
    const buyers = [await createShopper(t), await createShopper(t)];
    const orderIds: number[] = [];
    for (const buyer of buyers) {
      const { variantId } = await createVariant(t, { price: 1250 });
      const shop = clientOf(buyer);
      await shop.cart.add.mutate({ variant_id: variantId, quantity: 2 });
      orderIds.push((await shop.orders.create.mutate({ shipping_address: address })).id);
    }
    await t.db.order.update({ where: { id: orderIds[0]! }, data: { status: "cancelled" } });

    const all = await clientOf(staff).staffOrders.list.query({});
    expect(all.results.map((order) => order.id)).toEqual([...orderIds].reverse());
    expect(all.results[0]).toMatchObject({ status: "pending", total: "25.00", items: [{ quantity: 2, unit_price: "12.50" }] });

    const byId = await clientOf(staff).staffOrders.list.query({ id: orderIds[1]! });
    expect(byId).toMatchObject({ count: 1, results: [{ id: orderIds[1] }] });
    const cancelled = await clientOf(staff).staffOrders.list.query({ status: "cancelled" });
    expect(cancelled.results.map((order) => order.id)).toEqual([orderIds[0]]);

    expect(await clientOf(buyers[0]!).staffOrders.list.query({}).catch(statusOf)).toBe(403);
    expect(
      await clientOf(await createShopper(t, "seller"))
        .staffOrders.list.query({})
        .catch(statusOf),
    ).toBe(403);
  });
});

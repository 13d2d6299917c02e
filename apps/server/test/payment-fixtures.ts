import { address, createVariant, type Shopper } from "./orders-fixtures.ts";
import type { TestApp } from "./support.ts";

/** A payment page of an order of `user` (the simulated gateway's HTML). */
export async function paymentPagePath(app: TestApp, user: Shopper): Promise<string> {
  const json = (url: string, body: object) =>
    app.app.inject({
      method: "POST",
      url,
      payload: body,
      headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json" },
    });
  const { variantId } = await createVariant(app, { price: 1250 });
  await json("/api/cart/add/", { variant_id: variantId });
  const order = (await json("/api/orders/create/", { shipping_address: address })).json();
  const payment = (await json("/api/payments/initiate/", { order_id: order.id })).json();
  return new URL(payment.payment_url).pathname;
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createShopClient, type RouterOutputs } from "@shop/client";
import { address, createShopper, createVariant } from "./orders-fixtures.ts";
import { startTestApp, type TestApp } from "./support.ts";
import { createVerifiedUser } from "./users.ts";

let t: TestApp;
let url: string;
beforeAll(async () => {
  t = await startTestApp();
  url = await t.app.listen({ port: 0, host: "127.0.0.1" });
});
afterAll(() => t.close());

/** What a subscriber receives: the tracked id and the event. */
type Tracked = RouterOutputs["orders"]["onEvent"] extends AsyncIterable<infer E> ? E : never;

/** Collects a subscription's events; `until` resolves once `count` have arrived. */
function collect(
  subscribe: (handlers: { onData(event: Tracked): void; onError(error: unknown): void }) => {
    unsubscribe(): void;
  },
) {
  const events: Tracked[] = [];
  let wake = () => {};
  const errors: unknown[] = [];
  const subscription = subscribe({
    onData: (event) => {
      events.push(event);
      wake();
    },
    onError: (error) => errors.push(error),
  });
  return {
    events,
    errors,
    until: (count: number) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${events.length} of ${count} events; errors: ${errors.join()}`)), 5_000);
        wake = () => {
          if (events.length >= count) {
            clearTimeout(timer);
            resolve();
          }
        };
        wake();
      }),
    stop: () => subscription.unsubscribe(),
  };
}

describe("orders.onEvent through @shop/client (httpSubscriptionLink with the bearer token)", () => {
  it("streams the buyer's events with tracked ids and resumes after lastEventId", async () => {
    const user = await createVerifiedUser(t);
    const shop = createShopClient({ url });
    await shop.auth.login.mutate({ username: user.username, password: user.password });
    const variant = await createVariant(t, { stock: 5 });

    // lastEventId 0: the events committed before the server subscribed the stream are replayed, none is missed.
    const live = collect((handlers) => shop.orders.onEvent.subscribe({ lastEventId: 0 }, handlers));
    await shop.cart.add.mutate({ variant_id: variant.variantId });
    const first = await shop.orders.create.mutate({ shipping_address: address });
    await shop.orders.cancel.mutate({ id: first.id });
    await live.until(2);
    live.stop();
    expect(live.events.map((e) => [e.data.type, e.data.order_id])).toEqual([
      ["order.created", first.id],
      ["order.cancelled", first.id],
    ]);
    expect(live.events.map((e) => e.id)).toEqual(live.events.map((e) => String(e.data.id)));

    const resumed = collect((handlers) => shop.orders.onEvent.subscribe({ lastEventId: live.events[0]!.data.id }, handlers));
    await resumed.until(1);
    resumed.stop();
    expect(resumed.events[0]!.data).toEqual(live.events[1]!.data);
  });

  it("refuses seller.onEvent to a customer", async () => {
    const customer = await createShopper(t);
    const shop = createShopClient({ url, getTokens: () => ({ access: customer.token, refresh: "none" }), onTokens: () => {} });
    const sub = collect((handlers) => shop.seller.onEvent.subscribe({}, handlers));
    await expect.poll(() => sub.errors.length, { timeout: 5_000 }).toBeGreaterThan(0);
    sub.stop();
    expect(sub.events).toEqual([]);
  });
});

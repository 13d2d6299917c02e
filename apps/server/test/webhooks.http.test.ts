import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, retryingJobs, runJobsNow } from "@shop/testing";
import { address, createShopper, createVariant, sessionOf, type Shopper } from "./orders-fixtures.ts";
import { httpClient, startTestApp, type TestApp } from "./support.ts";
import { startWebhookReceiver } from "./webhook-receiver.ts";

let t: TestApp;
let staff: Shopper;
beforeAll(async () => {
  t = await startTestApp({ worker: true });
  staff = await createShopper(t, "admin");
});
afterAll(async () => {
  await t.close();
});

const http = () => httpClient(t.app);
const addWebhook = (body: unknown, token = staff.token) => http().post("/api/admin/webhooks/", body, token);
const webhookJobs = () =>
  t.db.$queryRaw<{ n: number }[]>`
    select count(*)::int as n from graphile_worker._private_jobs j
    join graphile_worker._private_tasks k on k.id = j.task_id where k.identifier = 'deliver_webhook'`.then((rows) => rows[0]!.n);

async function checkout(user: Shopper, variantId: number) {
  expect((await http().post("/api/cart/add/", { variant_id: variantId }, user.token)).statusCode).toBe(201);
  return http().post("/api/orders/create/", { shipping_address: address }, user.token);
}

describe("/api/admin/webhooks/", () => {
  it("staff add, list and remove endpoints; the secret is shown once and not stored in clear", async () => {
    const created = await addWebhook({
      url: "https://hooks.example.com/shop",
      events: ["order.paid", "product.created"],
      description: "ERP",
    });
    expect(created.statusCode, created.body).toBe(201);
    const hook = created.json();
    expect(hook).toMatchObject({
      id: expect.any(Number),
      url: "https://hooks.example.com/shop",
      events: ["order.paid", "product.created"],
      description: "ERP",
    });
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const row = await t.db.webhookEndpoint.findUniqueOrThrow({ where: { id: hook.id } });
    expect(row.secretCiphertext).not.toContain(hook.secret.slice(6));

    const list = await http().get("/api/admin/webhooks/", staff.token);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toContainEqual({
      id: hook.id,
      url: hook.url,
      events: hook.events,
      description: "ERP",
      created_at: hook.created_at,
    });
    expect(list.body).not.toContain("secret");

    const customer = await createShopper(t);
    expect((await addWebhook({ url: "https://x.example/", events: ["order.paid"] }, customer.token)).statusCode).toBe(403);
    expect((await http().get("/api/admin/webhooks/")).statusCode).toBe(401);
    const bad = await addWebhook({ url: "ftp://x.example/", events: ["order.nope"] });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields).sort()).toEqual(["events.0", "url"]);
    expect((await addWebhook({ url: "https://x.example/", events: [] })).statusCode).toBe(400);

    expect((await http().delete(`/api/admin/webhooks/${hook.id}/`, staff.token)).statusCode).toBe(204);
    expect((await http().delete(`/api/admin/webhooks/${hook.id}/`, staff.token)).statusCode).toBe(404);
    expect((await http().get(`/api/admin/webhooks/${hook.id}/deliveries/`, staff.token)).statusCode).toBe(404);
  });

  it("delivers signed events that the standardwebhooks verifier accepts; a 500 is retried with the same webhook-id", async () => {
    const receiver = await startWebhookReceiver((_, index) => (index === 0 ? 500 : 204));
    try {
      const hook = (await addWebhook({ url: receiver.url, events: ["order.created"] })).json();
      const buyer = await createShopper(t);
      const variant = await createVariant(t);
      const order = (await checkout(buyer, variant.variantId)).json();
      await receiver.waitFor(1);
      // graphile-worker retries after its back-off (schedule.ts), on the database's clock: skip it.
      await eventually(async () => (await retryingJobs(t.db, "deliver_webhook")) > 0, { what: "the failed delivery's retry" });
      await runJobsNow(t.db, "deliver_webhook");
      const [first, second] = await receiver.waitFor(2);
      expect(second!.headers["webhook-id"]).toBe(first!.headers["webhook-id"]);
      expect(second!.body).toBe(first!.body);
      for (const delivery of [first!, second!]) {
        const payload = new Webhook(hook.secret).verify(delivery.body, delivery.headers as Record<string, string>);
        expect(payload).toEqual({
          type: "order.created",
          timestamp: expect.any(String),
          data: {
            id: expect.any(Number),
            type: "order.created",
            order_id: order.id,
            status: "pending",
            created_at: expect.any(String),
          },
        });
      }
      expect(() =>
        new Webhook(`whsec_${Buffer.from("another secret").toString("base64")}`).verify(
          first!.body,
          first!.headers as Record<string, string>,
        ),
      ).toThrow();

      const log = await http().get(`/api/admin/webhooks/${hook.id}/deliveries/`, staff.token);
      expect(log.statusCode).toBe(200);
      const rows = log.json().results;
      expect(rows).toHaveLength(2);
      expect(rows[1]).toMatchObject({
        webhook_id: hook.id,
        event_type: "order.created",
        attempt: 1,
        status_code: 500,
        error: "HTTP 500",
      });
      expect(new Date(rows[1].next_attempt_at).getTime()).toBeLessThan(new Date(rows[1].delivered_at).getTime() + 60_000);
      expect(rows[0]).toMatchObject({ attempt: 2, status_code: 204, error: null, next_attempt_at: null });
      await http().delete(`/api/admin/webhooks/${hook.id}/`, staff.token);
    } finally {
      await receiver.close();
    }
  });

  it("a rolled-back change enqueues no webhook; product events are delivered too", async () => {
    const receiver = await startWebhookReceiver();
    try {
      const hook = (await addWebhook({ url: receiver.url, events: ["order.created", "product.deleted"] })).json();
      const buyer = await createShopper(t);
      const variant = await createVariant(t, { stock: 1 });
      expect((await http().post("/api/cart/add/", { variant_id: variant.variantId }, buyer.token)).statusCode).toBe(201);
      await t.db.productVariant.update({ where: { id: variant.variantId }, data: { stock: 0 } });
      const before = await webhookJobs();
      expect((await http().post("/api/orders/create/", { shipping_address: address }, buyer.token)).statusCode).toBe(409);
      expect(await webhookJobs()).toBe(before);
      expect(await t.db.event.count({ where: { userId: buyer.id } })).toBe(0);

      const { token } = await sessionOf(t, { id: variant.sellerId, role: "seller" });
      expect((await http().delete(`/api/products/${variant.productId}/`, token)).statusCode).toBe(204);
      const [delivery] = await receiver.waitFor(1);
      expect(JSON.parse(delivery!.body)).toMatchObject({
        type: "product.deleted",
        data: { type: "product.deleted", product_id: variant.productId, id: expect.any(Number) },
      });
      await http().delete(`/api/admin/webhooks/${hook.id}/`, staff.token);
    } finally {
      await receiver.close();
    }
  });

  it("production: private and loopback URLs are refused at creation (400) and at delivery", async () => {
    const receiver = await startWebhookReceiver();
    try {
      const allowed = (await addWebhook({ url: receiver.url, events: ["order.created"] })).json();
      t.deps.config.allowPrivateWebhookUrls = false;
      for (const url of [
        receiver.url,
        "http://localhost:9/x",
        "http://10.1.2.3/x",
        "http://[::1]/x",
        "http://169.254.169.254/latest",
      ]) {
        const res = await addWebhook({ url, events: ["order.paid"] });
        expect(res.statusCode, url).toBe(400);
        expect(res.json().fields.url[0]).toMatch(/private or loopback|does not resolve/);
      }
      const buyer = await createShopper(t);
      const variant = await createVariant(t);
      expect((await checkout(buyer, variant.variantId)).statusCode).toBe(201);
      const rows = await eventually(
        async () => (await http().get(`/api/admin/webhooks/${allowed.id}/deliveries/`, staff.token)).json().results,
        { until: (results: unknown[]) => results.length > 0, what: "a recorded delivery" },
      );
      expect(rows[0]).toMatchObject({ status_code: null, error: expect.stringMatching(/private or loopback/) });
      expect(receiver.received).toHaveLength(0);
    } finally {
      t.deps.config.allowPrivateWebhookUrls = true;
      await receiver.close();
    }
  });
});

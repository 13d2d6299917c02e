import { readFile } from "node:fs/promises";
import createClient from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestSmtpServer } from "@shop/testing/smtp";
import { generateSchemaTypes, SCHEMA_FILE } from "./openapi-client/generate.ts";
import type { paths } from "./openapi-client/schema.d.ts";
import { address, createVariant } from "./orders-fixtures.ts";
import { startTestAppWithMail, type TestApp } from "./support.ts";

// Typechecked with the package (`pnpm typecheck`): no casts, no `any`, no @ts-expect-error here.

let t: TestApp;
let smtp: TestSmtpServer;
let close: () => Promise<void>;
let baseUrl: string;
beforeAll(async () => {
  ({ t, smtp, close } = await startTestAppWithMail());
  baseUrl = await t.app.listen({ port: 0, host: "127.0.0.1" });
});
afterAll(() => close());

/** The body of a successful openapi-fetch call; anything else fails the test with what came back. */
function ok<T>({ data, error, response }: { data?: T; error?: unknown; response: Response }): T {
  if (data === undefined) throw new Error(`${response.url}: ${response.status} ${JSON.stringify(error)}`);
  return data;
}

function required(value: string | undefined, what: string): string {
  if (value === undefined) throw new Error(`no ${what}`);
  return value;
}

describe("a client generated from the OpenAPI document (openapi-typescript + openapi-fetch)", () => {
  it("is generated from the current document", async () => {
    expect(await readFile(SCHEMA_FILE, "utf8")).toBe(await generateSchemaTypes());
  });

  it("registers, verifies, logs in, browses, fills a cart, checks out, cancels, checks out again and pays", async () => {
    const lamp = await createVariant(t, { name: "Journey brass lamp", price: 4250, stock: 5 });
    const api = createClient<paths>({ baseUrl });

    const account = { username: "journey_ada", email: "journey_ada@example.com", password: "velvet-Harbor-42" };
    const registered = ok(await api.POST("/api/auth/register/", { body: account }));
    expect(registered.message).toMatch(/email/i);

    const mail = await smtp.nextMessageTo(account.email);
    const link = /\/api\/accounts\/verify-email\/(?<uidb64>[\w-]+)\/(?<token>[\w-]+)\//.exec(mail.text ?? "");
    const verifyPath = {
      uidb64: required(link?.groups?.uidb64, "uidb64 in the verification email"),
      token: required(link?.groups?.token, "token in the verification email"),
    };
    ok(await api.GET("/api/accounts/verify-email/{uidb64}/{token}/", { params: { path: verifyPath } }));

    const session = ok(await api.POST("/api/auth/login/", { body: { username: account.username, password: account.password } }));
    expect(session.user.email).toBe(account.email);
    const shopper = createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${session.access}` } });

    const listing = ok(await shopper.GET("/api/products/", { params: { query: { in_stock: "true", page_size: 50 } } }));
    const listed = listing.results.find((product) => product.name === "Journey brass lamp");
    expect(listed).toBeDefined();
    const product = ok(await shopper.GET("/api/products/{id}/", { params: { path: { id: lamp.productId } } }));
    const variant = product.variants.find((candidate) => candidate.id === lamp.variantId);
    if (!variant) throw new Error("the product page lacks its variant");
    expect(variant.price).toBe("42.50");
    const variantId = variant.id;

    const cart = ok(await shopper.POST("/api/cart/add/", { body: { variant_id: variantId, quantity: 2 } }));
    expect(cart.total).toBe("85.00");
    expect(ok(await shopper.GET("/api/cart/")).item_count).toBe(2);

    const first = ok(await shopper.POST("/api/orders/create/", { body: { shipping_address: address } }));
    expect(first.status).toBe("pending");
    const cancelled = ok(await shopper.POST("/api/orders/{id}/cancel/", { params: { path: { id: first.id } } }));
    expect(cancelled.status).toBe("cancelled");

    ok(await shopper.POST("/api/cart/add/", { body: { variant_id: variantId, quantity: 1 } }));
    const second = ok(await shopper.POST("/api/orders/create/", { body: { shipping_address: address } }));
    expect(second.total).toBe("42.50");

    const payment = ok(await shopper.POST("/api/payments/initiate/", { body: { order_id: second.id } }));
    expect(payment.status).toBe("initiated");
    expect(payment.payment_url).toMatch(/^http/);

    const orders = ok(await shopper.GET("/api/orders/"));
    expect(orders.results.map((order) => [order.id, order.status])).toEqual(
      expect.arrayContaining([
        [first.id, "cancelled"],
        [second.id, "pending"],
      ]),
    );
  });
});

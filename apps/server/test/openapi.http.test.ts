import { validate } from "@readme/openapi-parser";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppRouter } from "@shop/api";
import { startTestApp, type TestApp } from "./support.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe("GET /api/openapi.json", () => {
  it("is a valid OpenAPI 3 document with API.md's paths", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    const document = res.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(["/api/token/verify/", "/health/ready", "/api/payments/{id}/pay/"]),
    );
    const result = await validate(structuredClone(document));
    expect(result).toMatchObject({ valid: true });
  });

  it("documents the payment operations: refunds, the Stripe webhook and the checkout return pages", async () => {
    const document = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const refund = document.paths["/api/admin/orders/{id}/refund/"].post;
    expect(Object.keys(refund.responses)).toEqual(expect.arrayContaining(["200", "401", "403", "404", "409"]));
    const webhook = document.paths["/api/payments/stripe/webhook/"].post;
    expect(webhook.security).toEqual([]);
    expect(Object.keys(webhook.responses)).toEqual(expect.arrayContaining(["200", "400"]));
    expect(document.paths["/api/payments/{id}/return/"].get.responses["200"].content).toHaveProperty("text/html");
    expect(document.paths["/api/payments/{id}/cancelled/"].get.responses["200"].content).toHaveProperty("text/html");
    const initiated = document.paths["/api/payments/initiate/"].post.responses["201"].content["application/json"].schema;
    expect(JSON.stringify(initiated)).toContain("stripe");
  });

  it("documents errors with the one error body", async () => {
    const document = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const responses = document.paths["/api/token/verify/"].post.responses;
    expect(responses["400"]).toEqual({ $ref: "#/components/responses/BadRequest" });
    expect(document.components.responses.BadRequest.content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/ErrorBody",
    });
  });
});

describe("GET /api/docs/", () => {
  it("serves an HTML page whose scripts and styles come from this server", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/docs/" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/html/);
    const assets = [...res.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      expect(asset).not.toMatch(/^https?:/);
      const url = new URL(asset, "http://x/api/docs/").pathname;
      expect((await t.app.inject({ method: "GET", url })).statusCode, url).toBe(200);
    }
  });
});

describe("/trpc with the typed client", () => {
  it("calls procedures and gets typed errors", async () => {
    const address = await t.app.listen({ port: 0, host: "127.0.0.1" });
    const client = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${address}/trpc` })] });
    expect(await client.health.ready.query()).toEqual({ status: "ok", checks: { database: "ok" } });
    const error = await client.auth.verifyToken.mutate({ token: "nope" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as TRPCClientError<AppRouter>).data).toMatchObject({ code: "INVALID_TOKEN", httpStatus: 401 });
  });
});

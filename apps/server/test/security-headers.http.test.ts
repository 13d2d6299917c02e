import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "@shop/runtime";
import { createShopper, type Shopper } from "./orders-fixtures.ts";
import { paymentPagePath } from "./payment-fixtures.ts";
import { startTestApp, type TestApp } from "./support.ts";

// API.md Conventions: nosniff and no-referrer on every response; a CSP and DENY framing on HTML;
// HSTS only when PUBLIC_URL is https; CORS closed unless CORS_ORIGINS lists the caller's origin.
let t: TestApp;
let customer: Shopper;
beforeAll(async () => {
  t = await startTestApp();
  customer = await createShopper(t);
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: "GET", url, headers });

describe("security headers", () => {
  it("every response, errors included, says nosniff and no-referrer; no HSTS over http", async () => {
    const responses = [
      await get("/api/categories/"),
      await get("/health/ready"),
      await get("/api/no-such-thing/"),
      await get(`/api/products/?q=${"a".repeat(9000)}`),
      await t.app.inject({
        method: "POST",
        url: "/api/token/verify/",
        payload: "{bad",
        headers: { "content-type": "application/json" },
      }),
      await get("/api/openapi.json"),
    ];
    for (const res of responses) {
      expect(res.headers["x-content-type-options"], `${res.statusCode} ${res.body.slice(0, 80)}`).toBe("nosniff");
      expect(res.headers["referrer-policy"]).toBe("no-referrer");
      expect(res.headers["strict-transport-security"]).toBeUndefined();
    }
    expect(responses.map((res) => res.statusCode)).toEqual([200, 200, 404, 414, 400, 200]);
  });

  it("HTML pages (docs, payment page) carry a CSP and X-Frame-Options: DENY", async () => {
    const docs = await get("/api/docs/");
    const pay = await get(await paymentPagePath(t, customer));
    for (const res of [docs, pay]) {
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^text\/html/);
      expect(res.headers["content-security-policy"]).toMatch(/default-src 'self'/);
      expect(res.headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
      expect(res.headers["content-security-policy"]).not.toMatch(/upgrade-insecure-requests/);
      expect(res.headers["x-frame-options"]).toBe("DENY");
    }
  });

  it("files under /media/ are served with nosniff", async () => {
    const file = await t.deps.files.put({ folder: "check", extension: "png", contentType: "image/png", bytes: Buffer.from("x") });
    const res = await get(new URL(file.url).pathname);
    expect(res.statusCode).toBe(200);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("HSTS when PUBLIC_URL is https", async () => {
    const secure = await startTestApp({ publicUrl: "https://shop.example" });
    try {
      const res = await secure.app.inject({ method: "GET", url: "/api/categories/" });
      expect(res.headers["strict-transport-security"]).toMatch(/^max-age=\d{7,}/);
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
    } finally {
      await secure.close();
    }
  });
});

describe("CORS", () => {
  const preflight = (app: TestApp, origin: string) =>
    app.app.inject({
      method: "OPTIONS",
      url: "/api/cart/add/",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,content-type",
      },
    });

  it("closed without CORS_ORIGINS: no Access-Control-Allow-Origin for any origin", async () => {
    const res = await get("/api/categories/", { origin: "https://shop.example" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["access-control-allow-origin"]).toBeUndefined();
    expect((await preflight(t, "https://shop.example")).headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("open to the listed origins only, preflight included", async () => {
    const open = await startTestApp({ corsOrigins: ["https://shop.example", "http://localhost:3000"] });
    try {
      const allowed = await open.app.inject({
        method: "GET",
        url: "/api/categories/",
        headers: { origin: "https://shop.example" },
      });
      expect(allowed.headers["access-control-allow-origin"]).toBe("https://shop.example");
      expect(allowed.headers.vary).toMatch(/origin/i);
      expect(allowed.headers["access-control-expose-headers"]).toMatch(/retry-after/i);

      const pre = await preflight(open, "http://localhost:3000");
      expect(pre.statusCode).toBe(204);
      expect(pre.headers["access-control-allow-origin"]).toBe("http://localhost:3000");
      expect(pre.headers["access-control-allow-methods"]).toMatch(/PATCH/);
      expect(pre.headers["access-control-allow-headers"]).toMatch(/authorization/i);

      const other = await open.app.inject({
        method: "GET",
        url: "/api/categories/",
        headers: { origin: "https://evil.example" },
      });
      expect(other.headers["access-control-allow-origin"]).toBeUndefined();
      expect((await preflight(open, "https://evil.example")).headers["access-control-allow-origin"]).toBeUndefined();
    } finally {
      await open.close();
    }
  });

  it("CORS_ORIGINS is a comma-separated list of origins", () => {
    expect(parseEnv({ CORS_ORIGINS: "https://shop.example, http://localhost:3000" }).CORS_ORIGINS).toEqual([
      "https://shop.example",
      "http://localhost:3000",
    ]);
    expect(parseEnv({}).CORS_ORIGINS).toEqual([]);
    expect(() => parseEnv({ CORS_ORIGINS: "https://shop.example/path" })).toThrow(ConfigError);
    expect(() => parseEnv({ CORS_ORIGINS: "shop.example" })).toThrow(/CORS_ORIGINS/);
  });
});

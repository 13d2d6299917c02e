import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createShopper, createVariant, type Shopper } from "./orders-fixtures.ts";
import { multipartBody, TINY_PNG } from "./multipart.ts";
import { expectNoStackTrace, startTestApp, type TestApp } from "./support.ts";

// API.md Conventions: a malformed multipart body, JSON nested 10,000 deep, an over-long URL or
// header all get a 4xx in the error shape, never a 500.
let t: TestApp;
let seller: Shopper;
let productId: number;
let origin: string;
beforeAll(async () => {
  t = await startTestApp();
  seller = await createShopper(t, "seller");
  ({ productId } = await createVariant(t, { sellerId: seller.id }));
  origin = await t.app.listen({ port: 0, host: "127.0.0.1" });
});
afterAll(() => t.close());

function expectErrorShape(res: { statusCode: number; body: string }, status: number) {
  expectNoStackTrace(res.body);
  expect(res.statusCode, res.body).toBe(status);
  expect(JSON.parse(res.body)).toEqual({ detail: expect.any(String), code: expect.any(String) });
}

/** One raw HTTP/1.1 exchange over a real socket (what Node's parser refuses never reaches inject). */
function rawRequest(head: string): Promise<{ statusCode: number; headers: string; body: string }> {
  const { port, hostname } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(head));
    const chunks: Buffer[] = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      const text = Buffer.concat(chunks).toString();
      const [headers = "", body = ""] = text.split("\r\n\r\n");
      resolve({ statusCode: Number(/^HTTP\/1\.1 (\d{3})/.exec(headers)?.[1]), headers, body });
    });
  });
}

const upload = (contentType: string, payload: Buffer | string) =>
  t.app.inject({
    method: "POST",
    url: `/api/products/${productId}/upload-image/`,
    payload,
    headers: { "content-type": contentType, authorization: `Bearer ${seller.token}` },
  });

describe("malformed multipart bodies → 400", () => {
  it("no boundary in the content type", async () => {
    const { payload } = multipartBody([{ name: "image", value: TINY_PNG, filename: "i.png" }]);
    const res = await upload("multipart/form-data", payload);
    expectErrorShape(res, 400);
    const profile = await t.app.inject({
      method: "PATCH",
      url: "/api/profile/me/",
      payload,
      headers: { "content-type": "multipart/form-data", authorization: `Bearer ${seller.token}` },
    });
    expectErrorShape(profile, 400);
  });

  it("a body cut short in the middle of the file", async () => {
    const { payload, contentType } = multipartBody([{ name: "image", value: TINY_PNG, filename: "i.png" }]);
    expectErrorShape(await upload(contentType, payload.subarray(0, payload.length - 30)), 400);
  });

  it("a boundary that never appears in the body", async () => {
    const { payload } = multipartBody([{ name: "image", value: TINY_PNG, filename: "i.png" }]);
    expectErrorShape(await upload("multipart/form-data; boundary=nowhere", payload), 400);
  });

  it("two image parts → 400 naming the field, not 413", async () => {
    const { payload, contentType } = multipartBody([
      { name: "image", value: TINY_PNG, filename: "a.png", type: "image/png" },
      { name: "image", value: TINY_PNG, filename: "b.png", type: "image/png" },
    ]);
    const res = await upload(contentType, payload);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: "VALIDATION_ERROR", fields: { image: [expect.any(String)] } });
    expect(await t.db.productImage.count({ where: { productId } })).toBe(0);
  });
});

describe("JSON nested 100,000 deep → 400", () => {
  const arrays = "[".repeat(100_000) + "]".repeat(100_000);
  const objects = '{"a":'.repeat(100_000) + "1" + "}".repeat(100_000);

  it.each(["/api/token/verify/", "/api/auth/login/", "/api/products/create/"])("REST %s: INVALID_JSON", async (url) => {
    for (const payload of [arrays, objects, `{"name":${objects}}`]) {
      const res = await t.app.inject({
        method: "POST",
        url,
        payload,
        headers: { "content-type": "application/json", authorization: `Bearer ${seller.token}` },
      });
      expectErrorShape(res, 400);
      expect(res.json().code).toBe("INVALID_JSON");
    }
  });

  // The tRPC adapter parses its own bodies (V8's JSON.parse is not recursive); the input then fails its schema.
  it.each(["/trpc/auth.verifyToken", "/trpc/products.create", "/trpc/auth.login?batch=1"])("tRPC %s: 400", async (url) => {
    for (const payload of [arrays, objects, `{"name":${objects}}`, `{"0":${objects}}`]) {
      const res = await t.app.inject({
        method: "POST",
        url,
        payload,
        headers: { "content-type": "application/json", authorization: `Bearer ${seller.token}` },
      });
      expectNoStackTrace(res.body);
      expect(res.statusCode, res.body.slice(0, 200)).toBe(400);
      const body = res.json();
      expect((Array.isArray(body) ? body[0] : body).error.data).toMatchObject({ code: expect.any(String), httpStatus: 400 });
    }
  });

  it("an object nested deep inside a string is only text", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/token/verify/",
      payload: JSON.stringify({ token: "{".repeat(50_000) }),
      headers: { "content-type": "application/json" },
    });
    expect(res.statusCode).toBe(400); // too long a token: a validation error, not a depth error
    expect(res.json().code).toBe("VALIDATION_ERROR");
  });
});

describe("over-long request lines and headers", () => {
  it("a URL over 8192 characters → 414 in the error shape (inject and a real socket)", async () => {
    const url = `/api/products/?q=${"a".repeat(9000)}`;
    expectErrorShape(await t.app.inject({ method: "GET", url }), 414);
    const res = await rawRequest(`GET ${url} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
    expectErrorShape(res, 414);
  });

  it("a URL over Node's 16 KB header limit → 4xx in the error shape", async () => {
    const res = await rawRequest(
      `GET /api/products/?q=${"a".repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`,
    );
    expect([414, 431]).toContain(res.statusCode);
    expectErrorShape(res, res.statusCode);
  });

  it("a header over 16 KB → 431 in the error shape, with nosniff", async () => {
    const res = await rawRequest(`GET /health/live HTTP/1.1\r\nHost: localhost\r\nX-Big: ${"b".repeat(20_000)}\r\n\r\n`);
    expectErrorShape(res, 431);
    expect(res.headers).toMatch(/^content-type: application\/json/im);
    expect(res.headers).toMatch(/^x-content-type-options: nosniff$/im);
  });

  it("the server still answers afterwards", async () => {
    const res = await rawRequest("GET /health/live HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    expect(res.statusCode).toBe(200);
  });
});

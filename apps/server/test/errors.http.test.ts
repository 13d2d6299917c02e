import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoStackTrace, startTestApp, type TestApp } from "./support.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ bodyLimit: 16 * 1024 });
});
afterAll(() => t.close());

const json = (method: "POST" | "GET" | "PUT", url: string, payload?: string | object) =>
  t.app.inject({
    method,
    url,
    headers: { "content-type": "application/json" },
    ...(payload !== undefined && { payload: typeof payload === "string" ? payload : JSON.stringify(payload) }),
  });

describe("the error shape of API.md", () => {
  it("malformed JSON → 400 INVALID_JSON", async () => {
    const res = await json("POST", "/api/token/verify/", '{"token": ');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ detail: expect.any(String), code: "INVALID_JSON" });
  });

  it("unknown paths → 404 in the error shape, under /api and outside it", async () => {
    for (const url of ["/api/no-such-thing/", "/no-such-thing"]) {
      const res = await t.app.inject({ method: "GET", url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json(), url).toEqual({ detail: expect.any(String), code: "NOT_FOUND" });
    }
  });

  it("a zod failure → 400 with fields naming the input", async () => {
    const res = await json("POST", "/api/token/verify/", { token: 42 });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ detail: "Invalid input.", code: "VALIDATION_ERROR", fields: { token: [expect.any(String)] } });
  });

  it("a bad token → 401 NOT_AUTHENTICATED", async () => {
    const res = await json("POST", "/api/token/verify/", { token: "not-a-jwt" });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ detail: "Token is invalid or expired.", code: "INVALID_TOKEN" });
  });

  it("a body over the limit → 413", async () => {
    const res = await json("POST", "/api/token/verify/", { token: "x".repeat(20 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });

  it("a known path with the wrong method → 405 with Allow", async () => {
    const res = await json("GET", "/api/token/verify/");
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe("POST");
    expect(res.json()).toMatchObject({ code: "METHOD_NOT_ALLOWED" });
  });

  it("an unsupported content type → 415", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/token/verify/",
      headers: { "content-type": "application/xml" },
      payload: "<a/>",
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
  });

  it("/trpc errors carry the same code and fields in data, without a stack", async () => {
    const res = await json("POST", "/trpc/auth.verifyToken", { token: 42 });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.data).toMatchObject({ code: "VALIDATION_ERROR", fields: { token: [expect.any(String)] }, httpStatus: 400 });
    expect(body.error.data.stack).toBeUndefined();
  });

  it("no response body contains a stack trace", async () => {
    const requests = [
      json("POST", "/api/token/verify/", "{bad"),
      json("POST", "/api/token/verify/", {}),
      json("POST", "/trpc/auth.verifyToken", "{bad"),
      json("POST", "/trpc/auth.verifyToken", {}),
      json("POST", "/trpc/no.such.procedure", {}),
      json("PUT", "/health/live", {}),
      t.app.inject({ method: "GET", url: "/api/health/?x=%E0%A4%A" }),
    ];
    for (const res of await Promise.all(requests)) {
      expect(res.statusCode).toBeGreaterThanOrEqual(200);
      expect(res.statusCode).toBeLessThan(500);
      expectNoStackTrace(res.body);
    }
  });
});

describe("paths", () => {
  it("the same path with or without the trailing slash reaches the same handler", async () => {
    for (const url of ["/api/categories/", "/api/categories"]) {
      const res = await t.app.inject({ method: "GET", url });
      expect(res.statusCode, url).toBe(200);
      expect(res.json()).toEqual([]);
    }
  });

  it("health endpoints answer, with a request id", async () => {
    const live = await t.app.inject({ method: "GET", url: "/health/live" });
    expect(live.statusCode).toBe(200);
    expect(live.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const ready = await t.app.inject({ method: "GET", url: "/health/ready", headers: { "x-request-id": "abc-123" } });
    expect(ready.statusCode).toBe(200);
    expect(ready.headers["x-request-id"]).toBe("abc-123");
    expect(ready.json()).toEqual({ status: "ok", checks: { database: "ok" } });
  });
});

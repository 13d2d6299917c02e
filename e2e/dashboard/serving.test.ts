import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../apps/server/test/support.ts";
import { buildDashboardIfStale } from "../../apps/dashboard/scripts/build-if-stale.ts";

const MANIFEST = path.resolve(import.meta.dirname, "../../apps/dashboard/dist/.vite/manifest.json");

let t: TestApp;
beforeAll(async () => {
  await buildDashboardIfStale();
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe("the server's /dashboard/", () => {
  it("serves the built app, every page path as the app's index, hashed assets cached for good", async () => {
    for (const url of ["/dashboard/", "/dashboard", "/dashboard/products/12", "/dashboard/staff/orders"]) {
      const res = await t.app.inject({ method: "GET", url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["content-type"]).toContain("text/html");
      expect(res.headers["cache-control"]).toBe("no-cache");
      expect(res.body).toContain('<div id="root">');
    }
    const manifest = JSON.parse(await readFile(MANIFEST, "utf8")) as { "index.html": { file: string } };
    const script = await t.app.inject({ method: "GET", url: `/dashboard/${manifest["index.html"].file}` });
    expect(script.statusCode).toBe(200);
    expect(script.headers["content-type"]).toContain("javascript");
    expect(script.headers["cache-control"]).toBe("public, max-age=31536000, immutable");

    const missing = await t.app.inject({ method: "GET", url: "/dashboard/assets/missing-123.js" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: "NOT_FOUND" });
  });

  it("sends the server's Content-Security-Policy with blob: images added (the upload preview)", async () => {
    const directives = (header: string | string[] | number | undefined) =>
      String(header)
        .split(";")
        .map((directive) => directive.trim())
        .filter(Boolean);
    const server = directives((await t.app.inject({ method: "GET", url: "/api/docs/" })).headers["content-security-policy"]);
    const page = directives((await t.app.inject({ method: "GET", url: "/dashboard/" })).headers["content-security-policy"]);
    expect(server).toContain("img-src 'self' data:");
    expect(page).toEqual(server.map((directive) => (directive.startsWith("img-src ") ? `${directive} blob:` : directive)));
  });

  it("answers its auth routes in API.md's error shape", async () => {
    const refresh = await t.app.inject({ method: "POST", url: "/dashboard/auth/refresh" });
    expect(refresh.statusCode).toBe(401);
    expect(refresh.json()).toEqual({ detail: "Not signed in.", code: "NOT_AUTHENTICATED" });

    const login = await t.app.inject({ method: "POST", url: "/dashboard/auth/login", payload: {} });
    expect(login.statusCode).toBe(400);
    expect(Object.keys(login.json().fields).sort()).toEqual(["password", "username"]);

    const forged = await t.app.inject({
      method: "POST",
      url: "/dashboard/auth/refresh",
      cookies: { shop_dashboard_refresh: "not-a-session" },
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.headers["set-cookie"]).toContain("shop_dashboard_refresh=;");
  });
});

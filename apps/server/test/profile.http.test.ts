import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpClient, startTestApp, type TestApp } from "./support.ts";
import { createVerifiedUser } from "./users.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

// The smallest valid PNG: a 1x1 transparent pixel.
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6300010000050001" +
    "0d0a2db40000000049454e44ae426082",
  "hex",
);

function multipart(parts: { name: string; value: string | Buffer; filename?: string; type?: string }[]) {
  const boundary = "----shopluxe" + Math.random().toString(16).slice(2);
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ""}`;
    const type = part.type ? `\r\nContent-Type: ${part.type}` : "";
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`),
      Buffer.from(part.value),
      Buffer.from("\r\n"),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function uploadPicture(access: string, parts: Parameters<typeof multipart>[0]) {
  const { payload, contentType } = multipart(parts);
  return t.app.inject({
    method: "PATCH",
    url: "/api/profile/me/",
    payload,
    headers: { "content-type": contentType, authorization: `Bearer ${access}` },
  });
}

describe("GET and PATCH /api/profile/me/", () => {
  it("shows the caller's profile, never the password hash; anonymous → 401", async () => {
    const user = await createVerifiedUser(t);
    const { access } = await user.login();
    const http = httpClient(t.app);
    const res = await http.get("/api/profile/me/", access);
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json()).sort()).toEqual(
      ["date_joined", "email", "first_name", "id", "is_active", "last_name", "profile_picture", "role", "username"].sort(),
    );
    expect(res.body).not.toMatch(/argon2|password/i);
    expect((await http.get("/api/profile/me/")).statusCode).toBe(401);
  });

  it("changes names and email; cannot change role or is_active", async () => {
    const user = await createVerifiedUser(t);
    const { access } = await user.login();
    const http = httpClient(t.app);
    const changed = await http.patch("/api/profile/me", { first_name: "Grace", email: `NEW_${user.email}` }, access);
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ first_name: "Grace", email: `new_${user.email}`, role: "customer" });

    for (const body of [
      { role: "admin" },
      { is_active: false },
      { first_name: "X", role: "seller" },
      { password: "x-Y-z-12345" },
    ]) {
      const res = await http.patch("/api/profile/me/", body, access);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe("VALIDATION_ERROR");
    }
    const stored = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored).toMatchObject({ role: "customer", isActive: true, firstName: "Grace" });
  });

  it("an email another account uses → 409 with fields", async () => {
    const alice = await createVerifiedUser(t);
    const bob = await createVerifiedUser(t);
    const { access } = await bob.login();
    const res = await httpClient(t.app).patch("/api/profile/me/", { email: alice.email.toUpperCase() }, access);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ fields: { email: [expect.any(String)] } });
  });

  it("a multipart picture upload stores the image, which is then served", async () => {
    const user = await createVerifiedUser(t);
    const { access } = await user.login();
    const res = await uploadPicture(access, [
      { name: "first_name", value: "Pixel" },
      { name: "profile_picture", value: PNG, filename: "me.png", type: "image/png" },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const profile = res.json();
    expect(profile.first_name).toBe("Pixel");
    expect(profile.profile_picture).toMatch(/^http:\/\/shop\.test\/media\/profile-pictures\/[\w-]+\.png$/);
    const served = await t.app.inject({ method: "GET", url: new URL(profile.profile_picture).pathname });
    expect(served.statusCode).toBe(200);
    // Re-encoded on upload (uploads.http.test.ts): a PNG still, but not the client's bytes.
    expect(served.headers["content-type"]).toBe("image/png");
    expect(served.rawPayload.subarray(0, 8)).toEqual(PNG.subarray(0, 8));
  });

  it("a shell script named .png → 415, and nothing changes", async () => {
    const user = await createVerifiedUser(t);
    const { access } = await user.login();
    const res = await uploadPicture(access, [
      { name: "first_name", value: "Mallory" },
      { name: "profile_picture", value: "#!/bin/sh\nrm -rf /\n", filename: "evil.png", type: "image/png" },
    ]);
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
    const stored = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored).toMatchObject({ firstName: "", profilePicture: null });
  });

  it("a 6 MB upload → 413", async () => {
    const user = await createVerifiedUser(t);
    const { access } = await user.login();
    const big = Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024)]);
    const res = await uploadPicture(access, [{ name: "profile_picture", value: big, filename: "big.png", type: "image/png" }]);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });

  it("a multipart upload without a token → 401", async () => {
    const { payload, contentType } = multipart([{ name: "profile_picture", value: PNG, filename: "a.png" }]);
    const res = await t.app.inject({
      method: "PATCH",
      url: "/api/profile/me/",
      payload,
      headers: { "content-type": contentType },
    });
    expect(res.statusCode).toBe(401);
  });
});

describe("rate limits", () => {
  it("20 bad logins in a row → 429", async () => {
    const user = await createVerifiedUser(t);
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      // Each attempt from a new address: the per-account limit must hold on its own.
      const res = await httpClient(t.app).post("/api/auth/login/", { username: user.username, password: `wrong-${i}` });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const limited = await httpClient(t.app).post("/api/auth/login/", { username: user.username, password: user.password });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: "RATE_LIMITED" });
  });

  it("one address is limited across accounts too", async () => {
    const http = httpClient(t.app);
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++)
      statuses.push((await http.post("/api/auth/login/", { username: `ghost${i}`, password: "nope-nope-1" })).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
  });

  it("password reset requests are limited per email", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await httpClient(t.app).post("/api/auth/password-reset/", { email: "target@example.com" })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });
});

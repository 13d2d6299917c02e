import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpClient, startTestApp, type TestApp } from "./support.ts";
import { multipartBody as multipart, TINY_PNG as PNG } from "./multipart.ts";
import { createVerifiedUser } from "./users.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

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
      [
        "date_joined",
        "email",
        "first_name",
        "id",
        "is_active",
        "last_name",
        "pending_email",
        "profile_picture",
        "role",
        "username",
      ].sort(),
    );
    expect(res.body).not.toMatch(/argon2|password/i);
    expect((await http.get("/api/profile/me/")).statusCode).toBe(401);
  });

  it("changes names at once; cannot change role or is_active", async () => {
    const user = await createVerifiedUser(t);
    const { access } = await user.login();
    const http = httpClient(t.app);
    const changed = await http.patch("/api/profile/me", { first_name: "Grace", email: user.email.toUpperCase() }, access);
    expect(changed.statusCode).toBe(200);
    // The address in use, in another case, is no change: no password needed, nothing pending.
    expect(changed.json()).toMatchObject({ first_name: "Grace", email: user.email, pending_email: null, role: "customer" });

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

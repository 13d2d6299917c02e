import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestSmtpServer } from "@shop/testing/smtp";
import { multipartBody as multipart, TINY_PNG as PNG } from "./multipart.ts";
import { httpClient, newClientAddress, startTestAppWithMail, type TestApp } from "./support.ts";
import { createVerifiedUser, type TestUser } from "./users.ts";

let smtp: TestSmtpServer;
let t: TestApp;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ t, smtp, close } = await startTestAppWithMail());
});
afterAll(() => close());

let serial = 0;
const newAddress = () => `moved${++serial}-${Date.now()}@example.org`;

/** The confirmation link's path in the next email to `address`. */
async function confirmationPath(address: string): Promise<string> {
  const mail = await smtp.nextMessageTo(address);
  expect(mail.subject).toBe("Confirm your new Shop Luxe email address");
  const link = /http:\/\/shop\.test(\/api\/accounts\/confirm-email\/[\w-]+\/[\w-]{43}\/)/.exec(mail.text!);
  expect(link, mail.text).not.toBeNull();
  return link![1]!;
}

const stored = (user: TestUser) =>
  t.db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true, pendingEmail: true } });

describe("changing the email (API.md 5b)", () => {
  it("needs the current password: missing or wrong → 400 with fields.current_password, and nothing changes", async () => {
    const user = await createVerifiedUser(t);
    const { access } = await user.login();
    const http = httpClient(t.app);
    const email = newAddress();
    for (const body of [{ email }, { email, current_password: "not-the-Password-1" }, { email, current_password: "" }]) {
      const res = await http.patch("/api/profile/me/", body, access);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json()).toMatchObject({ code: "VALIDATION_ERROR", fields: { current_password: [expect.any(String)] } });
    }
    expect(await stored(user)).toEqual({ email: user.email, pendingEmail: null });
  });

  it("a stolen access token alone cannot move the account; with the password the address changes only through the link", async () => {
    const user = await createVerifiedUser(t);
    const { access } = await user.login();
    const http = httpClient(t.app);
    const email = newAddress();

    const asked = await http.patch("/api/profile/me/", { email: email.toUpperCase(), current_password: user.password }, access);
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json()).toMatchObject({ email: user.email, pending_email: email });
    expect((await http.get("/api/profile/me/", access)).json()).toMatchObject({ email: user.email, pending_email: email });

    const notice = await smtp.nextMessageTo(user.email);
    expect(notice.subject).toBe("Your Shop Luxe email address is about to change");
    expect(notice.text).toContain(email);
    expect(notice.text).not.toMatch(/confirm-email/);
    const path = await confirmationPath(email);

    // Until the link is used, the old address is the account's: login and password reset use it.
    expect((await http.post("/api/auth/login/", { username: user.email, password: user.password })).statusCode).toBe(200);
    expect((await http.post("/api/auth/login/", { username: email, password: user.password })).statusCode).toBe(401);

    const confirmed = await http.get(path);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toEqual({ message: expect.any(String) });
    expect(await stored(user)).toEqual({ email, pendingEmail: null });
    expect((await http.get("/api/profile/me/", access)).json()).toMatchObject({ email, pending_email: null });
    expect((await http.post("/api/auth/login/", { username: email, password: user.password })).statusCode).toBe(200);

    const again = await http.get(path);
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ code: "INVALID_TOKEN" });
  });

  it("a newer request supersedes the older link", async () => {
    const user = await createVerifiedUser(t);
    const { access } = await user.login();
    const http = httpClient(t.app);
    const [first, second] = [newAddress(), newAddress()];
    expect((await http.patch("/api/profile/me/", { email: first, current_password: user.password }, access)).statusCode).toBe(
      200,
    );
    const firstPath = await confirmationPath(first);
    expect((await http.patch("/api/profile/me/", { email: second, current_password: user.password }, access)).statusCode).toBe(
      200,
    );
    const secondPath = await confirmationPath(second);

    expect((await http.get(firstPath)).statusCode).toBe(400);
    expect(await stored(user)).toEqual({ email: user.email, pendingEmail: second });
    expect((await http.get(secondPath)).statusCode).toBe(200);
    expect(await stored(user)).toEqual({ email: second, pendingEmail: null });
  });

  it("a password reset (what the notice advises) cancels the pending change and its link", async () => {
    const user = await createVerifiedUser(t);
    const { access } = await user.login();
    const http = httpClient(t.app);
    const email = newAddress();
    expect((await http.patch("/api/profile/me/", { email, current_password: user.password }, access)).statusCode).toBe(200);
    await smtp.nextMessageTo(user.email);
    const path = await confirmationPath(email);

    expect((await http.post("/api/auth/password-reset/", { email: user.email })).statusCode).toBe(200);
    const reset = await smtp.nextMessageTo(user.email);
    const [, uid, token] = /uid: (\S+)\ntoken: (\S+)/.exec(reset.text!)!;
    const done = await http.post("/api/auth/password-reset/confirm/", { uid, token, new_password: "fresh-Orchard-93" });
    expect(done.statusCode).toBe(200);

    expect(await stored(user)).toEqual({ email: user.email, pendingEmail: null });
    const late = await http.get(path);
    expect(late.statusCode).toBe(400);
    expect(late.json()).toMatchObject({ code: "INVALID_TOKEN" });
    expect(await stored(user)).toEqual({ email: user.email, pendingEmail: null });
  });

  it("bad, forged or another user's links → 400", async () => {
    const alice = await createVerifiedUser(t);
    const bob = await createVerifiedUser(t);
    const { access } = await alice.login();
    const http = httpClient(t.app);
    const email = newAddress();
    expect((await http.patch("/api/profile/me/", { email, current_password: alice.password }, access)).statusCode).toBe(200);
    const path = await confirmationPath(email);
    const token = path.split("/").at(-2)!;
    const bobUid = Buffer.from(String(bob.id)).toString("base64url");
    for (const bad of [
      `/api/accounts/confirm-email/${bobUid}/${token}/`,
      `/api/accounts/confirm-email/%25%25/${token}/`,
      path.replace(token, "x".repeat(43)),
    ]) {
      const res = await http.get(bad);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json()).toMatchObject({ code: "INVALID_TOKEN" });
    }
    // The verification link's purpose is not this one's either.
    expect((await http.get(path.replace("confirm-email", "verify-email"))).statusCode).toBe(400);
    expect(await stored(alice)).toEqual({ email: alice.email, pendingEmail: email });
    expect((await http.get(path)).statusCode).toBe(200);
  });

  it("an address another account uses → 409 when asked, and 409 at the link if it was taken meanwhile", async () => {
    const alice = await createVerifiedUser(t);
    const bob = await createVerifiedUser(t);
    const { access } = await bob.login();
    const http = httpClient(t.app);
    const taken = await http.patch(
      "/api/profile/me/",
      { email: alice.email.toUpperCase(), current_password: bob.password },
      access,
    );
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ fields: { email: [expect.any(String)] } });

    const email = newAddress();
    expect((await http.patch("/api/profile/me/", { email, current_password: bob.password }, access)).statusCode).toBe(200);
    const path = await confirmationPath(email);
    await t.db.user.update({ where: { id: alice.id }, data: { email } });
    const late = await http.get(path);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: "DUPLICATE", fields: { email: [expect.any(String)] } });
    expect(await stored(bob)).toEqual({ email: bob.email, pendingEmail: email });
  });

  it("wrong current passwords count against the account's login limits (429 with Retry-After)", async () => {
    const user = await createVerifiedUser(t);
    const { access } = await user.login();
    const http = httpClient(t.app, newClientAddress());
    for (let i = 0; i < 10; i++) {
      const res = await http.patch("/api/profile/me/", { email: newAddress(), current_password: `guess-${i}-Word` }, access);
      expect(res.statusCode).toBe(400);
    }
    const limited = await http.patch("/api/profile/me/", { email: newAddress(), current_password: user.password }, access);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect(await stored(user)).toEqual({ email: user.email, pendingEmail: null });
  });
});

describe("changing the email with multipart/form-data", () => {
  const upload = (access: string, parts: Parameters<typeof multipart>[0]) => {
    const { payload, contentType } = multipart(parts);
    return t.app.inject({
      method: "PATCH",
      url: "/api/profile/me/",
      payload,
      headers: { "content-type": contentType, authorization: `Bearer ${access}` },
    });
  };

  it("follows the same rule, with or without a picture", async () => {
    const user = await createVerifiedUser(t);
    const { access } = await user.login();
    const email = newAddress();
    const picture = { name: "profile_picture", value: PNG, filename: "me.png", type: "image/png" };

    for (const parts of [[{ name: "email", value: email }], [{ name: "email", value: email }, picture]]) {
      const refused = await upload(access, parts);
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json()).toMatchObject({ fields: { current_password: [expect.any(String)] } });
    }
    expect(await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      email: user.email,
      pendingEmail: null,
      profilePicture: null,
    });

    const asked = await upload(access, [
      { name: "email", value: email },
      { name: "current_password", value: user.password },
      picture,
    ]);
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json()).toMatchObject({ email: user.email, pending_email: email, profile_picture: expect.any(String) });
    expect((await httpClient(t.app).get(await confirmationPath(email))).statusCode).toBe(200);
    expect(await stored(user)).toEqual({ email, pendingEmail: null });
  });
});

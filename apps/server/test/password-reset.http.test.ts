import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestSmtpServer } from "@shop/testing/smtp";
import { httpClient, startTestAppWithMail, type TestApp } from "./support.ts";
import { createVerifiedUser } from "./users.ts";

let smtp: TestSmtpServer;
let t: TestApp;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ t, smtp, close } = await startTestAppWithMail());
});
afterAll(() => close());

async function requestReset(email: string) {
  const res = await httpClient(t.app).post("/api/auth/password-reset/", { email });
  expect(res.statusCode).toBe(200);
  return res.json();
}

async function resetMail(email: string) {
  const mail = await smtp.nextMessageTo(email);
  const link = /http:\/\/shop\.test\/reset-password\/([\w-]+)\/([\w-]+)\//.exec(mail.text!)!;
  expect(mail.text).toContain(`uid: ${link[1]}`);
  expect(mail.text).toContain(`token: ${link[2]}`);
  return { uid: link[1]!, token: link[2]! };
}

describe("password reset", () => {
  it("answers the same for an unknown email, and sends nothing", async () => {
    const user = await createVerifiedUser(t);
    const known = await requestReset(user.email);
    const unknown = await requestReset("nobody@example.com");
    expect(unknown).toEqual(known);
    await resetMail(user.email);
    // A later email to someone else proves the queue is past the unknown address.
    const other = await createVerifiedUser(t);
    await requestReset(other.email);
    await resetMail(other.email);
    expect(smtp.received.some((m) => [m.to].flat().some((a) => a?.text.includes("nobody@example.com")))).toBe(false);
  });

  it("sets the new password once, revokes every session, and refuses the old password", async () => {
    const user = await createVerifiedUser(t);
    const http = httpClient(t.app);
    const sessions = [await user.login(), await user.login()];
    for (const session of sessions)
      expect((await http.post("/api/token/verify/", { token: session.access })).statusCode).toBe(200);
    await requestReset(user.email);
    const { uid, token } = await resetMail(user.email);

    const weak = await http.post("/api/auth/password-reset/confirm/", { uid, token, new_password: "12345678" });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({
      code: "VALIDATION_ERROR",
      fields: { new_password: expect.arrayContaining([expect.any(String)]) },
    });

    const newPassword = "quiet-Meadow-77";
    const done = await http.post("/api/auth/password-reset/confirm/", { uid, token, new_password: newPassword });
    expect(done.statusCode).toBe(200);
    const reused = await http.post("/api/auth/password-reset/confirm/", { uid, token, new_password: "another-Sky-88" });
    expect(reused.statusCode).toBe(400);
    expect(reused.json()).toMatchObject({ code: "INVALID_TOKEN" });

    for (const session of sessions) {
      expect((await http.post("/api/token/verify/", { token: session.access })).statusCode).toBe(401);
      expect((await http.post("/api/token/refresh/", { refresh: session.refresh })).statusCode).toBe(401);
      expect((await http.get("/api/profile/me/", session.access)).statusCode).toBe(401);
    }
    expect((await http.post("/api/auth/login/", { username: user.username, password: user.password })).statusCode).toBe(401);
    expect((await http.post("/api/auth/login/", { username: user.username, password: newPassword })).statusCode).toBe(200);
  });

  it("refuses a forged or mismatched uid and token", async () => {
    const alice = await createVerifiedUser(t);
    const bob = await createVerifiedUser(t);
    await requestReset(alice.email);
    const { token } = await resetMail(alice.email);
    const bobUid = Buffer.from(String(bob.id)).toString("base64url");
    const http = httpClient(t.app);
    for (const body of [
      { uid: bobUid, token, new_password: "quiet-Meadow-77" },
      { uid: "%%%", token, new_password: "quiet-Meadow-77" },
      { uid: bobUid, token: "x".repeat(43), new_password: "quiet-Meadow-77" },
    ]) {
      const res = await http.post("/api/auth/password-reset/confirm/", body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
  });

  it("a link works for an hour, and not after", async () => {
    const http = httpClient(t.app);
    const [late, inTime] = [await createVerifiedUser(t), await createVerifiedUser(t)];
    await requestReset(late.email);
    await requestReset(inTime.email);
    const [lateLink, inTimeLink] = [await resetMail(late.email), await resetMail(inTime.email)];
    t.clock.advance(59 * 60_000);
    const confirmed = await http.post("/api/auth/password-reset/confirm/", { ...inTimeLink, new_password: "quiet-Meadow-77" });
    expect(confirmed.statusCode).toBe(200);
    t.clock.advance(2 * 60_000);
    const expired = await http.post("/api/auth/password-reset/confirm/", { ...lateLink, new_password: "quiet-Meadow-77" });
    expect(expired.statusCode).toBe(400);
    expect(expired.json()).toMatchObject({ code: "INVALID_TOKEN" });
  });
});

import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, retryingJobs, runJobsNow } from "@shop/testing";
import type { TestSmtpServer } from "@shop/testing/smtp";
import { httpClient, startTestAppWithMail, type TestApp } from "./support.ts";

let smtp: TestSmtpServer;
let t: TestApp;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ t, smtp, close } = await startTestAppWithMail());
});
afterAll(() => close());

let serial = 0;
const newUser = (overrides: Record<string, string> = {}) => {
  serial++;
  return { username: `shopper${serial}`, email: `shopper${serial}@example.com`, password: "velvet-Harbor-42", ...overrides };
};

const linkIn = (text: string) => /https?:\/\/\S+/.exec(text)![0];

/** Registers, reads the verification email from the SMTP server and opens its link. */
async function registerAndVerify(user = newUser()) {
  const http = httpClient(t.app);
  expect((await http.post("/api/auth/register/", user)).statusCode).toBe(201);
  const mail = await smtp.nextMessageTo(user.email);
  const path = new URL(linkIn(mail.text!)).pathname;
  expect((await http.get(path)).statusCode).toBe(200);
  return user;
}

async function login(user: { username: string; password: string }) {
  const res = await httpClient(t.app).post("/api/auth/login/", { username: user.username, password: user.password });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { access: string; refresh: string; user: Record<string, unknown> };
}

describe("register and verify", () => {
  it("register → email over SMTP → link activates → login works", async () => {
    const http = httpClient(t.app);
    const user = newUser({ first_name: "Ada", last_name: "Lovelace" });
    const registered = await http.post("/api/auth/register/", user);
    expect(registered.statusCode).toBe(201);
    expect(registered.json()).toEqual({
      message: "User registered successfully. Please check your email to verify your account.",
    });

    const early = await http.post("/api/auth/login/", { username: user.username, password: user.password });
    expect(early.statusCode).toBe(403);
    expect(early.json()).toMatchObject({ code: "EMAIL_NOT_VERIFIED" });

    const mail = await smtp.nextMessageTo(user.email);
    expect(mail.subject).toBe("Verify your Shop Luxe account");
    expect(mail.html).toContain("<a href=");
    const link = linkIn(mail.text!);
    expect(link).toMatch(/^http:\/\/shop\.test\/api\/accounts\/verify-email\/[\w-]+\/[\w-]{43}\/$/);

    const verified = await http.get(new URL(link).pathname);
    expect(verified.statusCode).toBe(200);
    const again = await http.get(new URL(link).pathname);
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ code: "INVALID_TOKEN" });

    const session = await login({ username: user.email.toUpperCase(), password: user.password });
    expect(session.user).toMatchObject({
      username: user.username,
      email: user.email,
      first_name: "Ada",
      role: "customer",
      is_active: true,
    });
    expect(session.user).not.toHaveProperty("password_hash");
    expect(session.user).not.toHaveProperty("passwordHash");
  });

  it("duplicate username or email → 409 with fields", async () => {
    const user = await registerAndVerify();
    const http = httpClient(t.app);
    const sameName = await http.post("/api/auth/register/", newUser({ username: user.username }));
    expect(sameName.statusCode).toBe(409);
    expect(sameName.json()).toMatchObject({ code: "DUPLICATE", fields: { username: [expect.any(String)] } });
    const sameEmail = await http.post("/api/auth/register/", newUser({ email: user.email.toUpperCase() }));
    expect(sameEmail.statusCode).toBe(409);
    expect(sameEmail.json()).toMatchObject({ fields: { email: [expect.any(String)] } });
  });

  it("usernames are unique case-insensitively, and login accepts either spelling", async () => {
    serial++;
    const user = await registerAndVerify(newUser({ username: `authX${serial}` }));
    const http = httpClient(t.app);
    const upper = await http.post("/api/auth/register/", newUser({ username: user.username.toUpperCase() }));
    expect(upper.statusCode).toBe(409);
    expect(upper.json()).toMatchObject({ code: "DUPLICATE", fields: { username: [expect.any(String)] } });
    expect(upper.json().fields.email).toBeUndefined();

    for (const spelling of [user.username.toUpperCase(), user.username.toLowerCase()]) {
      const session = await login({ username: spelling, password: user.password });
      expect(session.user.username).toBe(user.username);
    }

    // Both spellings at once: the database's unique index on lower(username) decides.
    const spellings = [`racer${serial}`, `RACER${serial}`];
    const racing = await Promise.all(
      spellings.map((username) => httpClient(t.app).post("/api/auth/register/", newUser({ username }))),
    );
    expect(racing.map((res) => res.statusCode).sort()).toEqual([201, 409]);
    expect(await t.db.user.count({ where: { username: { in: spellings } } })).toBe(1);
  });

  it("login compares names exactly: `_` and `%` are not wildcards", async () => {
    const user = await registerAndVerify();
    const http = httpClient(t.app);
    for (const pattern of [user.email.replace("@example.com", "@example.c_m"), `${user.username.slice(0, -1)}_`, "%"]) {
      const res = await http.post("/api/auth/login/", { username: pattern, password: user.password });
      expect(res.statusCode, pattern).toBe(401);
    }
  });

  it("invalid input and weak passwords → 400 with fields", async () => {
    const http = httpClient(t.app);
    const bad = await http.post("/api/auth/register/", { username: "no spaces!", email: "not-an-email", password: "" });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields).sort()).toEqual(["email", "password", "username"]);
    for (const password of ["short1", "12345678901", "password123"]) {
      const weak = await http.post("/api/auth/register/", newUser({ password }));
      expect(weak.statusCode, password).toBe(400);
      expect(weak.json().fields.password.length, password).toBeGreaterThan(0);
    }
  });

  it("a bad or tampered verification link → 400", async () => {
    const http = httpClient(t.app);
    for (const path of [
      "/api/accounts/verify-email/MQ/abc/",
      "/api/accounts/verify-email/!!/x/",
      "/api/accounts/verify-email/OTk5OTk/" + "a".repeat(43) + "/",
    ]) {
      const res = await http.get(path);
      expect(res.statusCode, path).toBe(400);
    }
  });

  it("a registration whose transaction fails at commit sends no email", async () => {
    // A fault injected into this test's database: the commit of a user named "doomed" fails,
    // after the user row and its email job were both written in the transaction.
    await t.db.$executeRawUnsafe(`
      create function fail_doomed() returns trigger language plpgsql as $$
      begin if new.username = 'doomed' then raise exception 'injected commit failure'; end if; return new; end $$`);
    await t.db.$executeRawUnsafe(`
      create constraint trigger fail_doomed after insert on users deferrable initially deferred
      for each row execute function fail_doomed()`);
    const doomed = newUser({ username: "doomed" });
    const res = await httpClient(t.app).post("/api/auth/register/", doomed);
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ detail: "Internal server error.", code: "INTERNAL_ERROR" });

    const later = newUser();
    await httpClient(t.app).post("/api/auth/register/", later);
    await smtp.nextMessageTo(later.email);
    expect(smtp.received.some((m) => [m.to].flat().some((a) => a?.text.includes(doomed.email)))).toBe(false);
    expect(await t.db.user.count({ where: { username: "doomed" } })).toBe(0);
  });

  it("two registrations racing for one username: one account, one email", async () => {
    const http = httpClient(t.app);
    const winner = newUser();
    const loser = newUser({ username: winner.username });
    // The same username twice at once: one insert fails on the unique index and rolls back,
    // taking its enqueued job with it.
    const results = await Promise.all([http.post("/api/auth/register/", winner), http.post("/api/auth/register/", loser)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const registered = results[0]!.statusCode === 201 ? winner : loser;
    const rejected = registered === winner ? loser : winner;
    await smtp.nextMessageTo(registered.email);
    // A later registration's email arriving proves the queue has moved past the failed one.
    const later = newUser();
    await http.post("/api/auth/register/", later);
    await smtp.nextMessageTo(later.email);
    expect(smtp.received.some((m) => [m.to].flat().some((a) => a?.text.includes(rejected.email)))).toBe(false);
    expect(await t.db.user.count({ where: { email: rejected.email } })).toBe(0);
  });

  it("an email job whose delivery fails is retried until it goes through", async () => {
    smtp.failNext(1);
    const user = newUser();
    expect((await httpClient(t.app).post("/api/auth/register/", user)).statusCode).toBe(201);
    // Wait for the failed first attempt, then skip graphile-worker's back-off instead of sleeping.
    await eventually(async () => (await retryingJobs(t.db)) > 0, { what: "the first delivery attempt to fail" });
    await runJobsNow(t.db);
    const mail = await smtp.nextMessageTo(user.email);
    expect(mail.subject).toBe("Verify your Shop Luxe account");
  });
});

describe("tokens", () => {
  it("refresh after logout → 401, while the user's other sessions still refresh", async () => {
    const user = await registerAndVerify();
    const first = await login(user);
    const second = await login(user);
    const http = httpClient(t.app);
    expect((await http.post("/api/token/refresh/", { refresh: first.refresh })).statusCode).toBe(200);

    const out = await http.post("/api/auth/logout/", { refresh: first.refresh }, first.access);
    expect(out.statusCode).toBe(200);
    const revoked = await http.post("/api/token/refresh/", { refresh: first.refresh });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json()).toMatchObject({ code: "INVALID_TOKEN" });

    const other = await http.post("/api/token/refresh/", { refresh: second.refresh });
    expect(other.statusCode).toBe(200);
    const { access } = other.json();
    expect((await http.post("/api/token/verify/", { token: access })).statusCode).toBe(200);
    expect((await http.get("/api/profile/me/", access)).statusCode).toBe(200);
    // The logged-out session's access token stops working at once, not in 15 minutes.
    expect((await http.get("/api/profile/me/", first.access)).statusCode).toBe(401);
  });

  it("token verify answers 401 for the access token of a logged-out session", async () => {
    const user = await registerAndVerify();
    const session = await login(user);
    const http = httpClient(t.app);
    expect((await http.post("/api/token/verify/", { token: session.access })).statusCode).toBe(200);
    expect((await http.post("/api/auth/logout/", { refresh: session.refresh }, session.access)).statusCode).toBe(200);
    const verified = await http.post("/api/token/verify/", { token: session.access });
    expect(verified.statusCode).toBe(401);
    expect(verified.json()).toMatchObject({ code: "INVALID_TOKEN" });
    expect((await http.get("/api/profile/me/", session.access)).statusCode).toBe(401);
  });

  it("logout needs a bearer token, and cannot revoke another user's session", async () => {
    const alice = await login(await registerAndVerify());
    const bob = await login(await registerAndVerify());
    const http = httpClient(t.app);
    expect((await http.post("/api/auth/logout/", { refresh: alice.refresh })).statusCode).toBe(401);
    expect((await http.post("/api/auth/logout/", { refresh: alice.refresh }, bob.access)).statusCode).toBe(200);
    expect((await http.post("/api/token/refresh/", { refresh: alice.refresh })).statusCode).toBe(200);
  });

  it("token verify rejects tampered, expired, alg:none and foreign-key tokens", async () => {
    const { access } = await login(await registerAndVerify());
    const [header, payload, signature] = access.split(".") as [string, string, string];
    const json = (part: string) => JSON.parse(Buffer.from(part, "base64url").toString());
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const claims = json(payload);

    const tampered = `${header}.${encode({ ...claims, role: "admin" })}.${signature}`;
    const algNone = `${encode({ alg: "none", typ: "JWT" })}.${encode(claims)}.`;
    const foreign = await new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256" })
      .sign(new TextEncoder().encode("another-key-".repeat(4)));
    const sameKey = new TextEncoder().encode(t.deps.config.authSecret);
    const expired = await new SignJWT({ ...claims, iat: claims.iat - 3600, exp: claims.iat - 1800 })
      .setProtectedHeader({ alg: "HS256" })
      .sign(sameKey);

    const http = httpClient(t.app);
    expect((await http.post("/api/token/verify/", { token: access })).statusCode).toBe(200);
    for (const [name, token] of Object.entries({ tampered, algNone, foreign, expired })) {
      const res = await http.post("/api/token/verify/", { token });
      expect(res.statusCode, name).toBe(401);
      expect((await http.get("/api/profile/me/", token)).statusCode, name).toBe(401);
    }
  });
});

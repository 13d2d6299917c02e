import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpClient, newClientAddress, startTestApp, type TestApp } from "./support.ts";
import { createVerifiedUser, type TestUser } from "./users.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const login = (from: string, username: string, password: string) =>
  httpClient(t.app, from).post("/api/auth/login/", { username, password });

/** `count` wrong passwords for `user`, each from one of `addresses` in turn; every one must be a 401. */
async function failLogins(user: TestUser, addresses: string[], count: number) {
  for (let i = 0; i < count; i += addresses.length) {
    const batch = addresses.slice(0, Math.min(addresses.length, count - i));
    const statuses = await Promise.all(batch.map((from, j) => login(from, user.username, `wrong-${i + j}`)));
    expect(statuses.map((res) => res.statusCode)).toEqual(batch.map(() => 401));
  }
}

/** A 429 in the error shape, whose Retry-After is the seconds left of a window of `windowSeconds`. */
function expectLimited(res: LightMyRequestResponse, windowSeconds: number) {
  expect(res.statusCode, res.body).toBe(429);
  expect(res.json()).toMatchObject({ code: "RATE_LIMITED" });
  const retryAfter = Number(res.headers["retry-after"]);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
}

const addresses = (count: number) => Array.from({ length: count }, () => newClientAddress());

describe("failed logins", () => {
  it("wrong passwords from other addresses do not lock the owner out of their own address", async () => {
    const owner = await createVerifiedUser(t);
    await failLogins(owner, addresses(25), 25);
    expect((await login(newClientAddress(), owner.username, owner.password)).statusCode).toBe(200);
  });

  it("10 wrong passwords from one address → 429 there for that account (Retry-After), while the owner elsewhere logs in", async () => {
    const owner = await createVerifiedUser(t);
    const [guesser] = addresses(1) as [string];
    await failLogins(owner, [guesser], 10);
    expectLimited(await login(guesser, owner.username, owner.password), 15 * 60);
    expect((await login(newClientAddress(), owner.username, owner.password)).statusCode).toBe(200);
    // That address may still log in to other accounts.
    const other = await createVerifiedUser(t);
    expect((await login(guesser, other.username, other.password)).statusCode).toBe(200);
  });

  it("a username and its email are one account: alternating them does not double the guesses", async () => {
    const owner = await createVerifiedUser(t);
    const from = newClientAddress();
    for (let i = 0; i < 10; i++) {
      const name = i % 2 === 0 ? owner.username.toUpperCase() : owner.email.toUpperCase();
      expect((await login(from, name, `wrong-${i}`)).statusCode).toBe(401);
    }
    expectLimited(await login(from, owner.email, owner.password), 15 * 60);
    expectLimited(await login(from, owner.username, owner.password), 15 * 60);
  });

  it("only failures count: successful logins never add up to a 429", async () => {
    const owner = await createVerifiedUser(t);
    const from = newClientAddress();
    for (let i = 0; i < 12; i++) expect((await login(from, owner.username, owner.password)).statusCode).toBe(200);
    await failLogins(owner, [from], 9);
    expect((await login(from, owner.username, owner.password)).statusCode).toBe(200);
  });

  it("the account's ceiling: after 100 failures from anywhere in 15 minutes, even the owner waits", async () => {
    const owner = await createVerifiedUser(t);
    const guessers = addresses(10);
    await failLogins(owner, guessers, 99);
    expect((await login(newClientAddress(), owner.username, owner.password)).statusCode).toBe(200);
    await failLogins(owner, guessers.slice(9), 1);
    expectLimited(await login(newClientAddress(), owner.username, owner.password), 15 * 60);
  });

  it("parallel wrong passwords from one address cannot slip past the limit", async () => {
    const owner = await createVerifiedUser(t);
    const from = newClientAddress();
    const results = await Promise.all(Array.from({ length: 25 }, (_, i) => login(from, owner.username, `wrong-${i}`)));
    const statuses = results.map((res) => res.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
  });

  it("one address is limited across accounts too", async () => {
    const http = httpClient(t.app);
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++)
      statuses.push((await http.post("/api/auth/login/", { username: `ghost${i}`, password: "nope-nope-1" })).statusCode);
    expect(statuses.every((s) => s === 401)).toBe(true);
    expectLimited(await http.post("/api/auth/login/", { username: "ghost-next", password: "nope-nope-1" }), 5 * 60);
  });
});

describe("other limits", () => {
  it("password reset requests are limited per email, and the 429 says when to retry", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await httpClient(t.app).post("/api/auth/password-reset/", { email: "target@example.com" })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expectLimited(await httpClient(t.app).post("/api/auth/password-reset/", { email: "TARGET@example.com" }), 60 * 60);
  });
});

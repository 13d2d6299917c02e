import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createShopClient, TRPCClientError, type ShopClientError, type Tokens } from "@shop/client";
import { startTestApp, type TestApp } from "./support.ts";
import { createVerifiedUser } from "./users.ts";

let t: TestApp;
let url: string;
beforeAll(async () => {
  t = await startTestApp();
  url = await t.app.listen({ port: 0, host: "127.0.0.1" });
});
afterAll(() => t.close());

/** A client on the listening server whose tokens and HTTP requests the test can see. */
function observedClient() {
  const state: { tokens: Tokens | null; requests: string[]; told: (Tokens | null)[] } = { tokens: null, requests: [], told: [] };
  const shop = createShopClient({
    url,
    getTokens: () => state.tokens,
    onTokens: (tokens) => {
      state.tokens = tokens;
      state.told.push(tokens);
    },
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      state.requests.push(`${new URL(String(input)).pathname} ${response.status}`);
      return response;
    },
  });
  return { shop, state };
}

/** Lets the server's clock run past the 15-minute life of the access tokens issued so far. */
const expireAccessTokens = () => t.clock.advance(16 * 60_000);

describe("createShopClient against the real server", () => {
  it("logs in, keeps the tokens and makes protected calls", async () => {
    const user = await createVerifiedUser(t);
    const { shop, state } = observedClient();
    const login = await shop.auth.login.mutate({ username: user.username, password: user.password });
    expect(login.user).toMatchObject({ id: user.id, username: user.username, role: "customer" });
    expect(state.tokens).toEqual({ access: login.access, refresh: login.refresh });

    const me = await shop.profile.me.query();
    expect(me.email).toBe(user.email);
    expect(state.requests).toEqual(["/trpc/auth.login 200", "/trpc/profile.me 200"]);
  });

  it("refreshes an expired access token once, then retries the call", async () => {
    const user = await createVerifiedUser(t);
    const { shop, state } = observedClient();
    const login = await shop.auth.login.mutate({ username: user.username, password: user.password });
    expireAccessTokens();
    state.requests.length = 0;

    const me = await shop.profile.me.query();
    expect(me.username).toBe(user.username);
    expect(state.requests).toEqual(["/trpc/profile.me 401", "/trpc/auth.refreshToken 200", "/trpc/profile.me 200"]);
    expect(state.tokens?.access).not.toBe(login.access);
    expect(state.tokens?.refresh).toBe(login.refresh);
  });

  it("batches calls of one tick, and shares one refresh between them", async () => {
    const user = await createVerifiedUser(t);
    const { shop, state } = observedClient();
    await shop.auth.login.mutate({ username: user.username, password: user.password });
    expireAccessTokens();
    state.requests.length = 0;

    const [me, health] = await Promise.all([shop.profile.me.query(), shop.health.ready.query()]);
    expect(me.id).toBe(user.id);
    expect(health.status).toBe("ok");
    // One batched request: profile.me is refused (401) while health.ready answers; one refresh; one retry.
    expect(state.requests).toEqual(["/trpc/profile.me,health.ready 207", "/trpc/auth.refreshToken 200", "/trpc/profile.me 200"]);
  });

  it("gives up after one refresh when the session is gone, and forgets the tokens", async () => {
    const user = await createVerifiedUser(t);
    const { shop, state } = observedClient();
    await shop.auth.login.mutate({ username: user.username, password: user.password });
    await t.db.session.deleteMany({ where: { userId: user.id } }); // e.g. a role change or password reset
    state.requests.length = 0;

    const error = await shop.profile.me.query().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as ShopClientError).data).toMatchObject({ httpStatus: 401, code: "NOT_AUTHENTICATED" });
    expect(state.requests).toEqual(["/trpc/profile.me 401", "/trpc/auth.refreshToken 401"]);
    expect(state.tokens).toBeNull();
  });

  it("reports wrong credentials without trying to refresh", async () => {
    const user = await createVerifiedUser(t);
    const { shop, state } = observedClient();
    const error = await shop.auth.login
      .mutate({ username: user.username, password: "not-the-password" })
      .catch((e: unknown) => e);
    expect((error as ShopClientError).data).toMatchObject({ httpStatus: 401, code: "INVALID_CREDENTIALS" });
    expect(state.requests).toEqual(["/trpc/auth.login 401"]);
    expect(state.told).toEqual([]);
  });

  it("logs out: the refresh token is revoked and the client forgets it", async () => {
    const user = await createVerifiedUser(t);
    const shop = createShopClient({ url: `${url}/trpc/` }); // tokens in memory; the endpoint URL works too
    const login = await shop.auth.login.mutate({ username: user.username, password: user.password });
    await shop.auth.logout.mutate({ refresh: login.refresh });
    const error = await shop.profile.me.query().catch((e: unknown) => e);
    expect((error as ShopClientError).data?.httpStatus).toBe(401);
    const refresh = await shop.auth.refreshToken.mutate({ refresh: login.refresh }).catch((e: unknown) => e);
    expect((refresh as ShopClientError).data?.httpStatus).toBe(401);
  });
});

import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { createDb } from "@shop/db";
import { buildApp } from "../src/app.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leakIn } from "./fuzz/checks.ts";
import { eventually } from "@shop/testing";
import { capturingLogger, databaseRelay, databaseSaboteur, lockTables } from "./db-faults.ts";
import { address, createVariant } from "./orders-fixtures.ts";
import { httpClient, startTestApp, type TestApp } from "./support.ts";
import { createVerifiedUser, type TestUser } from "./users.ts";

let t: TestApp;
let saboteur: Awaited<ReturnType<typeof databaseSaboteur>>;
/** Logins rotate over a few accounts: each allows 10 attempts in 15 minutes. */
let users: TestUser[];
let logins = 0;
const nextUser = () => users[logins++ % users.length]!;
let token: string;
let orderId: number;
let productId: number;
const logged = capturingLogger();

beforeAll(async () => {
  t = await startTestApp({ httpLogger: logged.logger });
  saboteur = await databaseSaboteur(t.database.name);
  users = await Promise.all([1, 2, 3].map(() => createVerifiedUser(t)));
  token = (await users[0]!.login()).access;
  const variant = await createVariant(t);
  productId = variant.productId;
  const client = httpClient(t.app);
  await client.post("/api/cart/add/", { variant_id: variant.variantId }, token);
  orderId = (await client.post("/api/orders/create/", { shipping_address: address }, token)).json().id;
});
afterAll(async () => {
  await saboteur?.allowConnections();
  await saboteur?.close();
  await t?.close();
});

const credentials = ({ username, password }: TestUser) => ({ username, password });
const trpcInput = (input: unknown) => `input=${encodeURIComponent(JSON.stringify(input))}`;

/** The requests under test: login, an order read and catalog reads, over REST and /trpc. */
const probesOf = (app: FastifyInstance): Record<string, () => Promise<LightMyRequestResponse>> => ({
  "login (REST)": () => httpClient(app).post("/api/auth/login/", credentials(nextUser())),
  "login (/trpc)": () => httpClient(app).post("/trpc/auth.login", credentials(nextUser())),
  "order read (REST)": () => httpClient(app).get(`/api/orders/${orderId}/`, token),
  "order read (/trpc)": () => httpClient(app).get(`/trpc/orders.detail?${trpcInput({ id: orderId })}`, token),
  "product read (REST)": () => httpClient(app).get(`/api/products/${productId}/`),
  "product list (REST)": () => httpClient(app).get("/api/products/?page_size=5"),
  "product read (/trpc)": () => httpClient(app).get(`/trpc/products.get?${trpcInput({ id: productId })}`),
  "product list (/trpc)": () => httpClient(app).get(`/trpc/products.list?${trpcInput({ page_size: 5 })}`),
});

function expectUnavailable(res: LightMyRequestResponse, what: string) {
  expect(res.statusCode, `${what}: ${res.body}`).toBe(503);
  expect(Number(res.headers["retry-after"]), what).toBeGreaterThanOrEqual(1);
  const body = res.json();
  expect(body.error?.data?.code ?? body.code, what).toBe("SERVICE_UNAVAILABLE");
  expect(leakIn(res.body), what).toBeNull();
}

async function expectAllServed(when: string, app = t.app) {
  for (const [what, send] of Object.entries(probesOf(app))) {
    const res = await send();
    expect(res.statusCode, `${what} ${when}: ${res.body}`).toBe(200);
  }
}

/** No log line of the server shows SQL or Prisma's text, and the outage was logged. */
function expectCleanLogs() {
  const leaks = logged.lines.map((line) => leakIn(line, ["SQL", "Prisma text"])).filter(Boolean);
  expect(leaks).toEqual([]);
}

describe("the database refusing connections", () => {
  it("→ 503 SERVICE_UNAVAILABLE with Retry-After on every path, then served again without a restart", async () => {
    await expectAllServed("before the outage");
    await saboteur.refuseConnections();
    try {
      for (const [what, send] of Object.entries(probesOf(t.app))) expectUnavailable(await send(), what);
    } finally {
      await saboteur.allowConnections();
    }
    await expectAllServed("once the database accepts connections again");
    expect(logged.lines.some((line) => line.includes("database unavailable"))).toBe(true);
    expectCleanLogs();
  });
});

describe("backends terminated mid-request", () => {
  // Each request is held on a table lock inside the query named, then its backend is terminated.
  const held: [string, string[], string][] = [
    ["login (REST)", ["users"], "finding the account"],
    ["login (/trpc)", ["sessions"], "opening the session, after the password check"],
    ["order read (REST)", ["sessions"], "resolving the token's session (context creation)"],
    ["order read (/trpc)", ["sessions"], "resolving the token's session (context creation)"],
    ["order read (REST)", ["orders"], "reading the order"],
    ["order read (/trpc)", ["orders"], "reading the order"],
    ["product read (REST)", ["products"], "the catalog's SQL on the pg pool"],
    ["product list (REST)", ["products"], "the catalog's SQL on the pg pool"],
    ["product read (/trpc)", ["products"], "the catalog's SQL on the pg pool"],
    ["product list (/trpc)", ["products"], "the catalog's SQL on the pg pool"],
  ];
  for (const [what, tables, during] of held) {
    it(`${what}, terminated while ${during} → 503, and the next request succeeds`, async () => {
      const lock = await lockTables(t.database.url, tables);
      let response: Promise<LightMyRequestResponse>;
      try {
        response = probesOf(t.app)[what]!();
        await eventually(async () => (await saboteur.waitingOnLocks(lock.pid)) > 0, {
          what: `${what} to wait on ${tables}`,
          intervalMs: 20,
        });
        // Every backend but the lock holder's: the request's, and the pool's idle ones.
        await saboteur.terminateAll(lock.pid);
      } finally {
        await lock.release();
      }
      expectUnavailable(await response, what);
      const next = await probesOf(t.app)[what]!();
      expect(next.statusCode, `${what} after the fault: ${next.body}`).toBe(200);
    });
  }

  it("under load: backends terminated again and again while requests are in flight → only 200s and 503s", async () => {
    const sends = Object.values(probesOf(t.app)).filter((_, i) => i >= 2); // no logins: argon2 would dominate
    const responses: Promise<LightMyRequestResponse>[] = [];
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 12; i++) responses.push(sends[i % sends.length]!());
      await saboteur.terminateAll();
    }
    const statuses = (await Promise.all(responses)).map((res) => {
      if (res.statusCode === 503) expectUnavailable(res, "under load");
      return res.statusCode;
    });
    expect(statuses.filter((status) => status !== 200 && status !== 503)).toEqual([]);
    await expectAllServed("after the terminations");
    expectCleanLogs();
  });
});

describe("a pool pointed at a port with nothing listening", () => {
  it("→ 503 with Retry-After; served again once the port answers, without a restart", async () => {
    const url = new URL(t.database.url);
    const relay = await databaseRelay({ host: url.hostname, port: Number(url.port || 5432) });
    url.port = String(relay.port);
    const db = createDb(url.toString(), { max: 3 });
    const app = await buildApp({ deps: { ...t.deps, db } });
    try {
      // A catalog read first: the pg pool's idle client, opened before Prisma ever connected, is cut below.
      expect((await probesOf(app)["product read (REST)"]!()).statusCode).toBe(200);
      await relay.stop();
      for (const [what, send] of Object.entries(probesOf(app))) expectUnavailable(await send(), `${what}, port closed`);
      await relay.start();
      await expectAllServed("once the port answers again", app);
    } finally {
      await app.close();
      await db.$disconnect();
      await relay.stop();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@shop/api";
import { buildOpenApiDocument } from "../src/openapi.ts";
import { restOperations } from "../src/rest-operations.ts";
import { cases, createFixtures, type Call, type Fixtures } from "./parity-cases.ts";
import { newClientAddress, startTestApp, type TestApp } from "./support.ts";

/**
 * Operations of the document that no procedure serves over /trpc with a JSON input: routes of
 * their own (multipart, HTML, raw body) or of the host. The `cases` must cover every other one.
 */
const HAND_ROUTES: Record<string, string> = {
  "products-uploadImage": "multipart/form-data body",
  "payments-page": "HTML page",
  "payments-returnPage": "HTML page",
  "payments-cancelledPage": "HTML page",
  "payments-stripeWebhook": "raw body, signed by Stripe",
  "health-live": "answered by the host, no procedure",
  "orders-events": "Server-Sent Events stream (tRPC: the orders.onEvent subscription)",
  "seller-events": "Server-Sent Events stream (tRPC: the seller.onEvent subscription)",
};

interface DocumentOperation {
  operationId: string;
  method: string;
  path: string;
  successStatus: number;
}

const document = buildOpenApiDocument("http://shop.test");
const operations: DocumentOperation[] = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
  (["get", "post", "put", "patch", "delete"] as const).flatMap((method) => {
    const operation = item?.[method];
    if (!operation?.operationId) return [];
    const success = Object.keys(operation.responses ?? {}).find((status) => status.startsWith("2"));
    return [{ operationId: operation.operationId, method: method.toUpperCase(), path, successStatus: Number(success) }];
  }),
);
const procedureByRoute = new Map(restOperations().map((o) => [`${o.method} ${o.path}`, o.procedure]));
/** The procedure behind a REST operation; host routes that run one (GET /health/ready) follow the operationId's naming. */
const procedureOf = ({ method, path, operationId }: DocumentOperation) =>
  procedureByRoute.get(`${method} ${path}`) ?? operationId.replace("-", ".");
const procedureType = (procedure: string) =>
  (appRouter._def.procedures as unknown as Record<string, { _def: { type: "query" | "mutation" } }>)[procedure]!._def.type;

/** Ids, timestamps, tokens and per-fixture names differ between the two fixtures: compared by type only. */
const VOLATILE =
  /^(id|.+_id|.+_at|date_joined|access|refresh|token|username|email|sku|slug|name|number|.*url|client_secret|secret|comment)$/;
function normalise(value: unknown, key = ""): unknown {
  if (VOLATILE.test(key) && value !== null && typeof value !== "object") return `<${typeof value}>`;
  if (Array.isArray(value)) return value.map((item) => normalise(item));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v, k)]));
  return value;
}

const authorization = (token?: string) => (token ? { authorization: `Bearer ${token}` } : {});

async function overRest(t: TestApp, operation: DocumentOperation, { token, input = {} }: Call) {
  const rest: Record<string, unknown> = { ...input };
  const url = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = String(rest[name]);
    delete rest[name];
    return encodeURIComponent(value);
  });
  const inQuery = operation.method === "GET" || operation.method === "DELETE";
  const query = new URLSearchParams(Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, String(v)]))).toString();
  const res = await t.app.inject({
    method: operation.method as "GET",
    url: inQuery && query ? `${url}?${query}` : url,
    remoteAddress: newClientAddress(),
    headers: { ...authorization(token), ...(!inQuery && { "content-type": "application/json" }) },
    ...(!inQuery && { payload: JSON.stringify(rest) }),
  });
  return { status: res.statusCode, body: res.body ? res.json() : undefined };
}

async function overTrpc(t: TestApp, procedure: string, { token, input }: Call) {
  const isQuery = procedureType(procedure) === "query";
  const encoded = input === undefined ? "" : JSON.stringify(input);
  const res = await t.app.inject({
    method: isQuery ? "GET" : "POST",
    url: isQuery && encoded ? `/trpc/${procedure}?input=${encodeURIComponent(encoded)}` : `/trpc/${procedure}`,
    remoteAddress: newClientAddress(),
    headers: { ...authorization(token), ...(!isQuery && { "content-type": "application/json" }) },
    ...(!isQuery && encoded && { payload: encoded }),
  });
  return { status: res.statusCode, envelope: res.json() };
}

let t: TestApp;
let fixtures: Fixtures;
beforeAll(async () => {
  t = await startTestApp();
  fixtures = await createFixtures(t);
});
afterAll(() => t.close());

describe("every documented operation", () => {
  it("has a representative call here, or is a route of its own", () => {
    const uncovered = operations.map((o) => o.operationId).filter((id) => !(id in cases) && !(id in HAND_ROUTES));
    expect(uncovered).toEqual([]);
    // Every procedure with REST meta is in the document, with a case.
    const covered = new Set(operations.filter((o) => o.operationId in cases).map(procedureOf));
    const withRestMeta = restOperations().map((o) => o.procedure);
    expect(withRestMeta.filter((procedure) => !covered.has(procedure))).toEqual([]);
    const stale = Object.keys(cases).filter((id) => !operations.some((o) => o.operationId === id));
    expect(stale).toEqual([]);
  });

  const served = operations.filter((o) => o.operationId in cases);
  it.each(served.map((o) => [o.operationId, o] as const))(
    "%s answers the same over REST and tRPC",
    async (operationId, operation) => {
      const procedure = procedureOf(operation);
      const makeCall = cases[operationId]!;
      const restCall = await makeCall(fixtures);
      const rest = await overRest(t, operation, restCall);
      expect(rest.status, JSON.stringify(rest.body)).toBe(restCall.status ?? operation.successStatus);
      const trpc = await overTrpc(t, procedure, await makeCall(fixtures));
      if (rest.status < 300) {
        expect(trpc.status, JSON.stringify(trpc.envelope)).toBe(200);
        expect(normalise(trpc.envelope.result.data)).toEqual(normalise(rest.body));
      } else {
        const { httpStatus, path, ...data } = trpc.envelope.error.data;
        expect({ status: httpStatus, path }).toEqual({ status: rest.status, path: procedure });
        expect(trpc.status).toBe(rest.status);
        expect(data).toEqual(rest.body);
      }
    },
  );
});

import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

/** A form-encoded Stripe request body read into nested objects (`a[b][0][c]=1` → `{a: {b: {0: {c: "1"}}}}`). */
export type FormValue = string | { [key: string]: FormValue };

export interface StandInSession {
  id: string;
  object: "checkout.session";
  mode: string;
  status: "open" | "complete" | "expired";
  payment_status: "unpaid" | "paid";
  amount_total: number;
  currency: string;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  payment_intent: string | null;
  success_url: string;
  cancel_url: string;
  url: string;
  created: number;
}

export interface StandInRefund {
  id: string;
  object: "refund";
  amount: number;
  currency: string;
  payment_intent: string;
  metadata: Record<string, string>;
  status: "succeeded";
  created: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
  params: Record<string, FormValue>;
}

export interface StripeStandIn {
  /** Pass as STRIPE_API_URL (the SDK's host, port and protocol). */
  apiUrl: string;
  /** A test-mode secret key the stand-in accepts. */
  secretKey: string;
  /** A webhook signing secret to sign events with. */
  webhookSecret: string;
  sessions: Map<string, StandInSession>;
  refunds: StandInRefund[];
  /** Every API request, in order (replays included). */
  requests: RecordedRequest[];
  /** The buyer pays: the session completes with a new PaymentIntent, as Checkout does. */
  pay(sessionId: string): StandInSession;
  /** The next request is processed, then its connection dropped before any answer (a lost response). */
  dropNextResponse(): void;
  close(): Promise<void>;
}

function setPath(target: Record<string, FormValue>, key: string, value: string): void {
  const parts = key.replace(/\]/g, "").split("[");
  let node: Record<string, FormValue> = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    node = typeof next === "object" ? next : (node[part] = {});
  }
  node[parts.at(-1)!] = value;
}

export function parseForm(body: string): Record<string, FormValue> {
  const params: Record<string, FormValue> = {};
  for (const [key, value] of new URLSearchParams(body)) setPath(params, key, value);
  return params;
}

const str = (value: FormValue | undefined) => (typeof value === "string" ? value : undefined);
const obj = (value: FormValue | undefined): Record<string, FormValue> => (typeof value === "object" ? value : {});
const strings = (value: FormValue | undefined) =>
  Object.fromEntries(Object.entries(obj(value)).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
const newId = (prefix: string) => `${prefix}_test_${randomBytes(12).toString("hex")}`;

/** Stripe's error object (docs.stripe.com/api/errors). */
class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly param?: string,
    readonly code?: string,
  ) {
    super(message);
  }
  body() {
    return {
      error: {
        type: this.type,
        message: this.message,
        ...(this.param && { param: this.param }),
        ...(this.code && { code: this.code }),
      },
    };
  }
}
const missing = (param: string) =>
  new StripeApiError(400, "invalid_request_error", `Missing required param: ${param}.`, param, "parameter_missing");

/**
 * A local Stripe covering what the shop's adapter calls (docs.stripe.com/api): Checkout
 * Sessions create and retrieve, Refunds create, API keys, idempotency keys (same key + same
 * parameters → the stored answer with `Idempotent-Replayed: true`; other parameters → 400
 * `idempotency_error`) and the error object.
 */
export async function startStripeStandIn(): Promise<StripeStandIn> {
  const secretKey = `sk_test_${randomBytes(16).toString("hex")}`;
  const webhookSecret = `whsec_${randomBytes(24).toString("hex")}`;
  const sessions = new Map<string, StandInSession>();
  const intents = new Map<string, { amount: number; currency: string; refunded: boolean }>();
  const refunds: StandInRefund[] = [];
  const requests: RecordedRequest[] = [];
  const idempotent = new Map<string, { fingerprint: string; status: number; body: unknown }>();
  let dropNext = false;

  function handle(method: string, path: string, params: Record<string, FormValue>): { status: number; body: unknown } {
    if (method === "POST" && path === "/v1/checkout/sessions") {
      if (!str(params.mode)) throw missing("mode");
      if (!str(params.success_url)) throw missing("success_url");
      const line = obj(obj(params.line_items)["0"]);
      const price = obj(line.price_data);
      const amount = Number(str(price.unit_amount));
      const currency = str(price.currency);
      if (!Number.isInteger(amount) || amount < 1) throw missing("line_items[0][price_data][unit_amount]");
      if (!currency) throw missing("line_items[0][price_data][currency]");
      const id = newId("cs");
      const session: StandInSession = {
        id,
        object: "checkout.session",
        mode: str(params.mode)!,
        status: "open",
        payment_status: "unpaid",
        amount_total: amount * Number(str(line.quantity) ?? "1"),
        currency,
        client_reference_id: str(params.client_reference_id) ?? null,
        metadata: strings(params.metadata),
        payment_intent: null,
        success_url: str(params.success_url)!,
        cancel_url: str(params.cancel_url) ?? "",
        url: `https://checkout.stripe.com/c/pay/${id}`,
        created: Math.floor(Date.now() / 1000),
      };
      sessions.set(id, session);
      return { status: 200, body: session };
    }
    const retrieve = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
    if (method === "GET" && retrieve) {
      const session = sessions.get(decodeURIComponent(retrieve[1]!));
      if (!session)
        throw new StripeApiError(
          404,
          "invalid_request_error",
          `No such checkout.session: '${retrieve[1]}'`,
          "session",
          "resource_missing",
        );
      return { status: 200, body: session };
    }
    if (method === "POST" && path === "/v1/refunds") {
      const intentId = str(params.payment_intent);
      if (!intentId) throw missing("payment_intent");
      const intent = intents.get(intentId);
      if (!intent)
        throw new StripeApiError(
          404,
          "invalid_request_error",
          `No such payment_intent: '${intentId}'`,
          "payment_intent",
          "resource_missing",
        );
      if (intent.refunded) {
        throw new StripeApiError(
          400,
          "invalid_request_error",
          `Charge for ${intentId} has already been refunded.`,
          undefined,
          "charge_already_refunded",
        );
      }
      intent.refunded = true;
      const refund: StandInRefund = {
        id: newId("re"),
        object: "refund",
        amount: Number(str(params.amount) ?? intent.amount),
        currency: intent.currency,
        payment_intent: intentId,
        metadata: strings(params.metadata),
        status: "succeeded",
        created: Math.floor(Date.now() / 1000),
      };
      refunds.push(refund);
      return { status: 200, body: refund };
    }
    throw new StripeApiError(404, "invalid_request_error", `Unrecognized request URL (${method}: ${path}).`);
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://stand-in");
      const body = Buffer.concat(chunks).toString("utf8");
      const params = parseForm(req.method === "GET" ? url.search.slice(1) : body);
      const idempotencyKey = req.headers["idempotency-key"] as string | undefined;
      requests.push({ method: req.method ?? "GET", path: url.pathname, idempotencyKey, params });
      const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
        if (dropNext) {
          dropNext = false;
          req.socket.destroy();
          return;
        }
        res
          .writeHead(status, { "content-type": "application/json", "request-id": newId("req"), ...headers })
          .end(JSON.stringify(payload));
      };
      if (req.headers.authorization !== `Bearer ${secretKey}`) {
        return send(401, new StripeApiError(401, "invalid_request_error", "Invalid API Key provided.").body());
      }
      const fingerprint = `${req.method} ${url.pathname} ${body}`;
      const stored = idempotencyKey ? idempotent.get(idempotencyKey) : undefined;
      if (stored) {
        if (stored.fingerprint !== fingerprint) {
          const error = new StripeApiError(
            400,
            "idempotency_error",
            `Keys for idempotent requests can only be used with the same parameters they were first used with.`,
          );
          return send(400, error.body());
        }
        return send(stored.status, stored.body, { "idempotent-replayed": "true" });
      }
      let result: { status: number; body: unknown };
      try {
        result = handle(req.method ?? "GET", url.pathname, params);
      } catch (error) {
        if (!(error instanceof StripeApiError)) throw error;
        result = { status: error.status, body: error.body() };
      }
      // Stripe keeps the answer of a request that was processed (2xx and 4xx alike) under its key.
      if (idempotencyKey && req.method === "POST") idempotent.set(idempotencyKey, { fingerprint, ...result });
      send(result.status, result.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl,
    secretKey,
    webhookSecret,
    sessions,
    refunds,
    requests,
    pay(sessionId) {
      const session = sessions.get(sessionId);
      if (!session) throw new Error(`no session ${sessionId}`);
      const intent = newId("pi");
      intents.set(intent, { amount: session.amount_total, currency: session.currency, refunded: false });
      Object.assign(session, { status: "complete", payment_status: "paid", payment_intent: intent });
      return { ...session };
    },
    dropNextResponse() {
      dropNext = true;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** An event as Stripe delivers it (docs.stripe.com/api/events/object). */
export function stripeEvent(type: string, object: object, id = newId("evt")): string {
  return JSON.stringify({
    id,
    object: "event",
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    type,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object },
  });
}

/** The `Stripe-Signature` header Stripe would send for `payload`, signed with the SDK's own helper. */
export function signStripePayload(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
}

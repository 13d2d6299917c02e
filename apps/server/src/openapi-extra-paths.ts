type Ref = (status: number) => { $ref: string };

const imageFile = {
  type: "string",
  format: "binary",
  description: "JPEG, PNG, WebP or GIF (checked by content), 5 MB at most",
};

/** The multipart/form-data body PATCH /api/profile/me/ also takes. */
export const profileMultipartBody = {
  schema: {
    type: "object",
    properties: {
      profile_picture: imageFile,
      first_name: { type: "string", maxLength: 150 },
      last_name: { type: "string", maxLength: 150 },
      email: { type: "string", format: "email", maxLength: 254, description: "Asks for a new address (confirmed by a link)" },
      current_password: { type: "string", maxLength: 128, description: "Required with a new email" },
    },
  },
};

const errors = (ref: Ref, statuses: number[]) => Object.fromEntries(statuses.map((status) => [status, ref(status)]));

/** GET /api/orders/events/ and /api/seller/events/ (event-streams.ts). */
const eventStream = (operationId: string, summary: string, description: string, statuses: number[], ref: Ref) => ({
  get: {
    operationId,
    summary,
    description,
    tags: ["events"],
    security: [{ bearerAuth: [] }],
    parameters: [
      {
        name: "Last-Event-ID",
        in: "header",
        required: false,
        description: "Replay the events after this id first, then continue live.",
        schema: { type: "integer", minimum: 0 },
      },
    ],
    responses: {
      "200": {
        description:
          "`text/event-stream`: frames `id: <event id>`, `event: <type>`, `data: <the event as JSON>`; a comment line at " +
          "least every 15 s. The event is `{id, type, order_id, status, created_at}` (`type` one of `order.created`, " +
          "`order.paid`, `order.shipped`, `order.delivered`, `order.cancelled`, `order.refunded`).",
        content: { "text/event-stream": { schema: { type: "string" } } },
      },
      ...errors(ref, statuses),
    },
  },
});

/** Routes served beside the procedures' own (multipart, HTML, health, SSE): described here, by hand. */
export function extraPaths(ref: Ref): Record<string, Record<string, object>> {
  return {
    "/api/orders/events/": eventStream(
      "orders-events",
      "Live events of your orders (Server-Sent Events)",
      "Your own orders' events as they commit, on whichever API node you reach. The stream ends within 30 s of the " +
        "session being revoked (logout, password reset, role change). Also the tRPC subscription `orders.onEvent`.",
      [400, 401, 503],
      ref,
    ),
    "/api/seller/events/": eventStream(
      "seller-events",
      "Live events of orders holding your lines (sellers; Server-Sent Events)",
      "Like `/api/orders/events/`, for the orders that contain the seller's lines; each event also has `items`, the " +
        "seller's own lines of the order only. Also the tRPC subscription `seller.onEvent`.",
      [400, 401, 403, 503],
      ref,
    ),
    "/api/products/{product_pk}/upload-image/": {
      post: {
        operationId: "products-uploadImage",
        summary: "Add an image to your product",
        description: "The seller who owns the product. The image is checked by content. Needs a bearer access token.",
        tags: ["catalog"],
        security: [{ bearerAuth: [] }],
        parameters: [{ name: "product_pk", in: "path", required: true, schema: { type: "integer", minimum: 1 } }],
        requestBody: {
          required: true,
          content: {
            "multipart/form-data": {
              schema: {
                type: "object",
                required: ["image"],
                properties: { image: imageFile, alt_text: { type: "string", maxLength: 255 } },
              },
            },
          },
        },
        responses: {
          "201": {
            description: "The stored image.",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["id", "url", "alt_text"],
                  properties: { id: { type: "integer" }, url: { type: "string" }, alt_text: { type: "string" } },
                },
              },
            },
          },
          ...errors(ref, [400, 401, 403, 404, 409, 413, 414, 415, 429, 503]),
        },
      },
    },
    "/api/payments/{id}/pay/": {
      get: {
        operationId: "payments-page",
        summary: "The simulated gateway's payment page",
        description: "An HTML page with the amount and Pay / Fail links to the signed callback. Public.",
        tags: ["payments"],
        security: [],
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
        responses: {
          "200": { description: "The payment page.", content: { "text/html": { schema: { type: "string" } } } },
          ...errors(ref, [400, 404, 414, 503]),
        },
      },
    },
    "/api/payments/{id}/return/": returnPage(
      ref,
      "payments-returnPage",
      "Where the buyer lands after Stripe Checkout",
      "Stripe Checkout's `success_url`: an HTML page saying whether the payment is confirmed, still being confirmed (the webhook decides, not this page), or under review. Public.",
    ),
    "/api/payments/{id}/cancelled/": returnPage(
      ref,
      "payments-cancelledPage",
      "Where the buyer lands after leaving Stripe Checkout",
      "Stripe Checkout's `cancel_url`: an HTML page saying nothing was charged and the order can be paid again. Public.",
    ),
    "/api/payments/stripe/webhook/": {
      post: {
        operationId: "payments-stripeWebhook",
        summary: "Stripe events (signed)",
        description:
          "Register this URL in Stripe's dashboard. The raw body must carry a valid `Stripe-Signature` header " +
          "(`t=…,v1=…`: HMAC-SHA256 of `t.body` with STRIPE_WEBHOOK_SECRET, 300 s tolerance); otherwise 400 and nothing " +
          "changes. Handled: `checkout.session.completed`, `checkout.session.async_payment_succeeded`, " +
          "`checkout.session.async_payment_failed`, `checkout.session.expired`, `charge.refunded`; other types are " +
          "acknowledged and ignored. Each event id is applied once. 404 when PAYMENT_PROVIDER is not stripe. Public.",
        tags: ["payments"],
        security: [],
        parameters: [{ name: "Stripe-Signature", in: "header", required: true, schema: { type: "string" } }],
        requestBody: { required: true, content: { "application/json": { schema: { type: "object" } } } },
        responses: {
          "200": {
            description: "Received (applied, replayed or ignored).",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["received"],
                  properties: { received: { type: "boolean", enum: [true] } },
                },
              },
            },
          },
          ...errors(ref, [400, 404, 413, 414, 503]),
        },
      },
    },
    "/health/live": {
      get: {
        operationId: "health-live",
        summary: "Liveness",
        description: "200 while the process serves requests. Public.",
        tags: ["health"],
        security: [],
        responses: {
          "200": {
            description: "Alive.",
            content: {
              "application/json": {
                schema: { type: "object", required: ["status"], properties: { status: { type: "string", enum: ["ok"] } } },
              },
            },
          },
          ...errors(ref, [414]),
        },
      },
    },
    "/health/ready": {
      get: {
        operationId: "health-ready",
        summary: "Readiness of the API and each backing service",
        description:
          "200 while the database answers (`degraded` while Redis or Meilisearch is down: fallbacks serve); 503 without the database. Public.",
        tags: ["health"],
        security: [],
        responses: {
          "200": {
            description: "Ready (ok or degraded).",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Readiness" } } },
          },
          ...errors(ref, [414]),
          "503": {
            description: "The database is down.",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Readiness" } } },
          },
        },
      },
    },
  };
}

function returnPage(ref: Ref, operationId: string, summary: string, description: string) {
  return {
    get: {
      operationId,
      summary,
      description,
      tags: ["payments"],
      security: [],
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
      responses: {
        "200": { description: "The page.", content: { "text/html": { schema: { type: "string" } } } },
        ...errors(ref, [400, 404, 414, 503]),
      },
    },
  };
}

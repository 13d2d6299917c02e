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
          ...errors(ref, [400, 401, 403, 404, 409, 413, 415, 429, 503]),
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
          ...errors(ref, [400, 404, 503]),
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
          "503": {
            description: "The database is down.",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Readiness" } } },
          },
        },
      },
    },
  };
}

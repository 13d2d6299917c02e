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

/** Routes served beside the procedures' own (multipart, HTML, health): described here, by hand. */
export function extraPaths(ref: Ref): Record<string, Record<string, object>> {
  return {
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

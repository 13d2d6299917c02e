import { generateOpenApiDocument, type OpenAPIObject } from "trpc-to-openapi";
import { appRouter, errorBodySchema, type Meta } from "@shop/api";

export const API_PREFIX = "/api";

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: Meta } }>;

/** The REST success status a procedure declares in its meta (tRPC path, e.g. "catalog.create"). */
export function successStatusOf(path: string | undefined): number | undefined {
  return path ? procedures[path]?._def.meta?.successStatus : undefined;
}

type Operation = { responses?: Record<string, { content?: unknown }> };

/**
 * trpc-to-openapi's document, corrected to what the server really does: paths under /api
 * with API.md's trailing slash, declared success statuses, and one error body schema.
 */
export function buildOpenApiDocument(): OpenAPIObject {
  const doc = generateOpenApiDocument(appRouter, {
    title: "Shop Luxe API",
    description: "The REST face of the Shop Luxe tRPC router. Errors share one body: ErrorBody.",
    version: "1.0.0",
    baseUrl: "/",
    securitySchemes: { Authorization: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
    defs: { ErrorBody: errorBodySchema },
  });
  const errorContent = { "application/json": { schema: { $ref: "#/components/schemas/ErrorBody" } } };

  for (const { _def } of Object.values(procedures)) {
    const { openapi, successStatus } = _def.meta ?? {};
    if (!openapi || !successStatus || successStatus === 200) continue;
    const path = `/${openapi.path.replace(/^\/|\/$/g, "")}`;
    const operation = (doc.paths?.[path] as Record<string, Operation> | undefined)?.[openapi.method.toLowerCase()];
    const responses = operation?.responses;
    if (responses?.["200"]) {
      responses[String(successStatus)] = responses["200"];
      delete responses["200"];
    }
  }

  const paths: NonNullable<OpenAPIObject["paths"]> = {};
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const operation of Object.values(item as Record<string, Operation>)) {
      for (const [status, response] of Object.entries(operation?.responses ?? {})) {
        if (Number(status) >= 400) response.content = errorContent;
      }
    }
    paths[path === "/" ? `${API_PREFIX}/` : `${API_PREFIX}${path}/`] = item;
  }
  doc.paths = paths;
  addMultipartRoutes(doc);
  for (const key of Object.keys(doc.components?.schemas ?? {})) {
    if (key.startsWith("error.")) delete doc.components!.schemas![key];
  }
  return doc;
}

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorBody" } } },
});

const imageFile = { type: "string", format: "binary", description: "JPEG, PNG, WebP or GIF (checked by content), 5 MB at most" };

/** The plain Fastify routes that take multipart/form-data (trpc-to-openapi cannot). */
function addMultipartRoutes(doc: OpenAPIObject): void {
  const paths = doc.paths as Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
  const profilePatch = paths["/api/profile/me/"]?.patch;
  if (profilePatch?.requestBody) {
    profilePatch.requestBody.content["multipart/form-data"] = {
      schema: {
        type: "object",
        properties: {
          profile_picture: imageFile,
          first_name: { type: "string" },
          last_name: { type: "string" },
          email: { type: "string" },
        },
      },
    };
  }
  paths["/api/products/{product_pk}/upload-image/"] = {
    post: {
      operationId: "products-uploadImage",
      summary: "Add an image to your product (the owning seller)",
      tags: ["catalog"],
      security: [{ Authorization: [] }],
      parameters: [{ name: "product_pk", in: "path", required: true, schema: { type: "integer" } }],
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
          description: "The stored image",
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
        "400": errorResponse("Invalid input"),
        "401": errorResponse("Not authenticated"),
        "403": errorResponse("Not the product's seller"),
        "404": errorResponse("No such product"),
        "413": errorResponse("Image over 5 MB"),
        "415": errorResponse("Not an image"),
      },
    } as never,
  };
}

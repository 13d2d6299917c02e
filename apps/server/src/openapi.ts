import { generateOpenApiDocument, type OpenAPIObject } from "trpc-to-openapi";
import { appRouter, errorBodySchema, readinessOutput } from "@shop/api";
import { extraPaths, profileMultipartBody } from "./openapi-extra-paths.ts";
import { restOperations, type RestOperation } from "./rest-operations.ts";

const TAGS = [
  { name: "auth", description: "Registration, email verification, login, tokens and password reset." },
  { name: "profile", description: "Your own account." },
  { name: "catalog", description: "Categories, products with variants and images, and reviews." },
  { name: "search", description: "Typo-tolerant search over products and categories." },
  { name: "cart", description: "Your cart, priced at current prices." },
  { name: "orders", description: "Checkout and your orders." },
  { name: "payments", description: "Paying an order through the payment gateway." },
  { name: "fulfilment", description: "Sellers ship their order lines; staff confirm delivery." },
  { name: "moderation", description: "Staff publish and hide reviews." },
  { name: "seller", description: "Sales figures for sellers." },
  { name: "events", description: "Live order events as Server-Sent Events." },
  { name: "webhooks", description: "Staff subscribe integrators' endpoints to signed event deliveries." },
  { name: "health", description: "Liveness and readiness of the API." },
];

/** Reusable error responses, one per status, all with API.md's one error body. */
const ERROR_RESPONSES: Record<number, { name: string; description: string; retryAfter?: true }> = {
  400: { name: "BadRequest", description: "Invalid input: `fields` names each invalid field." },
  401: { name: "Unauthorized", description: "No bearer token, or an invalid or expired one." },
  403: { name: "Forbidden", description: "Authenticated, but not allowed to do this." },
  404: { name: "NotFound", description: "No such object (also for other users' private objects)." },
  409: { name: "Conflict", description: "Conflicts with the current state (duplicate, out of stock, illegal move)." },
  413: { name: "PayloadTooLarge", description: "The body (or the uploaded file) is too large." },
  414: { name: "UriTooLong", description: "The request URL is longer than 8192 characters." },
  415: { name: "UnsupportedMediaType", description: "The body's content type (or the uploaded file's type) is not accepted." },
  429: { name: "TooManyRequests", description: "Rate limited: wait `Retry-After` seconds.", retryAfter: true },
  503: {
    name: "ServiceUnavailable",
    description: "The database is unavailable: retry after `Retry-After` seconds.",
    retryAfter: true,
  },
};

const retryAfterHeader = {
  description: "Seconds to wait before trying again.",
  schema: { type: "integer", minimum: 1 },
};

function componentResponses(): Record<string, object> {
  return Object.fromEntries(
    Object.values(ERROR_RESPONSES).map(({ name, description, retryAfter }) => [
      name,
      {
        description,
        ...(retryAfter && { headers: { "Retry-After": retryAfterHeader } }),
        content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorBody" } } },
      },
    ]),
  );
}

export const errorResponseRef = (status: number) => ({ $ref: `#/components/responses/${ERROR_RESPONSES[status]!.name}` });

/** Operations that also take multipart/form-data (see uploads.ts). */
const MULTIPART_BODIES: Record<string, object> = { "profile.update": profileMultipartBody };

/** Every error status an operation can answer: what its kind implies, plus what its meta declares. */
export function errorStatusesOf(operation: RestOperation): number[] {
  const statuses = new Set<number>([414, 503, ...(operation.meta.errors ?? [])]);
  // Fastify reads a body sent with any method but GET: malformed (400), too large (413), or of a type it does not take (415).
  const readsBody = operation.method !== "GET";
  if (operation.takesInput || readsBody) statuses.add(400);
  if (!operation.isPublic) statuses.add(401);
  if (operation.meta.role) statuses.add(403);
  if (readsBody) {
    statuses.add(413);
    statuses.add(415);
  }
  return [...statuses].sort((a, b) => a - b);
}

type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  security?: unknown[];
  requestBody?: { content?: Record<string, { schema?: { properties?: object } }> };
  responses?: Record<string, unknown>;
};

function describe(operation: RestOperation, generated: Operation): string {
  const access = operation.isPublic ? "Public." : "Needs a bearer access token.";
  return [operation.meta.openapi?.description ?? `${generated.summary ?? ""}.`, access].join(" ").trim();
}

function finishOperation(operation: RestOperation, generated: Operation): void {
  const success = generated.responses?.["200"] as { content?: unknown } | undefined;
  generated.responses = {
    [operation.successStatus]:
      operation.successStatus === 204 ? { description: "Done; no content." } : { ...success, description: "Success." },
    ...Object.fromEntries(errorStatusesOf(operation).map((status) => [status, errorResponseRef(status)])),
  };
  generated.security = operation.isPublic ? [] : [{ bearerAuth: [] }];
  generated.description = describe(operation, generated);
  // Operations whose input is only path parameters take no body (API.md: POST with none, or `{}`).
  const schema = generated.requestBody?.content?.["application/json"]?.schema;
  if (schema && Object.keys(schema.properties ?? {}).length === 0) delete generated.requestBody;
  const multipart = MULTIPART_BODIES[operation.procedure];
  if (multipart && generated.requestBody?.content) generated.requestBody.content["multipart/form-data"] = multipart;
}

/**
 * The router's document (trpc-to-openapi), made exact: paths as API.md writes them, every status
 * each operation answers with the one error body, security per operation, tags with
 * descriptions, and the routes that are not procedures of their own (uploads, the payment page,
 * health) described beside them.
 */
export function buildOpenApiDocument(publicUrl: string): OpenAPIObject {
  const generated = generateOpenApiDocument(appRouter, {
    title: "Shop Luxe API",
    description:
      "A multi-seller shop: accounts, catalog, search, cart, checkout, payments and fulfilment. Every operation is " +
      "also a typed tRPC procedure at `/trpc`. Errors share one body, `ErrorBody`; money is a decimal string with " +
      'two places ("19.99"); lists are paginated with `page` and `page_size`.',
    version: "1.0.0",
    baseUrl: publicUrl,
    securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
    defs: { ErrorBody: errorBodySchema, Readiness: readinessOutput },
  });
  const operations = restOperations();
  const paths: Record<string, Record<string, Operation>> = {};
  for (const operation of operations) {
    const generatedPath = operation.path.replace(/^\/api/, "").replace(/\/$/, "") || "/";
    const item = (generated.paths as Record<string, Record<string, Operation>>)[generatedPath]!;
    const method = operation.method.toLowerCase();
    finishOperation(operation, item[method]!);
    (paths[operation.path] ??= {})[method] = item[method]!;
  }
  Object.assign(paths, extraPaths(errorResponseRef));
  const schemas = Object.fromEntries(
    Object.entries(generated.components?.schemas ?? {}).filter(([name]) => !name.startsWith("error.")),
  );
  return {
    ...generated,
    info: { ...generated.info, license: { name: "MIT", identifier: "MIT" }, contact: { name: "Shop Luxe" } },
    tags: TAGS,
    paths: paths as OpenAPIObject["paths"],
    components: { ...generated.components, schemas, responses: componentResponses() as never },
  };
}

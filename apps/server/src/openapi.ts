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
export function buildOpenApiDocument(extraPaths: NonNullable<OpenAPIObject["paths"]> = {}): OpenAPIObject {
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
  doc.paths = { ...paths, ...extraPaths };
  for (const key of Object.keys(doc.components?.schemas ?? {})) {
    if (key.startsWith("error.")) delete doc.components!.schemas![key];
  }
  return doc;
}

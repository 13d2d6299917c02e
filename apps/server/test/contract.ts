import type { FastifyInstance } from "fastify";
import { OpenAPIBackend, type Operation } from "openapi-backend";

/** Paths the document does not describe on purpose: the document itself and the docs page. */
const UNDOCUMENTED = /^\/api\/(openapi\.json|docs)(\/|$)/;
const DOCUMENTED = /^\/(api|health)\//;

/**
 * Checks every response of the app against its own OpenAPI document (openapi-backend, ajv): the
 * status must be declared for the operation and a JSON body must match the declared schema.
 * Violations are collected; the test app fails its file when any were seen (see support.ts).
 */
export async function watchContract(app: FastifyInstance, document: object): Promise<string[]> {
  const api = new OpenAPIBackend({
    definition: structuredClone(document) as never,
    quick: true,
    ignoreTrailingSlashes: false,
    ajvOpts: { strict: false },
  });
  await api.init();
  const violations: string[] = [];

  app.addHook("onSend", async (request, reply, payload) => {
    const path = request.url.split("?")[0]!;
    if (!DOCUMENTED.test(path) || UNDOCUMENTED.test(path)) return payload;
    // CORS preflights are the protocol's, answered by @fastify/cors; OpenAPI describes no OPTIONS.
    if (request.method === "OPTIONS") return payload;
    const status = reply.statusCode;
    // A 500 is never part of the contract; the tests that provoke one check it themselves.
    if (status === 500) return payload;
    const where = `${request.method} ${path} → ${status}`;
    // HEAD is GET without the body (Fastify answers it for every GET route).
    const method = request.method === "HEAD" ? "get" : request.method.toLowerCase();
    const withSlash = path.startsWith("/api/") && !path.endsWith("/") ? `${path}/` : path;
    let operation: Operation;
    try {
      operation = api.router.matchOperation({ method, path: withSlash, headers: {} }, true) as Operation;
    } catch {
      // No such path or method: the router's 404 and 405 are the only honest answers, besides
      // 414, which refuses an overlong URL before any routing.
      if (![404, 405, 414].includes(status)) violations.push(`${where}: no operation in the document`);
      return payload;
    }
    const declared = operation.responses?.[String(status)] as { content?: Record<string, unknown> } | undefined;
    if (!declared) {
      violations.push(`${where}: status not declared for ${operation.operationId}`);
      return payload;
    }
    const contentType = String(reply.getHeader("content-type") ?? "");
    if (status === 204) {
      if (payload || contentType) violations.push(`${where}: a 204 with a body or a content type`);
    } else if (contentType.startsWith("application/json") && declared.content?.["application/json"]) {
      const body = typeof payload === "string" ? JSON.parse(payload) : payload;
      const result = api.validator.validateResponse(body, operation.operationId!, status);
      if (result.errors?.length) violations.push(`${where}: body does not match the document: ${JSON.stringify(result.errors)}`);
    }
    return payload;
  });
  return violations;
}

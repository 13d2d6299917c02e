import type { FastifyInstance } from "fastify";
import { createCaller, createContext, productCacheKey, type Deps } from "@shop/api";
import { sendError } from "./http-errors.ts";

/**
 * The catalog's hottest reads, served by plain Fastify routes that call the same procedures
 * server-side. Input validation, errors and output are the procedures' own; what is skipped
 * is trpc-to-openapi's per-request translation into a Fetch Request (the largest cost in a
 * profile of cached product detail). The OpenAPI document still describes them.
 *
 * A product already in the cache is answered with the cached JSON as it is: the entry is
 * the procedure's own output, stored by it, so parsing and re-validating it would only
 * reproduce the same bytes.
 */
export function registerCatalogReadRoutes(app: FastifyInstance, deps: Deps): void {
  const callerFor = async (request: { headers: { authorization?: string }; ip: string }) =>
    createCaller(await createContext(deps, { authorization: request.headers.authorization, ip: request.ip }));

  app.get("/api/products/", async (request, reply) => {
    try {
      return await (await callerFor(request)).products.list(request.query as never);
    } catch (error) {
      return sendError(reply, error);
    }
  });

  app.get<{ Params: { id: string } }>("/api/products/:id/", async (request, reply) => {
    try {
      const id = Number(request.params.id);
      if (Number.isSafeInteger(id) && id > 0) {
        const cached = await deps.cache.get(await productCacheKey(deps, id));
        if (cached !== undefined && cached !== "null") return reply.type("application/json; charset=utf-8").send(cached);
      }
      return await (await callerFor(request)).products.get({ id: request.params.id as never });
    } catch (error) {
      return sendError(reply, error);
    }
  });
}

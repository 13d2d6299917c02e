import type { FastifyInstance } from "fastify";
import { cachedProductJson, createCaller, createContext, getProduct, type Deps } from "@shop/api";
import { sendError } from "./http-errors.ts";

const isId = (value: number) => Number.isSafeInteger(value) && value > 0 && value <= 2_147_483_647;

/**
 * The catalog's hottest reads as plain Fastify routes, the largest costs a profile showed
 * taken out, behaviour unchanged:
 * - both skip trpc-to-openapi's per-request translation into a Fetch Request by calling the
 *   procedure server-side (same input validation, errors and output);
 * - product detail with a valid id goes straight to the service the procedure calls: the
 *   cached JSON as it is (it is the procedure's own output), else the view PostgreSQL builds.
 *   What it skips is re-validating that output, which the catalog tests check against the
 *   procedure's schema instead. Any other id goes through the procedure for its 400.
 * The OpenAPI document still describes both.
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
      if (!isId(id)) return await (await callerFor(request)).products.get({ id: request.params.id as never });
      const cached = await cachedProductJson(deps, id);
      if (cached !== undefined) return reply.type("application/json; charset=utf-8").send(cached);
      return await getProduct(deps, id);
    } catch (error) {
      return sendError(reply, error);
    }
  });
}

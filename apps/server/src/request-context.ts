import type { FastifyRequest } from "fastify";
import { createContext, type Context, type Deps } from "@shop/api";

/** The request context of an HTTP request, REST or tRPC alike. */
export const contextOf = (deps: Deps, request: FastifyRequest): Promise<Context> =>
  createContext(deps, { authorization: request.headers.authorization, ip: request.ip });

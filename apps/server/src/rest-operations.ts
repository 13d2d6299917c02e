import { z } from "zod";
import { appRouter, type Meta } from "@shop/api";

export const API_PREFIX = "/api";

/** One REST operation of the router: a procedure with OpenAPI meta. */
export interface RestOperation {
  /** The tRPC path, e.g. "orders.cancel". */
  procedure: string;
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** As API.md writes it, e.g. "/api/orders/{id}/cancel/". */
  path: string;
  successStatus: 200 | 201 | 204;
  /** False for `z.void()` inputs: such calls pass no input at all. */
  takesInput: boolean;
  /** Public operations (no bearer token needed). */
  isPublic: boolean;
  meta: Meta;
}

interface ProcedureDef {
  _def: { meta?: Meta; inputs: unknown[] };
}

/** Every procedure with OpenAPI meta, from the router's own definitions. */
export function restOperations(): RestOperation[] {
  const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;
  return Object.entries(procedures).flatMap(([procedure, { _def }]) => {
    const openapi = _def.meta?.openapi;
    if (!openapi) return [];
    const input = _def.inputs[0];
    return {
      procedure,
      method: openapi.method,
      path: `${API_PREFIX}/${openapi.path.replace(/^\/|\/$/g, "")}/`.replace(/\/+$/, "/"),
      successStatus: _def.meta?.successStatus ?? 200,
      takesInput: input !== undefined && !(input instanceof z.ZodVoid),
      isPublic: openapi.protect === false,
      meta: _def.meta!,
    } satisfies RestOperation;
  });
}

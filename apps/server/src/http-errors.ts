import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { OpenAPIObject } from "trpc-to-openapi";
import { DomainError, errorBodyOf, internalErrorBody, toTRPCError, type ErrorBody } from "@shop/api";

/** Errors Fastify raises itself (bad JSON, body limit, content type) in API.md's shape. */
const codeByFastifyCode: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: "INVALID_JSON",
  FST_ERR_CTP_EMPTY_JSON_BODY: "INVALID_JSON",
  FST_ERR_CTP_BODY_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
};

const codeByStatus: Record<number, string> = {
  400: "BAD_REQUEST",
  401: "NOT_AUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  405: "METHOD_NOT_ALLOWED",
  409: "CONFLICT",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  429: "RATE_LIMITED",
};

export function httpErrorBody(error: { statusCode?: number; code?: string; message: string }): {
  status: number;
  body: ErrorBody;
} {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status === 500) return { status, body: internalErrorBody };
  const code = (error.code && codeByFastifyCode[error.code]) ?? codeByStatus[status] ?? "BAD_REQUEST";
  return { status, body: { detail: error.message, code } };
}

/**
 * For plain routes that call procedures or services: the same body and status the REST
 * adapter gives. Anything else is rethrown to the app's error handler.
 */
export function sendError(reply: FastifyReply, error: unknown): FastifyReply {
  const trpcError = error instanceof DomainError ? toTRPCError(error) : error;
  if (!(trpcError instanceof TRPCError)) throw error;
  const status = getHTTPStatusCodeFromError(trpcError);
  if (status >= 500) reply.log.error({ err: trpcError.cause ?? trpcError }, "procedure failed");
  return reply.code(status).send(errorBodyOf(trpcError));
}

export function notFoundBody(request: FastifyRequest): ErrorBody {
  return { detail: `No route for ${request.method} ${request.url.split("?")[0]}.`, code: "NOT_FOUND" };
}

/** trpc-to-openapi answers 404 for a known path with the wrong method; answer 405 with Allow. */
export function methodNotAllowedHook(document: OpenAPIObject) {
  const routes = Object.entries(document.paths ?? {}).map(([path, item]) => ({
    pattern: new RegExp(`^${path.replace(/\/$/, "").replace(/\{[^}]+\}/g, "[^/]+")}/?$`, "i"),
    methods: Object.keys(item as object).map((method) => method.toUpperCase()),
  }));
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split("?")[0]!;
    const matches = routes.filter((route) => route.pattern.test(path));
    if (matches.length === 0 || matches.some((route) => route.methods.includes(request.method))) return;
    const allow = [...new Set(matches.flatMap((route) => route.methods))].join(", ");
    return reply
      .code(405)
      .header("allow", allow)
      .send({ detail: `Method ${request.method} not allowed; use ${allow}.`, code: "METHOD_NOT_ALLOWED" } satisfies ErrorBody);
  };
}

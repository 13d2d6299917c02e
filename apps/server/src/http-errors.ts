import type { Socket } from "node:net";
import { STATUS_CODES } from "node:http";
import type { FastifyReply, FastifyRequest } from "fastify";
import { shapeError, type ErrorBody } from "@shop/api";
import { logServerError } from "./error-log.ts";

/** Every error of every route, in API.md's shape, through the API's one error shaper. */
export function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { status, body, retryAfter } = shapeError(error);
  logServerError(request.log, error, status);
  if (retryAfter !== undefined) reply.header("retry-after", String(retryAfter));
  return reply.code(status).send(body);
}

/** The paths of the document as patterns, with the methods each answers. */
export function routeTable(paths: Record<string, object>) {
  return Object.entries(paths).map(([path, item]) => ({
    pattern: new RegExp(`^${path.replace(/\/$/, "").replace(/\{[^}]+\}/g, "[^/]+")}/?$`, "i"),
    methods: Object.keys(item).map((method) => method.toUpperCase()),
  }));
}

/** No route: 405 with `Allow` when the path exists with other methods, otherwise 404. */
export function notFoundHandler(routes: ReturnType<typeof routeTable>) {
  return (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split("?")[0]!;
    const allow = [...new Set(routes.filter((route) => route.pattern.test(path)).flatMap((route) => route.methods))];
    if (allow.length > 0) {
      reply.header("allow", allow.join(", "));
      const detail = `Method ${request.method} not allowed; use ${allow.join(", ")}.`;
      return sendError({ statusCode: 405, message: detail }, request, reply);
    }
    return sendError({ statusCode: 404, message: `No route for ${request.method} ${path}.` }, request, reply);
  };
}

const statusByParserCode: Record<string, number> = {
  HPE_HEADER_OVERFLOW: 431,
  HPE_URI_TOO_LONG: 414,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (headers too large, a broken
 * request line) still get an answer in API.md's shape.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return void socket.destroy();
  const status = statusByParserCode[error.code ?? ""] ?? 400;
  const { body } = shapeError({ statusCode: status, message: STATUS_CODES[status] ?? "Bad request." });
  const json = JSON.stringify(body satisfies ErrorBody);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(json)}\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\n\r\n${json}`,
  );
}

import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { z } from "zod";
import { DomainError, type DomainErrorKind, type FieldErrors } from "./errors.ts";
import { isDatabaseUnavailable, isRecordGone } from "./shared/db-errors.ts";

/** The one error body of API.md, for REST bodies and for the `data` of /trpc errors. */
export const errorBodySchema = z
  .object({
    detail: z.string().describe("What went wrong, for people."),
    code: z.string().describe("What went wrong, for programs (e.g. VALIDATION_ERROR, OUT_OF_STOCK)."),
    fields: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .describe("Validation errors: the messages of each invalid field."),
  })
  .meta({ id: "ErrorBody" });
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** A status, API.md's body and, for 429 and 503, the seconds to wait. */
export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  retryAfter?: number;
}

const statusByDomainKind = {
  VALIDATION_ERROR: 400,
  NOT_AUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
} as const satisfies Record<DomainErrorKind, number>;

/** Machine codes for statuses whose error carries none of its own. */
const codeByStatus: Record<number, string> = {
  400: "BAD_REQUEST",
  401: "NOT_AUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  405: "METHOD_NOT_ALLOWED",
  409: "CONFLICT",
  413: "PAYLOAD_TOO_LARGE",
  414: "URI_TOO_LONG",
  415: "UNSUPPORTED_MEDIA_TYPE",
  429: "RATE_LIMITED",
  431: "HEADERS_TOO_LARGE",
};

/** Fastify's own errors (body parsing, limits) with API.md's codes. */
const codeByFastifyCode: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: "INVALID_JSON",
  FST_ERR_CTP_EMPTY_JSON_BODY: "INVALID_JSON",
  FST_ERR_CTP_BODY_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "BAD_REQUEST",
  FST_REQ_FILE_TOO_LARGE: "PAYLOAD_TOO_LARGE",
};

const INTERNAL: ErrorResponse = { status: 500, body: { detail: "Internal server error.", code: "INTERNAL_ERROR" } };
/** A row deleted by a concurrent request between a service's check and its write. */
const RECORD_GONE: ErrorResponse = { status: 404, body: { detail: "Not found.", code: "NOT_FOUND" } };
export const SERVICE_UNAVAILABLE: ErrorResponse = {
  status: 503,
  body: { detail: "The service is temporarily unavailable. Please try again shortly.", code: "SERVICE_UNAVAILABLE" },
  retryAfter: 5,
};

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "non_field_errors";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

function fromDomainError(error: DomainError): ErrorResponse {
  return {
    status: statusByDomainKind[error.kind],
    body: { detail: error.detail, code: error.code, ...(error.fields && { fields: error.fields }) },
    ...(error.retryAfter !== undefined && { retryAfter: error.retryAfter }),
  };
}

function fromTRPCError(error: TRPCError): ErrorResponse {
  const { cause } = error;
  if (cause instanceof DomainError) return fromDomainError(cause);
  // Input validation; a failing *output* parser is INTERNAL_SERVER_ERROR and stays hidden.
  if (error.code === "BAD_REQUEST" && cause instanceof z.ZodError) {
    return { status: 400, body: { detail: "Invalid input.", code: "VALIDATION_ERROR", fields: fieldErrorsOf(cause) } };
  }
  // /trpc with a malformed JSON body: BAD_REQUEST caused by JSON.parse's SyntaxError.
  if ((error.code === "BAD_REQUEST" || error.code === "PARSE_ERROR") && cause instanceof SyntaxError) {
    return { status: 400, body: { detail: "Request body is not valid JSON.", code: "INVALID_JSON" } };
  }
  if (error.code === "SERVICE_UNAVAILABLE" || isDatabaseUnavailable(cause)) return SERVICE_UNAVAILABLE;
  if (isRecordGone(cause)) return RECORD_GONE;
  const status = getHTTPStatusCodeFromError(error);
  if (status >= 500) return INTERNAL;
  return { status, body: { detail: error.message, code: codeByStatus[status] ?? error.code } };
}

/**
 * The one error shaper: anything thrown — a domain error, zod, tRPC, Fastify (body parsing,
 * 404, 405, 413, 414, 431), the multipart parser, a lost database — as the status and body of
 * API.md. Internal errors never show their message or stack.
 */
export function shapeError(error: unknown): ErrorResponse {
  if (error instanceof DomainError) return fromDomainError(error);
  if (error instanceof TRPCError) return fromTRPCError(error);
  if (error instanceof z.ZodError) {
    return { status: 400, body: { detail: "Invalid input.", code: "VALIDATION_ERROR", fields: fieldErrorsOf(error) } };
  }
  if (isDatabaseUnavailable(error)) return SERVICE_UNAVAILABLE;
  if (isRecordGone(error)) return RECORD_GONE;
  const { statusCode, code, message } = (error ?? {}) as { statusCode?: unknown; code?: unknown; message?: unknown };
  if (typeof statusCode === "number" && statusCode >= 400 && statusCode < 500) {
    const known = typeof code === "string" ? codeByFastifyCode[code] : undefined;
    return {
      status: statusCode,
      body: {
        detail: typeof message === "string" ? message : "Bad request.",
        code: known ?? codeByStatus[statusCode] ?? "BAD_REQUEST",
      },
    };
  }
  return INTERNAL;
}

const trpcCodeByStatus: Record<number, TRPC_ERROR_CODE_KEY> = {
  400: "BAD_REQUEST",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  409: "CONFLICT",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  429: "TOO_MANY_REQUESTS",
  503: "SERVICE_UNAVAILABLE",
};

/** A procedure's error as the TRPCError whose code carries the shaped status (for /trpc). */
export function toTRPCError(error: unknown): TRPCError {
  const { status, body } = shapeError(error);
  const code = trpcCodeByStatus[status] ?? "INTERNAL_SERVER_ERROR";
  if (error instanceof TRPCError && error.code === code) return error;
  const cause = error instanceof TRPCError ? (error.cause ?? error) : error;
  return new TRPCError({ code, message: body.detail, cause: cause instanceof Error ? cause : undefined });
}

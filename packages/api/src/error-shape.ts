import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { z } from "zod";
import { DomainError, type DomainErrorKind, type FieldErrors } from "./errors.ts";

/** The one error body of API.md, for REST bodies and for the `data` of /trpc errors. */
export const errorBodySchema = z.object({
  detail: z.string(),
  code: z.string(),
  fields: z.record(z.string(), z.array(z.string())).optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const internalErrorBody: ErrorBody = { detail: "Internal server error.", code: "INTERNAL_ERROR" };

const trpcCodeByDomainKind = {
  VALIDATION_ERROR: "BAD_REQUEST",
  NOT_AUTHENTICATED: "UNAUTHORIZED",
  PERMISSION_DENIED: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
} as const satisfies Record<DomainErrorKind, TRPC_ERROR_CODE_KEY>;

/** Machine codes for transport errors, named as the domain names them. */
const apiCodeByTrpcCode: Partial<Record<TRPC_ERROR_CODE_KEY, string>> = {
  BAD_REQUEST: "BAD_REQUEST",
  PARSE_ERROR: "INVALID_JSON",
  UNAUTHORIZED: "NOT_AUTHENTICATED",
  FORBIDDEN: "PERMISSION_DENIED",
  METHOD_NOT_SUPPORTED: "METHOD_NOT_ALLOWED",
  TOO_MANY_REQUESTS: "RATE_LIMITED",
};

export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: trpcCodeByDomainKind[error.kind], message: error.detail, cause: error });
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "non_field_errors";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** Any tRPC error as API.md's body; internal errors never show their message or stack. */
export function errorBodyOf(error: TRPCError): ErrorBody {
  const { cause } = error;
  if (cause instanceof DomainError) {
    return { detail: cause.detail, code: cause.code, ...(cause.fields && { fields: cause.fields }) };
  }
  // Input validation; a failing *output* parser is INTERNAL_SERVER_ERROR and stays hidden.
  if (error.code === "BAD_REQUEST" && cause instanceof z.ZodError) {
    return { detail: "Invalid input.", code: "VALIDATION_ERROR", fields: fieldErrorsOf(cause) };
  }
  // /trpc with a malformed JSON body: BAD_REQUEST caused by JSON.parse's SyntaxError.
  if ((error.code === "BAD_REQUEST" || error.code === "PARSE_ERROR") && cause instanceof SyntaxError) {
    return { detail: "Request body is not valid JSON.", code: "INVALID_JSON" };
  }
  if (error.code === "INTERNAL_SERVER_ERROR") return internalErrorBody;
  return { detail: error.message, code: apiCodeByTrpcCode[error.code] ?? error.code };
}

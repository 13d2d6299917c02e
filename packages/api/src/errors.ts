/**
 * Errors the domain raises. Services throw these; the tRPC layer maps them to transport
 * codes in one place (trpc.ts), and the HTTP layer renders them in API.md's error shape.
 */
export type DomainErrorCode =
  | "VALIDATION_ERROR"
  | "NOT_AUTHENTICATED"
  | "PERMISSION_DENIED"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "RATE_LIMITED";

export type FieldErrors = Record<string, string[]>;

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly detail: string,
    readonly fields?: FieldErrors,
  ) {
    super(detail);
    this.name = "DomainError";
  }
}

export const notFound = (what = "Not found.") => new DomainError("NOT_FOUND", what);
export const conflict = (detail: string, fields?: FieldErrors) => new DomainError("CONFLICT", detail, fields);
export const invalid = (detail: string, fields?: FieldErrors) => new DomainError("VALIDATION_ERROR", detail, fields);

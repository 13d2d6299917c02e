/**
 * Errors the domain raises. Services throw these; the tRPC layer maps their kind to a
 * transport code in one place (error-shape.ts), and the body shows `code` (the kind unless
 * a more precise machine code is given, e.g. EMAIL_NOT_VERIFIED).
 */
export type DomainErrorKind =
  | "VALIDATION_ERROR"
  | "NOT_AUTHENTICATED"
  | "PERMISSION_DENIED"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "RATE_LIMITED"
  | "SERVICE_UNAVAILABLE";

export type FieldErrors = Record<string, string[]>;

export interface DomainErrorOptions {
  fields?: FieldErrors;
  code?: string;
  /** Seconds a client should wait before trying again (429, 503). */
  retryAfter?: number;
}

export class DomainError extends Error {
  readonly fields?: FieldErrors;
  readonly code: string;
  readonly retryAfter?: number;

  constructor(
    readonly kind: DomainErrorKind,
    readonly detail: string,
    options: DomainErrorOptions = {},
  ) {
    super(detail);
    this.name = "DomainError";
    this.code = options.code ?? kind;
    if (options.fields) this.fields = options.fields;
    if (options.retryAfter !== undefined) this.retryAfter = options.retryAfter;
  }
}

export const invalid = (detail: string, options?: DomainErrorOptions) => new DomainError("VALIDATION_ERROR", detail, options);
export const notAuthenticated = (detail: string, code?: string) => new DomainError("NOT_AUTHENTICATED", detail, { code });
export const forbidden = (detail: string, code?: string) => new DomainError("PERMISSION_DENIED", detail, { code });
export const notFound = (detail = "Not found.") => new DomainError("NOT_FOUND", detail);
export const conflict = (detail: string, options?: DomainErrorOptions) => new DomainError("CONFLICT", detail, options);
export const rateLimited = (retryAfter: number) =>
  new DomainError("RATE_LIMITED", "Too many attempts. Please wait and try again later.", { retryAfter });

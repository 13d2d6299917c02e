/** What the API logs through (pino in the apps; a quiet stub in tests). A leaf: anything may import it. */
export interface Logger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
}

import fastifyCors from "@fastify/cors";
import fastifyHelmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

export interface SecurityOptions {
  publicUrl: string;
  /** Origins allowed to call the API from a browser; none: CORS stays closed. */
  corsOrigins: readonly string[];
}

/** The Content-Security-Policy of HTML pages, in helmet's camel-case names (the dashboard's page builds on it). */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  // The payment page and Swagger UI style elements inline; styles cannot run code.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", "data:"],
  fontSrc: ["'self'", "data:"],
} as const satisfies Record<string, readonly string[]>;

/**
 * API.md's security headers on every response (nosniff, no-referrer; a CSP and DENY framing
 * for HTML; HSTS only behind https) and a CORS policy closed to all but `corsOrigins`.
 * Registered before any other hook, so even a refused request (414, 404) carries them.
 */
export async function registerSecurityHeaders(app: FastifyInstance, { publicUrl, corsOrigins }: SecurityOptions): Promise<void> {
  const https = new URL(publicUrl).protocol === "https:";
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        ...CSP_DIRECTIVES,
        ...(https && { upgradeInsecureRequests: [] }),
      },
    },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "no-referrer" },
    strictTransportSecurity: https ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true } : false,
    // Images and JSON are meant to be fetched by other origins' pages (a shop front, a dashboard).
    crossOriginResourcePolicy: { policy: "cross-origin" },
  });
  // Closed by default: without CORS_ORIGINS no CORS header is ever sent, and OPTIONS is a 405 like any unknown method.
  if (corsOrigins.length === 0) return;
  await app.register(fastifyCors, {
    origin: [...corsOrigins],
    // A preflight the policy refuses gets no CORS headers (the browser blocks it), not a body in another shape.
    strictPreflight: false,
    methods: ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"],
    allowedHeaders: ["Authorization", "Content-Type", "Last-Event-ID", "X-Request-Id"],
    exposedHeaders: ["Retry-After", "X-Request-Id", "Location"],
    maxAge: 600,
  });
}

import type { IncomingMessage, ServerResponse } from "node:http";
import fastifyCors from "@fastify/cors";
import type { FastifyInstance } from "fastify";
import helmet, { type HelmetOptions } from "helmet";

export interface SecurityOptions {
  publicUrl: string;
  /** Origins allowed to call the API from a browser; none: CORS stays closed. */
  corsOrigins: readonly string[];
}

type Directives = Record<string, string[]>;

function cspDirectives(https: boolean): Directives {
  return {
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
    ...(https && { upgradeInsecureRequests: [] }),
  };
}

/**
 * Helmet's headers for these settings, computed once: none depends on the request, and
 * @fastify/helmet would rebuild Helmet on every request (a third of a cached read's time).
 */
function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = value),
    removeHeader: () => {},
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, () => {});
  return headers;
}

/** API.md's security headers: nosniff, no-referrer; a CSP and DENY framing for HTML; HSTS only behind https. */
export function securityHeaders(publicUrl: string, extra: { imgSrc?: string[] } = {}): Record<string, string> {
  const https = new URL(publicUrl).protocol === "https:";
  const directives = cspDirectives(https);
  directives.imgSrc = [...directives.imgSrc!, ...(extra.imgSrc ?? [])];
  return helmetHeaders({
    contentSecurityPolicy: { useDefaults: false, directives },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "no-referrer" },
    strictTransportSecurity: https ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true } : false,
    // Images and JSON are meant to be fetched by other origins' pages (a shop front, a dashboard).
    crossOriginResourcePolicy: { policy: "cross-origin" },
  });
}

/** What every response carries (API.md: nosniff, no-referrer, HSTS behind https; and CORP); the rest are for pages. */
const EVERY_RESPONSE = ["x-content-type-options", "referrer-policy", "strict-transport-security", "cross-origin-resource-policy"];

/**
 * The security headers (EVERY_RESPONSE on all; Helmet's page headers on everything but JSON)
 * and a CORS policy closed to all but `corsOrigins`. Registered before any other hook, so even
 * a refused request (414, 404) carries them. JSON answers, the API's hot path, skip the page
 * headers: a browser does not render JSON as a page, and each header costs every request its
 * validation.
 */
export async function registerSecurityHeaders(app: FastifyInstance, { publicUrl, corsOrigins }: SecurityOptions): Promise<void> {
  const headers = Object.entries(securityHeaders(publicUrl));
  const everyResponse = Object.fromEntries(headers.filter(([name]) => EVERY_RESPONSE.includes(name)));
  const pageOnly = headers.filter(([name]) => !EVERY_RESPONSE.includes(name));
  app.addHook("onRequest", (_request, reply, done) => {
    reply.headers(everyResponse);
    done();
  });
  app.addHook("onSend", (_request, reply, payload, done) => {
    if (!String(reply.getHeader("content-type")).startsWith("application/json")) {
      // A page that sets its own (the dashboard's CSP) keeps it.
      for (const [name, value] of pageOnly) if (!reply.hasHeader(name)) reply.header(name, value);
    }
    done(null, payload);
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

import { randomUUID } from "node:crypto";
import fastifyMultipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from "@trpc/server/adapters/fastify";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import { appRouter, checkReadiness, createContext, shapeError, type AppRouter, type Deps } from "@shop/api";
import { logServerError } from "./error-log.ts";
import { clientErrorHandler, notFoundHandler, routeTable, sendError } from "./http-errors.ts";
import { registerEventStreams } from "./event-streams.ts";
import { registerJsonParser } from "./json-body.ts";
import { registerDashboard } from "./dashboard.ts";
import { buildOpenApiDocument } from "./openapi.ts";
import { registerPaymentPage } from "./payment-page.ts";
import { contextOf } from "./request-context.ts";
import { restOperations } from "./rest-operations.ts";
import { registerPaymentReturnPages, registerStripeWebhook } from "./stripe-routes.ts";
import { registerSecurityHeaders } from "./security-headers.ts";
import { registerRestRoutes } from "./rest-routes.ts";
import { profileMultipart, registerUploadRoutes } from "./uploads.ts";

export interface AppOptions {
  deps: Deps;
  /** Served at /media/ when files are stored on local disk. */
  mediaDir?: string;
  /** The app's pino logger; none in tests unless given. */
  logger?: FastifyBaseLogger;
  bodyLimit?: number;
  /** CORS_ORIGINS: browser origins allowed to call the API. */
  corsOrigins?: readonly string[];
}

const hasEmptyParameter = (params: unknown) =>
  Object.entries(params as Record<string, string>).some(([name, value]) => name !== "*" && value === "");

/** Longer request targets are refused (414) before any routing or parsing. */
const MAX_URL_LENGTH = 8192;

export async function buildApp({
  deps,
  mediaDir,
  logger,
  bodyLimit = 1024 * 1024,
  corsOrigins = [],
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(logger ? { loggerInstance: logger } : { logger: false }),
    bodyLimit,
    requestIdHeader: "x-request-id",
    genReqId: () => randomUUID(),
    routerOptions: { maxParamLength: 500, ignoreTrailingSlash: true },
    clientErrorHandler,
    frameworkErrors: sendError, // a malformed or overlong path parameter, refused by the router itself
  });
  // Built first: a procedure without an output schema fails here, at start-up.
  const openApiDocument = buildOpenApiDocument(deps.config.publicUrl);
  await registerSecurityHeaders(app, { publicUrl: deps.config.publicUrl, corsOrigins });

  const notFound = notFoundHandler(routeTable(openApiDocument.paths as Record<string, object>));
  // A callback hook, not an async one: it runs on every request, cached hits included.
  app.addHook("onRequest", (request, reply, done) => {
    reply.header("x-request-id", request.id);
    if (request.url.length > MAX_URL_LENGTH)
      return done(Object.assign(new Error("The request URL is too long."), { statusCode: 414 }));
    // No route (an empty segment such as `/api/orders//` names none either): answered before
    // any body is read, so a broken body cannot change the answer.
    if (request.is404 || hasEmptyParameter(request.params)) return void notFound(request, reply);
    done();
  });
  app.setErrorHandler(sendError);
  app.setNotFoundHandler(notFound);
  registerJsonParser(app);
  await app.register(fastifyMultipart);

  app.get("/", (_request, reply) => reply.redirect("/api/docs/"));
  app.get("/health/live", async () => ({ status: "ok" }));
  app.get("/health/ready", async (request, reply) => {
    const readiness = await checkReadiness(await createContext(deps, { ip: request.ip, user: null }));
    return reply.code(readiness.status === "down" ? 503 : 200).send(readiness);
  });
  if (mediaDir) await app.register(fastifyStatic, { root: mediaDir, prefix: "/media/", decorateReply: false });

  await app.register(fastifyTRPCPlugin, {
    prefix: "/trpc",
    trpcOptions: {
      router: appRouter,
      createContext: ({ req }) => contextOf(deps, req),
      // The status and Retry-After the one error shaper gives (a lost database is 503, not 500).
      responseMeta({ errors }) {
        const shaped = errors.map((error) => shapeError(error));
        const worst = shaped.find((s) => s.retryAfter !== undefined) ?? shaped.find((s) => s.status >= 500);
        if (!worst) return {};
        return {
          status: worst.status,
          ...(worst.retryAfter !== undefined && { headers: { "retry-after": String(worst.retryAfter) } }),
        };
      },
      onError({ error, path }) {
        logServerError(app.log, error, shapeError(error).status, { path });
      },
    },
  } satisfies FastifyTRPCPluginOptions<AppRouter>);

  registerRestRoutes(app, deps, restOperations(), { "profile.update": profileMultipart });
  registerUploadRoutes(app, deps);
  registerPaymentPage(app, deps);
  registerEventStreams(app, deps);
  await registerDashboard(app, deps);
  registerPaymentReturnPages(app, deps);
  await registerStripeWebhook(app, deps);

  app.get("/api/openapi.json", async () => openApiDocument);
  await app.register(fastifySwagger, { mode: "static", specification: { document: openApiDocument as never } });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });
  return app;
}

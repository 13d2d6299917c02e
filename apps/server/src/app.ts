import { randomUUID } from "node:crypto";
import fastifySwagger from "@fastify/swagger";
import fastifyMultipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import fastifySwaggerUi from "@fastify/swagger-ui";
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from "@trpc/server/adapters/fastify";
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from "fastify";
import { fastifyTRPCOpenApiPlugin, type CreateOpenApiFastifyPluginOptions } from "trpc-to-openapi";
import { appRouter, checkReadiness, createContext, type AppRouter, type Deps, type ErrorBody } from "@shop/api";
import { registerCatalogReadRoutes } from "./catalog-read-routes.ts";
import { registerDashboard } from "./dashboard.ts";
import { httpErrorBody, methodNotAllowedHook, notFoundBody } from "./http-errors.ts";
import { registerPaymentRoutes } from "./payment-routes.ts";
import { registerProductImageRoute } from "./product-image-route.ts";
import { registerProfileRoute } from "./profile-route.ts";
import { API_PREFIX, buildOpenApiDocument, successStatusOf } from "./openapi.ts";

export interface AppOptions {
  deps: Deps;
  /** Served at /media/ when files are stored on local disk. */
  mediaDir?: string;
  /** The app's pino logger; none in tests unless given. */
  logger?: FastifyBaseLogger;
  bodyLimit?: number;
}

/** Meilisearch counts for readiness when configured; the PostgreSQL engine is the database check. */
function searchReadinessCheck(deps: Deps): Record<string, () => Promise<void>> {
  return deps.search.name.startsWith("meilisearch") ? { search: () => deps.search.ping() } : {};
}

export async function buildApp({ deps, mediaDir, logger, bodyLimit = 1024 * 1024 }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(logger ? { loggerInstance: logger } : { logger: false }),
    bodyLimit,
    requestIdHeader: "x-request-id",
    genReqId: () => randomUUID(),
    routerOptions: { maxParamLength: 500, ignoreTrailingSlash: true },
  });
  // Built first: a procedure without an output schema fails here, at start-up.
  const openApiDocument = buildOpenApiDocument();
  const createTrpcContext = ({ req }: { req: { headers: { authorization?: string }; ip: string } }) =>
    createContext(deps, { authorization: req.headers.authorization, ip: req.ip });

  // A callback hook, not an async one: it runs on every request, cached hits included.
  app.addHook("onRequest", (request, reply, done) => {
    reply.header("x-request-id", request.id);
    done();
  });
  app.setErrorHandler<FastifyError>((error, request, reply) => {
    const { status, body } = httpErrorBody(error);
    if (status >= 500) request.log.error({ err: error }, "unhandled error");
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send(notFoundBody(request)));

  app.get("/health/live", async () => ({ status: "ok" }));
  app.get("/health/ready", async (_request, reply) => {
    const readiness = await checkReadiness(deps, searchReadinessCheck(deps));
    return reply.code(readiness.status === "ok" ? 200 : 503).send(readiness);
  });

  await app.register(fastifyMultipart);
  if (mediaDir) await app.register(fastifyStatic, { root: mediaDir, prefix: "/media/", decorateReply: false });
  registerProfileRoute(app, deps);
  registerPaymentRoutes(app, deps);
  registerProductImageRoute(app, deps);
  registerCatalogReadRoutes(app, deps);
  await registerDashboard(app, deps);

  await app.register(fastifyTRPCPlugin, {
    prefix: "/trpc",
    trpcOptions: {
      router: appRouter,
      createContext: createTrpcContext,
      onError({ error, path }) {
        if (error.code === "INTERNAL_SERVER_ERROR") app.log.error({ err: error, path }, "trpc procedure failed");
      },
    },
  } satisfies FastifyTRPCPluginOptions<AppRouter>);

  app.get(`${API_PREFIX}/openapi.json`, async () => openApiDocument);
  await app.register(fastifySwagger, { mode: "static", specification: { document: openApiDocument as never } });
  await app.register(fastifySwaggerUi, { routePrefix: `${API_PREFIX}/docs` });

  // REST in its own scope, so these hooks touch only the OpenAPI routes.
  await app.register(async (rest) => {
    rest.addHook("onRequest", methodNotAllowedHook(openApiDocument));
    // trpc-to-openapi sends {...formatted shape, message, code, issues}; keep only API.md's body.
    rest.addHook("onSend", async (_request, reply, payload) => {
      if (reply.statusCode < 400 || typeof payload !== "string" || !payload.startsWith("{")) return payload;
      const parsed = JSON.parse(payload) as { data?: ErrorBody };
      if (typeof parsed.data?.detail !== "string") return payload;
      const { detail, code, fields } = parsed.data;
      return JSON.stringify({ detail, code, ...(fields && { fields }) } satisfies ErrorBody);
    });
    await rest.register(fastifyTRPCOpenApiPlugin, {
      basePath: API_PREFIX,
      router: appRouter,
      createContext: createTrpcContext,
      // The adapter overwrites a status set inside the procedure; the declared one is applied here.
      responseMeta({ paths, errors }) {
        const status = errors.length === 0 ? successStatusOf(paths?.[0]) : undefined;
        return status ? { status } : {};
      },
      onError({ error, path }) {
        if (error.code === "INTERNAL_SERVER_ERROR") app.log.error({ err: error, path }, "rest procedure failed");
      },
    } satisfies CreateOpenApiFastifyPluginOptions<AppRouter>);
  });

  return app;
}

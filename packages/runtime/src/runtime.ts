import { mkdirSync } from "node:fs";
import path from "node:path";

import {
  createRedisClient,
  installJobQueue,
  waitForRedis,
  localFileStore,
  meilisearchEngine,
  memoryRateLimiter,
  noCache,
  outboxMailer,
  postgresSearchEngine,
  redisCache,
  redisRateLimiter,
  smtpMailer,
  uploadThingFileStore,
  withFallback,
  createContext,
  type Context,
  type Deps,
  type Logger,
  systemClock,
} from "@shop/api";
import { createDb } from "@shop/db";
import { startEmbeddedPostgres, type EmbeddedPg } from "@shop/db/embedded";
import { applyMigrations } from "@shop/db/migrate";
import type { Env } from "./env.ts";
import { createPaymentGateway, paymentStartupWarnings } from "./payments.ts";
import { persistedSecret } from "./secrets.ts";

export interface Runtime {
  deps: Deps;
  databaseUrl: string;
  /** Local file storage, served at /media/; absent with UploadThing. */
  mediaDir?: string;
  /** A context for work the process does itself (start-up, seeding, reindexing): no user. */
  localContext(): Promise<Context>;
  /** Closes what the runtime opened: the pool, then the embedded database if it started one. */
  close(): Promise<void>;
}

/**
 * Builds the adapters every entry point shares (server, worker, admin CLI) from the
 * environment: the database (embedded when DATABASE_URL is absent), mail and secrets.
 */
export async function createRuntime(env: Env, logger: Logger): Promise<Runtime> {
  const dataDir = path.resolve(env.DATA_DIR);
  let embedded: EmbeddedPg | undefined;
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    logger.info({ dataDir }, "DATABASE_URL is not set: using the embedded PostgreSQL");
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), database: "shop" });
    databaseUrl = embedded.connectionString;
  }
  await applyMigrations(databaseUrl, { log: (message) => logger.info(message) });
  await installJobQueue(databaseUrl);

  const db = createDb(databaseUrl);
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  const mediaDir = env.UPLOADTHING_TOKEN ? undefined : path.join(dataDir, "media");
  if (mediaDir) mkdirSync(mediaDir, { recursive: true });
  const redis = env.REDIS_URL ? createRedisClient(env.REDIS_URL, logger) : undefined;
  if (redis && !(await waitForRedis(redis))) logger.warn("Redis is not reachable yet: serving from PostgreSQL until it is");
  for (const warning of paymentStartupWarnings(env)) logger.warn(warning);
  const config = {
    authSecret: env.AUTH_SECRET ?? persistedSecret(dataDir, "auth-secret"),
    publicUrl,
    paymentWebhookSecret: env.PAYMENT_WEBHOOK_SECRET ?? persistedSecret(dataDir, "payment-webhook-secret"),
    orderPaymentTimeoutMinutes: env.ORDER_PAYMENT_TIMEOUT_MINUTES,
    maxImagesPerProduct: env.MAX_IMAGES_PER_PRODUCT,
    reviewModeration: env.REVIEW_MODERATION,
    allowPrivateWebhookUrls: env.NODE_ENV !== "production" || env.WEBHOOK_ALLOW_PRIVATE,
  };
  const deps: Deps = {
    db,
    logger,
    config,
    payments: createPaymentGateway(env, config),
    mailer: env.SMTP_URL
      ? smtpMailer(env.SMTP_URL, env.EMAIL_FROM)
      : outboxMailer(path.join(dataDir, "outbox"), env.EMAIL_FROM, logger),
    files: mediaDir ? localFileStore(mediaDir, publicUrl) : uploadThingFileStore({ token: env.UPLOADTHING_TOKEN! }),
    rateLimiter: redis ? redisRateLimiter(redis, logger) : memoryRateLimiter(),
    cache: redis ? redisCache(redis, logger) : noCache,
    // PostgreSQL search always; Meilisearch in front of it when configured (fallback while it is down).
    search: env.MEILI_HOST
      ? withFallback(meilisearchEngine({ host: env.MEILI_HOST, apiKey: env.MEILI_MASTER_KEY }), postgresSearchEngine(db), logger)
      : postgresSearchEngine(db),
    clock: systemClock,
  };
  // Index settings are applied at start-up; unreachable now, they are applied by the first index job that gets through.
  await deps.search
    .setup()
    .catch((error: unknown) => logger.warn({ err: error }, "search engine setup failed: searches fall back to PostgreSQL"));
  return {
    deps,
    databaseUrl,
    ...(mediaDir && { mediaDir }),
    localContext: () => createContext(deps, { ip: "local", user: null }),
    async close() {
      redis?.disconnect();
      await db.$disconnect();
      await embedded?.stop();
    },
  };
}

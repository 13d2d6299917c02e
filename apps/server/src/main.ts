import pino from "pino";
import { createTaskList, ORDERS_CRONTAB, reindexIfEmpty, startLiveEvents, startWorker, type Worker } from "@shop/api";
import { buildApp } from "./app.ts";
import { listenOrExit } from "./listen.ts";
import { startBanner } from "./start-banner.ts";
import { createRuntime, loadEnvOrExit, onShutdownSignal, unlessDatabaseShutDown } from "@shop/runtime";
import { DEMO_PRODUCTS, isEmpty, seedCatalog } from "./seed/seed.ts";

const startedAt = performance.now();
const env = loadEnvOrExit();
const logger = pino({ level: env.LOG_LEVEL });
const runtime = await createRuntime(env, logger);
if (!env.DATABASE_URL && (await isEmpty(runtime.deps.db))) {
  logger.info("empty embedded database: loading the demo catalog (pnpm db:seed)");
  await seedCatalog(runtime.deps.db, { products: DEMO_PRODUCTS, log: (message) => logger.info(message) });
}
// Just seeded, or first start after the search migration: fill the search index (a failure is retried by the next start).
await reindexIfEmpty(await runtime.localContext(), { log: (message) => logger.info(`search index: ${message}`) }).catch(
  (error: unknown) => logger.warn({ err: error }, "search index not filled: run pnpm search:reindex"),
);

let worker: Worker | undefined;
if (env.WORKER_IN_PROCESS) {
  worker = await startWorker({
    connectionString: runtime.databaseUrl,
    taskList: createTaskList(runtime.deps),
    logger,
    crontab: ORDERS_CRONTAB,
  });
}
// This node's LISTEN connection: committed order events reach the streams of every node.
const liveEvents = await startLiveEvents({ connectionString: runtime.databaseUrl, logger });
const app = await buildApp({
  deps: { ...runtime.deps, liveEvents },
  mediaDir: runtime.mediaDir,
  logger,
  corsOrigins: env.CORS_ORIGINS,
});
await listenOrExit(app, env.HOST, env.PORT, async () => {
  await liveEvents.close();
  await worker?.stop();
  await runtime.close();
});
onShutdownSignal(logger, async () => {
  await app.close(); // lets in-flight requests finish (event streams are ended first)
  await liveEvents.close();
  await worker?.stop().catch(unlessDatabaseShutDown);
  await runtime.close();
});
logger.info({ url: runtime.deps.config.publicUrl, readyInMs: Math.round(performance.now() - startedAt) }, "Shop Luxe API ready");
console.error(startBanner(env, runtime.deps.config.publicUrl));

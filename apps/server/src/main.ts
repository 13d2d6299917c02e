import pino from "pino";
import { createTaskList, ORDERS_CRONTAB, reindexIfEmpty, startWorker, type Worker } from "@shop/api";
import { buildApp } from "./app.ts";
import { createRuntime, loadEnvOrExit, onShutdownSignal } from "@shop/runtime";
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
const app = await buildApp({ deps: runtime.deps, mediaDir: runtime.mediaDir, logger, corsOrigins: env.CORS_ORIGINS });
await app.listen({ port: env.PORT, host: env.HOST });
logger.info({ url: runtime.deps.config.publicUrl, readyInMs: Math.round(performance.now() - startedAt) }, "Shop Luxe API ready");

onShutdownSignal(logger, async () => {
  await app.close(); // lets in-flight requests finish
  await worker?.stop();
  await runtime.close();
});

import pino from "pino";
import { createTaskList, startWorker, type Worker } from "@shop/api";
import { buildApp } from "./app.ts";
import { loadEnvOrExit } from "./env.ts";
import { createRuntime } from "./runtime.ts";
import { onShutdownSignal } from "./shutdown.ts";

const startedAt = performance.now();
const env = loadEnvOrExit();
const logger = pino({ level: env.LOG_LEVEL });
const runtime = await createRuntime(env, logger);

let worker: Worker | undefined;
if (env.WORKER_IN_PROCESS) {
  worker = await startWorker({ connectionString: runtime.databaseUrl, taskList: createTaskList(runtime.deps), logger });
}
const app = await buildApp({ deps: runtime.deps, mediaDir: runtime.mediaDir, logger });
await app.listen({ port: env.PORT, host: env.HOST });
logger.info({ url: runtime.deps.config.publicUrl, readyInMs: Math.round(performance.now() - startedAt) }, "Shop Luxe API ready");

onShutdownSignal(logger, async () => {
  await app.close(); // lets in-flight requests finish
  await worker?.stop();
  await runtime.close();
});

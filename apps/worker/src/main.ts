import pino from "pino";
import { createTaskList, ORDERS_CRONTAB, startWorker } from "@shop/api";
import { createRuntime, loadEnvOrExit, onShutdownSignal } from "@shop/runtime";

// The background worker alone, for when the server runs with WORKER_IN_PROCESS=false.
const env = loadEnvOrExit();
const logger = pino({ level: env.LOG_LEVEL });
const runtime = await createRuntime(env, logger);
const worker = await startWorker({
  connectionString: runtime.databaseUrl,
  taskList: createTaskList(runtime.deps),
  logger,
  crontab: ORDERS_CRONTAB,
});
logger.info("Shop Luxe worker running");

onShutdownSignal(logger, async () => {
  await worker.stop();
  await runtime.close();
});

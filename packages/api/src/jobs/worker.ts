import { EventEmitter } from "node:events";
import pg from "pg";
import { Logger as WorkerLogger, run, runMigrations, type Runner, type TaskList, type WorkerEvents } from "graphile-worker";
import type { Logger } from "../context.ts";
import { startLiveness, type Liveness, type LivenessOptions } from "./liveness.ts";

export interface WorkerOptions {
  connectionString: string;
  taskList: TaskList;
  logger: Logger;
  concurrency?: number;
  /** Only delays future and retried jobs; new jobs arrive through LISTEN/NOTIFY. */
  pollInterval?: number;
  crontab?: string;
  /** Heartbeat and crash sweep intervals (tests shorten them). */
  liveness?: LivenessOptions;
}

export interface Worker {
  runner: Runner;
  liveness: Liveness;
  /** Waits for running jobs (graphile-worker aborts them after 5 s), then closes the pool. */
  stop(): Promise<void>;
}

/**
 * Runs graphile-worker on a pool of our own: given only a connection string it ends its
 * pool without waiting, and a database stopped right after would crash the process.
 */
export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const concurrency = options.concurrency ?? 4;
  // Beyond one connection per job: LISTEN, cron, completion batches, heartbeat and sweep.
  const pool = new pg.Pool({ connectionString: options.connectionString, max: concurrency + 5 });
  const onError = (error: Error) => options.logger.warn({ err: error }, "worker database connection error");
  pool.on("error", onError);
  pool.on("connect", (client) => client.on("error", onError));
  const logger = new WorkerLogger(() => (level, message, meta) => {
    if (level === "error") options.logger.error({ ...meta }, message);
    else if (level === "warning") options.logger.warn({ ...meta }, message);
    else if (level === "info") options.logger.info({ ...meta }, message);
  });
  await runMigrations({ pgPool: pool, logger });
  const events: WorkerEvents = new EventEmitter();
  const liveness = startLiveness(pool, events, options.logger, options.liveness);
  // Jobs a crashed process left locked are free before this worker looks for work.
  await liveness.sweep().catch((error: unknown) => options.logger.warn({ err: error }, "worker sweep failed"));
  const runner = await run({
    pgPool: pool,
    logger,
    events,
    taskList: options.taskList,
    concurrency,
    pollInterval: options.pollInterval ?? 2000,
    // Without a crontab, graphile-worker would look for a ./crontab file.
    ...(options.crontab ? { crontab: options.crontab } : { parsedCronItems: [] }),
    noHandleSignals: true,
  }).catch(async (error: unknown) => {
    await liveness.stop();
    await pool.end();
    throw error;
  });
  return {
    runner,
    liveness,
    async stop() {
      await runner.stop();
      await liveness.stop();
      await pool.end();
    },
  };
}

import type { Logger } from "@shop/api";

/** On SIGTERM or SIGINT, runs `stop` once and exits 0 (1 if stopping failed). */
export function onShutdownSignal(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    try {
      await stop();
      logger.info("stopped");
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, "shutdown failed");
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

/**
 * For a step of `stop`: Ctrl+C signals the whole process group, the embedded PostgreSQL too, so it may
 * already be closing connections (57P01 admin_shutdown) while we stop; that is the stop we asked for.
 */
export function unlessDatabaseShutDown(error: unknown): void {
  if ((error as { code?: string } | null)?.code !== "57P01") throw error;
}

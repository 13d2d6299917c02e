import pg from "pg";
import { Logger, runMigrations } from "graphile-worker";

/**
 * Installs graphile-worker's schema (idempotent). Every entry point does it at start: a server
 * running without a worker, or the admin CLI, may enqueue jobs before any worker has run.
 */
export async function installJobQueue(connectionString: string): Promise<void> {
  const pool = new pg.Pool({ connectionString, max: 1 });
  // Errors surface through the queries; graphile-worker wants the handlers on pool and clients.
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  try {
    await runMigrations({ pgPool: pool, logger: new Logger(() => () => {}) });
  } finally {
    await pool.end();
  }
}

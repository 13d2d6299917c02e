import pg from "pg";
import { Logger, runMigrations } from "graphile-worker";

/**
 * Onboarding enqueues a welcome email, which needs graphile-worker's schema. The server's
 * worker installs it at start; the CLI may run against a database no worker has seen yet.
 */
export async function ensureJobQueue(connectionString: string): Promise<void> {
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

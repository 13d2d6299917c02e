import { connect } from "node:net";
import path from "node:path";
import { startEmbeddedPostgres } from "@shop/db/embedded";
import { ensureTemplateDatabase } from "./database.ts";

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 1000 }, () => {
      socket.end();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
    socket.on("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/**
 * Tests run on the machine's PostgreSQL (or TEST_DATABASE_URL). On a machine without one,
 * an embedded PostgreSQL is started for the run, so `pnpm test` needs only Node and npm.
 * Test workers inherit TEST_DATABASE_URL, set here before they start.
 */
export default async function setup(): Promise<(() => Promise<void>) | void> {
  let stop: (() => Promise<void>) | undefined;
  if (!process.env.TEST_DATABASE_URL && !(await reachable("127.0.0.1", 5432))) {
    const dataDir = path.resolve(import.meta.dirname, "../../../.data/test-pg");
    console.log(`No PostgreSQL on 127.0.0.1:5432: starting an embedded one in ${dataDir}`);
    const embedded = await startEmbeddedPostgres({ dataDir, database: "postgres" });
    process.env.TEST_DATABASE_URL = embedded.connectionString;
    stop = embedded.stop;
  }
  await ensureTemplateDatabase();
  return stop;
}

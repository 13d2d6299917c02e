import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createCaller, createContext, createTaskList, shapeError, startWorker, type Logger, type Worker } from "@shop/api";
import { createRuntime, parseEnv, type Runtime } from "@shop/runtime";
import { createTestDatabase, createVerifiedUser, type TestDatabase } from "@shop/testing";
import { startSmtpServer, type TestSmtpServer } from "@shop/testing/smtp";

const quiet: Logger = { info() {}, warn() {}, error() {} };

/** A test database, the runtime the CLI builds on it (email to a test SMTP server) and a worker. */
export interface CliTestBed {
  env: Record<string, string>;
  runtime: Runtime;
  smtp: TestSmtpServer;
  /** The API's procedures as a caller with this access token (or anonymous), through the same context as HTTP. */
  api(access?: string): Promise<ReturnType<typeof createCaller>>;
  close(): Promise<void>;
}

export async function startCliTestBed(): Promise<CliTestBed> {
  const database: TestDatabase = await createTestDatabase();
  const smtp = await startSmtpServer();
  const dataDir = await mkdtemp(path.join(tmpdir(), "shop-admin-cli-"));
  const env = {
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    SMTP_URL: smtp.url,
    AUTH_SECRET: "admin-cli-test-secret-at-least-32-chars",
    NODE_ENV: "test",
  };
  const runtime = await createRuntime(parseEnv(env), quiet);
  const worker: Worker = await startWorker({
    connectionString: database.url,
    taskList: createTaskList(runtime.deps),
    logger: quiet,
    pollInterval: 100,
  });
  return {
    env,
    runtime,
    smtp,
    api: async (access) =>
      createCaller(await createContext(runtime.deps, { ip: "test", authorization: access && `Bearer ${access}` })),
    async close() {
      await worker.stop();
      await runtime.close();
      await smtp.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The HTTP status a call answers (through the API's one error shaper), 200 when it succeeds. */
export const statusOf = (call: Promise<unknown>): Promise<number> =>
  call.then(
    () => 200,
    (error: unknown) => shapeError(error).status,
  );

/** A verified customer written straight to the database (registration has its own tests). */
export async function createCustomer(bed: CliTestBed) {
  const user = await createVerifiedUser(bed.runtime.deps.db);
  return { ...user, login: async () => (await bed.api()).auth.login({ username: user.username, password: user.password }) };
}

import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyBaseLogger, FastifyInstance, InjectOptions } from "fastify";
import type { Redis } from "ioredis";
import {
  createContext,
  createTaskList,
  localFileStore,
  memoryRateLimiter,
  noCache,
  outboxMailer,
  postgresSearchEngine,
  redisCache,
  simulatedGateway,
  smtpMailer,
  startLiveEvents,
  startWorker,
  type ApiConfig,
  type AuthUser,
  type Context,
  type Deps,
  type LiveEventsOptions,
  type Logger,
  type Worker,
} from "@shop/api";
import { createDb, type PrismaClient } from "@shop/db";
import { createTestDatabase, testClock, type TestClock, type TestDatabase } from "@shop/testing";
import { startSmtpServer, type TestSmtpServer } from "@shop/testing/smtp";
import { buildApp } from "../src/app.ts";
import { buildOpenApiDocument } from "../src/openapi.ts";
import { watchContract } from "./contract.ts";

export const quietLogger: Logger = { info() {}, warn() {}, error() {} };

export interface TestApp {
  app: FastifyInstance;
  db: PrismaClient;
  deps: Deps;
  database: TestDatabase;
  dataDir: string;
  /** The API's clock: `t.clock.advance(ms)` lets time pass for token, session and link expiries. */
  clock: TestClock;
  /** The request context of a call by `user` (none: anonymous), as the server builds it. */
  context(user?: AuthUser | null): Promise<Context>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Deliver email over SMTP to this URL (a test SMTP server); otherwise to an outbox folder. */
  smtpUrl?: string;
  /** Run the job worker in-process, as `pnpm start` does. */
  worker?: boolean;
  bodyLimit?: number;
  /** Cache in this Redis client (the machine's Redis in tests that need one). */
  redis?: Redis;
  onQuery?: (sql: string) => void;
  logger?: Logger;
  /** The server's own request logger (pino); none unless given. */
  httpLogger?: FastifyBaseLogger;
  /** The search engine over the test database (default: the PostgreSQL engine). */
  search?: (db: PrismaClient, logger: Logger) => Deps["search"];
  /**
   * Responses that break the OpenAPI document fail the file when it closes, unless this takes
   * them (the fuzz test, whose requests are off the document on purpose, reports them instead).
   */
  onContractViolations?: (violations: string[]) => void;
  /** Benchmarks measure the server alone: no response is held against the document. */
  contract?: false;
  /** Settings of the node's live events (its LISTEN connection). */
  live?: Partial<LiveEventsOptions>;
  /** The payment gateway (default: the simulated one), built from the test config. */
  payments?: (config: Deps["config"]) => Deps["payments"];
  /** Default http://shop.test. */
  publicUrl?: string;
  corsOrigins?: string[];
  /** Settings that differ from the test defaults. */
  config?: Partial<ApiConfig>;
  reviewModeration?: "post" | "pre";
}

/** The real server (and optionally its worker) on a fresh database of its own. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const dataDir = await mkdtemp(path.join(tmpdir(), "shop-test-"));
  await chmod(dataDir, 0o755);
  const publicUrl = options.publicUrl ?? "http://shop.test";
  const db = createDb(database.url, { max: 5, ...(options.onQuery && { onQuery: options.onQuery }) });
  const from = "Shop Luxe <test@shop.local>";
  const logger = options.logger ?? quietLogger;
  const config: ApiConfig = {
    authSecret: "test-secret-that-is-at-least-32-characters",
    publicUrl,
    paymentWebhookSecret: "test-payment-secret-at-least-32-characters",
    orderPaymentTimeoutMinutes: 30,
    maxImagesPerProduct: 20,
    reviewModeration: options.reviewModeration ?? "post",
    ...options.config,
  };
  const clock = testClock();
  const deps: Deps = {
    db,
    logger,
    mailer: options.smtpUrl ? smtpMailer(options.smtpUrl, from) : outboxMailer(path.join(dataDir, "outbox"), from, quietLogger),
    files: localFileStore(path.join(dataDir, "media"), publicUrl),
    rateLimiter: memoryRateLimiter(),
    cache: options.redis ? redisCache(options.redis, logger) : noCache,
    search: options.search ? options.search(db, logger) : postgresSearchEngine(db),
    config,
    payments: options.payments ? options.payments(config) : simulatedGateway(config),
    clock,
  };
  deps.liveEvents = await startLiveEvents({ connectionString: database.url, logger, ...options.live });
  const app = await buildApp({
    deps,
    mediaDir: path.join(dataDir, "media"),
    ...(options.httpLogger && { logger: options.httpLogger }),
    ...(options.bodyLimit && { bodyLimit: options.bodyLimit }),
    ...(options.corsOrigins && { corsOrigins: options.corsOrigins }),
  });
  // Every response of every HTTP test is held against the OpenAPI document.
  const violations = options.contract === false ? [] : await watchContract(app, buildOpenApiDocument(publicUrl));
  let worker: Worker | undefined;
  if (options.worker) {
    worker = await startWorker({
      connectionString: database.url,
      taskList: createTaskList(deps),
      logger: quietLogger,
      pollInterval: 100,
    });
  }
  return {
    app,
    db,
    deps,
    database,
    dataDir,
    clock,
    context: (user = null) => createContext(deps, { ip: "test", user }),
    async close() {
      await app.close();
      await deps.liveEvents?.close();
      await worker?.stop();
      await db.$disconnect();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
      if (violations.length > 0 && options.onContractViolations) options.onContractViolations([...new Set(violations)]);
      else if (violations.length > 0) {
        throw new Error(`responses that break the OpenAPI document:\n${[...new Set(violations)].join("\n")}`);
      }
    },
  };
}

/** The server and its worker, delivering email over SMTP to a test SMTP server of its own. */
export async function startTestAppWithMail(): Promise<{ t: TestApp; smtp: TestSmtpServer; close(): Promise<void> }> {
  const smtp = await startSmtpServer();
  const t = await startTestApp({ smtpUrl: smtp.url, worker: true });
  return {
    t,
    smtp,
    async close() {
      await t.close();
      await smtp.close();
    },
  };
}

let lastAddress = 0;
/** A client address of its own, so one test's attempts never count against another's limits. */
export function newClientAddress(): string {
  lastAddress++;
  return `10.${(lastAddress >> 16) & 255}.${(lastAddress >> 8) & 255}.${lastAddress & 255}`;
}

/** JSON requests through the real server from one client address, optionally with a bearer token. */
export function httpClient(app: FastifyInstance, remoteAddress = newClientAddress()) {
  const send = (method: InjectOptions["method"], url: string, body?: unknown, token?: string) =>
    app.inject({
      method,
      url,
      remoteAddress,
      headers: {
        ...(body !== undefined && { "content-type": "application/json" }),
        ...(token && { authorization: `Bearer ${token}` }),
      },
      ...(body !== undefined && { payload: JSON.stringify(body) }),
    });
  return {
    get: (url: string, token?: string) => send("GET", url, undefined, token),
    post: (url: string, body: unknown, token?: string) => send("POST", url, body, token),
    patch: (url: string, body: unknown, token?: string) => send("PATCH", url, body, token),
    delete: (url: string, token?: string) => send("DELETE", url, undefined, token),
  };
}

/** Fails on anything that looks like a stack trace. */
export function expectNoStackTrace(body: string): void {
  if (/\bat .+\(.+:\d+:\d+\)|"stack"|node_modules\//.test(body)) {
    throw new Error(`response leaks a stack trace: ${body.slice(0, 300)}`);
  }
}

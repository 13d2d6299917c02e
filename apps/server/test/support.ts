import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { outboxMailer, type Deps, type Logger, type Mailer } from "@shop/api";
import { createDb, type PrismaClient } from "@shop/db";
import { createTestDatabase, type TestDatabase } from "@shop/testing";
import { buildApp } from "../src/app.ts";

export const quietLogger: Logger = { info() {}, warn() {}, error() {} };

export interface TestApp {
  app: FastifyInstance;
  db: PrismaClient;
  deps: Deps;
  database: TestDatabase;
  dataDir: string;
  close(): Promise<void>;
}

/** The real server on its own fresh database; mail goes to an outbox folder unless given. */
export async function startTestApp(options: { mailer?: Mailer; bodyLimit?: number } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const dataDir = await mkdtemp(path.join(tmpdir(), "shop-test-"));
  const db = createDb(database.url, { max: 5 });
  const deps: Deps = {
    db,
    logger: quietLogger,
    mailer: options.mailer ?? outboxMailer(path.join(dataDir, "outbox"), "Shop Luxe <test@shop.local>", quietLogger),
    config: { authSecret: "test-secret-that-is-at-least-32-characters", publicUrl: "http://shop.test" },
  };
  const app = await buildApp({ deps, ...(options.bodyLimit && { bodyLimit: options.bodyLimit }) });
  return {
    app,
    db,
    deps,
    database,
    dataDir,
    async close() {
      await app.close();
      await db.$disconnect();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Fails on anything that looks like a stack trace. */
export function expectNoStackTrace(body: string): void {
  if (/\bat .+\(.+:\d+:\d+\)|"stack"|node_modules\//.test(body)) {
    throw new Error(`response leaks a stack trace: ${body.slice(0, 300)}`);
  }
}

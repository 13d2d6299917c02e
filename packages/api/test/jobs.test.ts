import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type PrismaClient } from "@shop/db";
import { createTestDatabase, eventually, queuedJobs, retryingJobs, runJobsNow, type TestDatabase } from "@shop/testing";
import {
  systemClock,
  createTaskList,
  enqueueJob,
  localFileStore,
  memoryRateLimiter,
  noCache,
  postgresSearchEngine,
  simulatedGateway,
  startWorker,
  type Deps,
  type MailMessage,
  type Worker,
} from "../src/index.ts";

const silent = { info() {}, warn() {}, error() {} };

let database: TestDatabase;
let db: PrismaClient;
let worker: Worker;
const delivered: MailMessage[] = [];
let failuresLeft = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url, { max: 3 });
  const deps: Deps = {
    db,
    logger: silent,
    // Records what the real send_email task hands to the mail port; fails on demand.
    mailer: {
      async send(message) {
        if (failuresLeft > 0) {
          failuresLeft--;
          throw new Error("SMTP unavailable");
        }
        delivered.push(message);
      },
    },
    files: localFileStore(path.join(tmpdir(), "shop-jobs-test-media"), "http://shop.test"),
    rateLimiter: memoryRateLimiter(),
    cache: noCache,
    search: postgresSearchEngine(db),
    payments: simulatedGateway({ publicUrl: "http://shop.test", paymentWebhookSecret: "y".repeat(32) }),
    clock: systemClock,
    config: {
      authSecret: "x".repeat(32),
      publicUrl: "http://shop.test",
      paymentWebhookSecret: "y".repeat(32),
      orderPaymentTimeoutMinutes: 30,
      maxImagesPerProduct: 20,
      reviewModeration: "post",
    },
  };
  worker = await startWorker({
    connectionString: database.url,
    taskList: createTaskList(deps),
    logger: silent,
    pollInterval: 100,
  });
});

afterAll(async () => {
  await worker.stop();
  await db.$disconnect();
  await database.drop();
});

const mail = (subject: string): MailMessage => ({ to: "a@shop.test", subject, text: subject, html: `<p>${subject}</p>` });

describe("enqueueJob inside a Prisma transaction", () => {
  it("runs a job whose transaction committed, and never one whose transaction rolled back", async () => {
    await db.$transaction(async (tx) => {
      await enqueueJob(tx, "send_email", mail("committed"));
    });
    await db
      .$transaction(async (tx) => {
        await enqueueJob(tx, "send_email", mail("rolled back"));
        throw new Error("the caller's change failed");
      })
      .catch(() => {});
    // A later committed job: once it has run, an earlier job would have run too.
    await db.$transaction((tx) => enqueueJob(tx, "send_email", mail("checkpoint")));

    await eventually(() => delivered.some((m) => m.subject === "checkpoint"), { what: "the checkpoint email" });
    expect(delivered.map((m) => m.subject).sort()).toEqual(["checkpoint", "committed"]);
    // A job's row goes once the worker records its success, just after the delivery.
    await eventually(async () => (await queuedJobs(db)) === 0, { what: "the queue to empty" });
  });

  it("retries a job that failed", async () => {
    failuresLeft = 1;
    await db.$transaction((tx) => enqueueJob(tx, "send_email", mail("retried")));
    // attempts is counted when a job starts: wait until the first attempt has failed and let go.
    await eventually(async () => (await retryingJobs(db, "send_email")) > 0, { what: "the first attempt to fail" });
    expect(delivered.some((m) => m.subject === "retried")).toBe(false);
    // Skip the exponential back-off wait instead of sleeping through it.
    await runJobsNow(db);
    await eventually(() => delivered.some((m) => m.subject === "retried"), { what: "the retried email" });
    // The job's row goes once the worker records its success, just after the delivery.
    await eventually(async () => (await queuedJobs(db)) === 0, { what: "the queue to empty" });
  });
});

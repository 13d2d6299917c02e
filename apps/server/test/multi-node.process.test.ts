import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb, type PrismaClient } from "@shop/db";
import { freePort } from "@shop/db/embedded";
import { signAccessToken } from "@shop/api";
import {
  address,
  createShopper,
  createTestDatabase,
  createVariant,
  eventually,
  type FactoryDeps,
  type TestDatabase,
} from "@shop/testing";
import { openSse, type SseStream } from "./sse.ts";
import { startWebhookReceiver } from "./webhook-receiver.ts";

// Four Node processes start (and compile through tsx) at once on a small machine.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 120_000 });

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const AUTH_SECRET = "multi-node-test-secret-of-at-least-32-chars";

interface Proc {
  child: ChildProcess;
  output: () => string;
  exited: Promise<unknown>;
}

function start(entry: string, env: Record<string, string>): Proc {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: repoRoot,
    env: { ...inherited, NODE_ENV: "test", LOG_LEVEL: "info", AUTH_SECRET, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  return { child, output: () => output, exited: new Promise((resolve) => child.on("exit", resolve)) };
}

/** Polls `check` until the process is ready; fails at once, with its output, if it exits. */
function ready(what: string, proc: Proc, check: () => Promise<boolean> | boolean) {
  return eventually(
    async () => {
      if (proc.child.exitCode !== null) throw new Error(`${what} exited early:\n${proc.output()}`);
      return check();
    },
    { what: `${what} to be ready`, timeoutMs: 90_000, intervalMs: 200, detail: proc.output },
  );
}

let database: TestDatabase;
let dataDir: string;
let db: PrismaClient;
const procs: Proc[] = [];
const nodes: string[] = [];
const streams: SseStream[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = await mkdtemp(path.join(tmpdir(), "shop-multi-node-"));
  db = createDb(database.url, { max: 2 });
  const common = { DATABASE_URL: database.url, DATA_DIR: dataDir, WORKER_IN_PROCESS: "false", HOST: "127.0.0.1" };
  const ports = [await freePort(), await freePort()];
  const servers = ports.map((port) => start("apps/server/src/main.ts", { ...common, PORT: String(port) }));
  const workers = [0, 1].map(() => start("apps/worker/src/main.ts", common));
  procs.push(...servers, ...workers);
  await Promise.all([
    ...servers.map((server, i) =>
      ready(`server ${i}`, server, () =>
        fetch(`http://127.0.0.1:${ports[i]}/health/ready`).then(
          (res) => res.status === 200,
          () => false,
        ),
      ),
    ),
    ...workers.map((worker, i) => ready(`worker ${i}`, worker, () => worker.output().includes("Shop Luxe worker running"))),
  ]);
  nodes.push(...ports.map((port) => `http://127.0.0.1:${port}`));
});

afterAll(async () => {
  for (const stream of streams) stream.close();
  for (const proc of procs) proc.child.kill("SIGTERM");
  await Promise.all(procs.map((proc) => proc.exited));
  await db?.$disconnect();
  await database?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

const fixtures = (): FactoryDeps => ({
  db,
  signAccessToken: (claims) => signAccessToken(AUTH_SECRET, claims),
  now: () => new Date(),
});

async function call(node: string, method: string, url: string, token: string, body?: unknown) {
  const res = await fetch(`${node}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { "content-type": "application/json" }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

describe("two API nodes and two workers on one database", () => {
  it("a buyer on node B gets, within 2 s, a change made on node A and one made by a job; a webhook gets each event once", async () => {
    const [nodeA, nodeB] = nodes as [string, string];
    const receiver = await startWebhookReceiver();
    try {
      const staff = await createShopper(fixtures(), "admin");
      const hook = await call(nodeA, "POST", "/api/admin/webhooks/", staff.token, {
        url: receiver.url,
        events: ["order.created", "order.cancelled"],
      });
      expect(hook.status, JSON.stringify(hook.body)).toBe(201);

      const buyer = await createShopper(fixtures());
      const variant = await createVariant(db, { stock: 3 });
      const events = await openSse(`${nodeB}/api/orders/events/`, buyer.token);
      streams.push(events);
      expect(events.status).toBe(200);

      // A change on node A.
      expect((await call(nodeA, "POST", "/api/cart/add/", buyer.token, { variant_id: variant.variantId })).status).toBe(201);
      const sentAt = Date.now();
      const placed = await call(nodeA, "POST", "/api/orders/create/", buyer.token, { shipping_address: address });
      expect(placed.status).toBe(201);
      await events.waitFor(1, 2_000);
      const createdLatency = Date.now() - sentAt; // an upper bound: the checkout itself included
      expect(events.events()[0]).toMatchObject({ type: "order.created", order_id: placed.body.id });

      // A change made by a job in a worker: the order's expiry, run now. graphile-worker may take
      // up to its poll interval (2 s) to pick the job up, so the 2 s run from the job's commit.
      await db.$executeRaw`select graphile_worker.add_job('expire_order', json_build_object('orderId', ${placed.body.id}::int))`;
      const enqueuedAt = Date.now();
      await events.waitFor(2, 6_000);
      const receivedAt = Date.now();
      expect(events.events()[1]).toMatchObject({ type: "order.cancelled", order_id: placed.body.id });
      const [change] = await db.$queryRaw<{ at: Date }[]>`select created_at as at from events where type = 'order.cancelled'`;
      const jobLatency = receivedAt - change!.at.getTime();
      expect(jobLatency).toBeLessThan(2_000);
      console.log(
        `checkout on node A → node B: at most ${createdLatency} ms; a worker's job → node B: ${jobLatency} ms after its change ` +
          `(${receivedAt - enqueuedAt} ms after the job was enqueued)`,
      );

      // Each event reaches the endpoint once, though two workers compete for the jobs.
      const deliveries = await receiver.waitFor(2, 15_000);
      await expect
        .poll(
          () =>
            db.$queryRaw<{ n: number }[]>`
              select count(*)::int as n from graphile_worker._private_jobs j
              join graphile_worker._private_tasks k on k.id = j.task_id where k.identifier = 'deliver_webhook'`.then(
              (r) => r[0]!.n,
            ),
          { timeout: 10_000 },
        )
        .toBe(0);
      expect(receiver.received).toHaveLength(2);
      expect(deliveries.map((d) => JSON.parse(d.body).type).sort()).toEqual(["order.cancelled", "order.created"]);
      expect(new Set(deliveries.map((d) => d.headers["webhook-id"])).size).toBe(2);
    } finally {
      await receiver.close();
    }
  });
});

// Live events at scale: 1,000 SSE subscribers on one server process, orders changing at a steady
// rate, latency from commit to receipt and the server's RSS; beside a bare LISTEN/NOTIFY round
// trip on the same database in the same run. Run: pnpm bench:events  (uses the test PostgreSQL)
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { recordOrderEvent, signAccessToken } from "@shop/api";
import { createDb } from "@shop/db";
import { freePort } from "@shop/db/embedded";
import { createTestDatabase, ensureTemplateDatabase } from "@shop/testing";

const SUBSCRIBERS = 1_000;
const RATE_PER_SECOND = 20;
const CHANGES = 300;
const BARE_ROUND_TRIPS = 200;
const AUTH_SECRET = "bench-events-secret-of-at-least-32-characters";
const repoRoot = path.resolve(import.meta.dirname, "../../..");

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;
const sleep = (delay: number) => new Promise((resolve) => setTimeout(resolve, delay));
const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;

/** Runs `work` RATE_PER_SECOND times a second, `count` times, each at its own scheduled moment. */
async function steady(count: number, work: (i: number) => Promise<void>): Promise<void> {
  const started = performance.now();
  const running: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const due = started + (i * 1000) / RATE_PER_SECOND;
    await sleep(Math.max(0, due - performance.now()));
    running.push(work(i));
  }
  await Promise.all(running);
}

await ensureTemplateDatabase();
const database = await createTestDatabase();
const dataDir = await mkdtemp(path.join(tmpdir(), "shop-bench-events-"));
const db = createDb(database.url, { max: 4 });
const port = await freePort();
const { DATABASE_URL: _ignored, ...inherited } = process.env;
const server = spawn(process.execPath, ["--import", "tsx", "apps/server/src/main.ts"], {
  cwd: repoRoot,
  env: {
    ...inherited,
    NODE_ENV: "test",
    LOG_LEVEL: "warn",
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: "127.0.0.1",
    WORKER_IN_PROCESS: "false",
    AUTH_SECRET,
  },
  stdio: ["ignore", "inherit", "inherit"],
});
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
const sockets: http.ClientRequest[] = [];
try {
  for (let ready = false; !ready; await sleep(200)) {
    ready = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
      (res) => res.ok,
      () => false,
    );
  }
  const rssIdle = rssMiB(server.pid!);

  // Buyers, sessions and one pending order each, in bulk.
  const users = await db.$queryRaw<{ id: number }[]>`
    insert into users (username, email, password_hash, role, is_active)
    select 'bench_' || g, 'bench_' || g || '@example.com', 'unused', 'customer', true from generate_series(1, ${SUBSCRIBERS}) g
    returning id`;
  const sessions = users.map((user) => ({
    id: randomBytes(20).toString("hex"),
    userId: user.id,
    expiresAt: new Date(Date.now() + 3_600_000),
  }));
  await db.session.createMany({ data: sessions });
  const orders = await db.$queryRaw<{ id: number; user_id: number }[]>`
    insert into orders (user_id, total, shipping_address, updated_at)
    select id, 1000, '{}'::jsonb, now() from unnest(${users.map((u) => u.id)}::int[]) as id returning id, user_id`;

  // 1,000 SSE subscribers, one per buyer.
  const receivedAt = new Map<number, number>();
  let connected = 0;
  await Promise.all(
    sessions.map(async (session) => {
      const token = await signAccessToken(AUTH_SECRET, { userId: session.userId, role: "customer", sessionId: session.id });
      await new Promise<void>((resolve, reject) => {
        const request = http.get(
          `http://127.0.0.1:${port}/api/orders/events/`,
          { agent, headers: { accept: "text/event-stream", authorization: `Bearer ${token}` } },
          (response) => {
            if (response.statusCode !== 200) return reject(new Error(`stream answered ${response.statusCode}`));
            connected++;
            resolve();
            let buffer = "";
            response.setEncoding("utf8");
            response.on("data", (chunk: string) => {
              buffer += chunk;
              let end: number;
              while ((end = buffer.indexOf("\n\n")) >= 0) {
                const frame = buffer.slice(0, end);
                buffer = buffer.slice(end + 2);
                const data = /^data: (.*)$/m.exec(frame)?.[1];
                if (data) receivedAt.set((JSON.parse(data) as { order_id: number }).order_id, performance.now());
              }
            });
          },
        );
        request.on("error", reject);
        sockets.push(request);
      });
    }),
  );
  await sleep(1_000);
  const rssSubscribed = rssMiB(server.pid!);

  // Bare LISTEN/NOTIFY: a committed NOTIFY to a listening connection, at the same rate.
  const listener = new pg.Client({ connectionString: database.url });
  const notifier = new pg.Pool({ connectionString: database.url, max: 4 });
  await listener.connect();
  await listener.query("listen bench_round_trip");
  const notifiedAt = new Map<number, number>();
  listener.on("notification", (message) => notifiedAt.set(Number(message.payload), performance.now()));
  const bareSent = new Map<number, number>();
  await steady(BARE_ROUND_TRIPS, async (i) => {
    const client = await notifier.connect();
    try {
      await client.query("begin");
      await client.query("select pg_notify('bench_round_trip', $1)", [String(i)]);
      bareSent.set(i, performance.now());
      await client.query("commit");
    } finally {
      client.release();
    }
  });
  await sleep(500);
  const bare = [...bareSent].map(([i, sent]) => notifiedAt.get(i)! - sent);

  // Events: each change is the real outbox write (an order moved, its event recorded) in a
  // Prisma transaction; the clock starts when the transaction's work is done and COMMIT goes out.
  const committing = new Map<number, number>();
  let rssPeak = rssSubscribed;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMiB(server.pid!))), 250);
  await steady(CHANGES, async (i) => {
    const order = orders[i % orders.length]!;
    await db.$transaction(async (tx) => {
      await tx.order.update({ where: { id: order.id }, data: { status: "cancelled" } });
      await recordOrderEvent(tx, order.id, "cancelled");
      committing.set(order.id, performance.now());
    });
  });
  for (let waited = 0; receivedAt.size < CHANGES && waited < 10_000; waited += 100) await sleep(100);
  clearInterval(sampler);
  const latencies = [...committing].map(([orderId, sent]) => receivedAt.get(orderId)! - sent);
  const missing = latencies.filter((value) => Number.isNaN(value)).length;
  const arrived = latencies.filter((value) => !Number.isNaN(value));

  console.log(`\n${connected} SSE subscribers on one server process; ${CHANGES} order changes at ${RATE_PER_SECOND}/s`);
  console.log("| measured | p50 | p95 | max |");
  console.log("|---|---:|---:|---:|");
  console.log(
    `| bare LISTEN/NOTIFY round trip (COMMIT → notification) | ${ms(percentile(bare, 50))} | ${ms(percentile(bare, 95))} | ${ms(Math.max(...bare))} |`,
  );
  console.log(
    `| order event, COMMIT → SSE frame at the subscriber (${arrived.length} of ${CHANGES}) | ${ms(percentile(arrived, 50))} | ${ms(percentile(arrived, 95))} | ${ms(Math.max(...arrived))} |`,
  );
  console.log(
    `\nserver RSS: ${rssIdle.toFixed(0)} MiB idle, ${rssSubscribed.toFixed(0)} MiB with ${connected} streams, ${rssPeak.toFixed(0)} MiB peak while events flowed`,
  );
  if (missing > 0) throw new Error(`${missing} events never arrived`);
  await listener.end();
  await notifier.end();
} finally {
  for (const request of sockets) request.destroy();
  server.kill("SIGTERM");
  await new Promise((resolve) => server.on("exit", resolve));
  await db.$disconnect();
  await database.drop();
  await rm(dataDir, { recursive: true, force: true });
}

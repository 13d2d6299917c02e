// pnpm bench: the catalog at 1,000, 10,000 and 100,000 demo products, in one run. At each
// scale: product detail (cached, uncached) and the product list through the real server, each
// beside a bare route serving the same JSON (from memory, or from the same hand-written SQL on
// plain pg), measured with autocannon in a separate process on loopback; then the latency
// (p50/p95 of sequential requests over loopback) of list page 1, list page 50 and detail on
// the uncached server, so cost growth with the catalog's size is visible.
// Options: --scales 1000,10000,100000; BENCH_SECONDS (default 5) per autocannon scenario.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import type { FastifyInstance } from "fastify";
import { createRedisClient, redisCache, waitForRedis } from "@shop/api";
import { sqlPool } from "@shop/db";
import { ensureTemplateDatabase } from "@shop/testing";
import { seedCatalog } from "../src/seed/seed.ts";
import { quietLogger, startTestApp } from "../test/support.ts";
import { bareMemoryServer, bareSqlServer } from "./bare-routes.ts";
import { percentiles, printTable, type Timing } from "./timing.ts";

const { values } = parseArgs({
  options: { scales: { type: "string", default: "1000,10000,100000" }, requests: { type: "string", default: "300" } },
});
const SCALES = values.scales.split(",").map(Number);
const REQUESTS = Number(values.requests);
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;
const autocannonBin = createRequire(import.meta.url).resolve("autocannon/autocannon.js");

interface Result {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** CPU time of this process (where every server runs) per request: steadier than req/s on a busy machine. */
  cpuMicros: number;
}

async function listen(app: FastifyInstance): Promise<string> {
  return app.listen({ port: 0, host: "127.0.0.1" });
}

/** autocannon in a child process, so the load generator does not share the server's event loop. */
function load(name: string, url: string): Promise<Result> {
  const cpu = process.cpuUsage();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [autocannonBin, "--json", "-c", String(CONNECTIONS), "-d", String(DURATION_SECONDS), url],
      { stdio: ["ignore", "pipe", "ignore"] },
    );
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("error", reject);
    child.on("exit", () => {
      const report = JSON.parse(out);
      const used = process.cpuUsage(cpu);
      resolve({
        name,
        requestsPerSecond: report.requests.average,
        p50: report.latency.p50,
        p99: report.latency.p99,
        errors: report.errors + report.non2xx,
        cpuMicros: (used.user + used.system) / report.requests.total,
      });
    });
  });
}

/** Sequential requests, one at a time: each one's latency, as a client sees it. */
async function latency(urls: string[]): Promise<Timing> {
  for (const url of urls.slice(0, 10)) await (await fetch(url)).text(); // warm-up
  const timings: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now();
    const res = await fetch(urls[i % urls.length]!);
    await res.text();
    if (res.status !== 200) throw new Error(`${urls[i % urls.length]} answered ${res.status}`);
    timings.push(performance.now() - started);
  }
  return percentiles(timings);
}

/**
 * The seed again after a failed batch (on a busy machine a batch's transaction can outlast
 * Prisma's 5 s limit): it is idempotent, so it goes on where it stopped.
 */
async function seedWithRetries(products: number, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await seedCatalog(cached.db, { products, log: () => {} });
      return;
    } catch (error) {
      if (attempt >= attempts) throw error;
      console.log(`seeding failed (${(error as Error).message.split("\n")[0]}); again`);
    }
  }
}

await ensureTemplateDatabase();
const redis = createRedisClient(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", quietLogger, `bench:${process.pid}:`);
await waitForRedis(redis);
const cached = await startTestApp({ redis, contract: false });
const database = cached.database;
// The uncached app reads the same database: a second app on it, without Redis.
const uncached = await startTestApp({ contract: false });
uncached.deps.db = cached.db;
// As many database connections as the API's pool (startTestApp: 5), so both queue alike.
const sql = await bareSqlServer(database.url, cached.deps.config.publicUrl, sqlPool(cached.db).options.max);
const [cachedUrl, uncachedUrl, sqlUrl] = await Promise.all([listen(cached.app), listen(uncached.app), listen(sql.app)]);

const ratios: { scale: number; cachedDetail: number; uncachedDetail: number; uncachedList: number; cachedList: number }[] = [];
const curves: { scale: number; first: Timing; page50: Timing; detail: Timing }[] = [];
for (const scale of SCALES) {
  const started = performance.now();
  await seedWithRetries(scale);
  await cached.db.$executeRawUnsafe("analyze");
  // Seeding writes rows directly: a Redis namespace of its own per scale, so nothing cached at the last one is served.
  const scaleRedis = createRedisClient(
    process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
    quietLogger,
    `bench:${process.pid}:${scale}:`,
  );
  await waitForRedis(scaleRedis);
  cached.deps.cache = redisCache(scaleRedis, quietLogger);

  const productId = (
    await cached.db.product.findFirstOrThrow({ where: { reviewCount: { gt: 0 }, variants: { some: {} } }, select: { id: true } })
  ).id;
  const detailJson = (await cached.app.inject({ method: "GET", url: `/api/products/${productId}/` })).json();
  const listJson = (await cached.app.inject({ method: "GET", url: "/api/products/" })).json();
  // The baselines must answer the same JSON as the API, or the comparison means nothing.
  const sqlDetail = (await sql.app.inject({ method: "GET", url: `/detail?id=${productId}` })).json();
  if (JSON.stringify(sqlDetail) !== JSON.stringify(detailJson)) throw new Error("bare SQL detail differs from the API's JSON");
  const sqlList = (await sql.app.inject({ method: "GET", url: "/list" })).json();
  if (JSON.stringify(sqlList) !== JSON.stringify(listJson)) throw new Error("bare SQL list differs from the API's JSON");
  const memory = await bareMemoryServer(detailJson, listJson);
  const memoryUrl = await listen(memory);
  console.log(
    `\n${scale} products (seeded in ${((performance.now() - started) / 1000).toFixed(1)} s); ${CONNECTIONS} connections, ${DURATION_SECONDS} s per scenario; product ${productId}`,
  );

  const results: Result[] = [];
  for (const [name, url] of [
    ["bare route, detail from memory", `${memoryUrl}/detail`],
    ["API detail, cached (Redis)", `${cachedUrl}/api/products/${productId}/`],
    ["bare route, detail by SQL", `${sqlUrl}/detail?id=${productId}`],
    ["API detail, uncached", `${uncachedUrl}/api/products/${productId}/`],
    ["bare route, list by SQL", `${sqlUrl}/list`],
    ["API list, uncached", `${uncachedUrl}/api/products/`],
    ["API list, cached (Redis)", `${cachedUrl}/api/products/`],
  ] as const) {
    const result = await load(name, url);
    results.push(result);
    console.log(
      `${name.padEnd(34)} ${result.requestsPerSecond.toFixed(0).padStart(7)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms  ${result.cpuMicros.toFixed(0).padStart(4)} µs CPU/req  errors ${result.errors}`,
    );
  }
  await memory.close();
  scaleRedis.disconnect();
  const rps = (name: string) => results.find((r) => r.name === name)!.requestsPerSecond;
  ratios.push({
    scale,
    cachedDetail: rps("API detail, cached (Redis)") / rps("bare route, detail from memory"),
    uncachedDetail: rps("API detail, uncached") / rps("bare route, detail by SQL"),
    uncachedList: rps("API list, uncached") / rps("bare route, list by SQL"),
    cachedList: rps("API list, cached (Redis)") / rps("bare route, list by SQL"),
  });

  const ids = (await cached.db.product.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((p) => p.id);
  const sample = Array.from({ length: 50 }, (_, i) => ids[Math.floor(((i + 0.5) * ids.length) / 50)]!);
  curves.push({
    scale,
    first: await latency([`${uncachedUrl}/api/products/`]),
    page50: await latency([`${uncachedUrl}/api/products/?page=50`]),
    detail: await latency(sample.map((id) => `${uncachedUrl}/api/products/${id}/`)),
  });
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
console.log(`\nThroughput ratios (autocannon, same run):\n`);
printTable(
  [
    "products",
    "cached detail / memory route",
    "uncached detail / SQL route",
    "uncached list / SQL route",
    "cached list / SQL route",
  ],
  ratios.map((r) => [
    r.scale.toLocaleString("en"),
    r.cachedDetail.toFixed(2),
    r.uncachedDetail.toFixed(2),
    r.uncachedList.toFixed(2),
    r.cachedList.toFixed(2),
  ]),
);
console.log(`targets: cached detail ≥ 0.5, uncached detail ≥ 0.8, uncached list ≥ 0.8\n`);
console.log(
  `Latency on the uncached server, ${REQUESTS} sequential requests each (detail over 50 products spread over the catalog):\n`,
);
printTable(
  ["products", "list page 1 p50", "list page 1 p95", "list page 50 p50", "list page 50 p95", "detail p50", "detail p95"],
  curves.map((c) => [
    c.scale.toLocaleString("en"),
    ms(c.first.p50),
    ms(c.first.p95),
    ms(c.page50.p50),
    ms(c.page50.p95),
    ms(c.detail.p50),
    ms(c.detail.p95),
  ]),
);
const first = curves[0]!;
const last = curves[curves.length - 1]!;
console.log(
  `\nlist page 1 p95 at ${last.scale} / at ${first.scale} products: ${(last.first.p95 / first.first.p95).toFixed(2)}  (target ≤ 3)`,
);
console.log(`list page 50 p95 at ${last.scale} / at ${first.scale} products: ${(last.page50.p95 / first.page50.p95).toFixed(2)}`);
console.log(`detail p95 at ${last.scale} / at ${first.scale} products: ${(last.detail.p95 / first.detail.p95).toFixed(2)}`);

await Promise.all([sql.app.close(), sql.pool.end()]);
await uncached.app.close();
await uncached.database.drop();
await cached.close();
redis.disconnect();
process.exit(0);

// pnpm bench: product detail (cached, uncached) and product list through the real server,
// each beside a bare route serving the same JSON (from memory, or from hand-written SQL on
// plain pg), measured with autocannon in a separate process on loopback, in one run.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import type { FastifyInstance } from "fastify";
import { createRedisClient, waitForRedis } from "@shop/api";
import { ensureTemplateDatabase } from "@shop/testing";
import { seedCatalog } from "../src/seed/seed.ts";
import { quietLogger, startTestApp } from "../test/support.ts";
import { bareMemoryServer, bareSqlServer } from "./bare-routes.ts";

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;
const autocannonBin = createRequire(import.meta.url).resolve("autocannon/autocannon.js");

interface Result {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

async function listen(app: FastifyInstance): Promise<string> {
  return app.listen({ port: 0, host: "127.0.0.1" });
}

/** autocannon in a child process, so the load generator does not share the server's event loop. */
function load(name: string, url: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [autocannonBin, "--json", "-c", String(CONNECTIONS), "-d", String(DURATION_SECONDS), url],
      {
        stdio: ["ignore", "pipe", "ignore"],
      },
    );
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("error", reject);
    child.on("exit", () => {
      const report = JSON.parse(out);
      resolve({
        name,
        requestsPerSecond: report.requests.average,
        p50: report.latency.p50,
        p99: report.latency.p99,
        errors: report.errors + report.non2xx,
      });
    });
  });
}

await ensureTemplateDatabase();
const redis = createRedisClient(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", quietLogger, `bench:${process.pid}:`);
await waitForRedis(redis);
const cached = await startTestApp({ redis });
const database = cached.database;
await seedCatalog(cached.db, { products: 240, log: () => {} });
// The uncached app reads the same database: a second app on it, without Redis.
const uncached = await startTestApp();
uncached.deps.db = cached.db;

const productId = (
  await cached.db.product.findFirstOrThrow({ where: { reviewCount: { gt: 0 }, variants: { some: {} } }, select: { id: true } })
).id;
const detailJson = (await cached.app.inject({ method: "GET", url: `/api/products/${productId}/` })).json();
const listJson = (await cached.app.inject({ method: "GET", url: "/api/products/" })).json();

const memory = await bareMemoryServer(detailJson, listJson);
const sql = await bareSqlServer(database.url, cached.deps.config.publicUrl);
// The baseline must answer the same JSON as the API, or the comparison means nothing.
const sqlDetail = (await sql.app.inject({ method: "GET", url: `/detail?id=${productId}` })).json();
if (JSON.stringify(sqlDetail) !== JSON.stringify(detailJson)) throw new Error("bare SQL detail differs from the API's JSON");

const [cachedUrl, uncachedUrl, memoryUrl, sqlUrl] = await Promise.all([
  listen(cached.app),
  listen(uncached.app),
  listen(memory),
  listen(sql.app),
]);
console.log(`catalog: 240 demo products; ${CONNECTIONS} connections, ${DURATION_SECONDS} s per scenario; product ${productId}\n`);

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
    `${name.padEnd(34)} ${result.requestsPerSecond.toFixed(0).padStart(7)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms  errors ${result.errors}`,
  );
}

const rps = (name: string) => results.find((r) => r.name === name)!.requestsPerSecond;
const ratio = (a: string, b: string) => (rps(a) / rps(b)).toFixed(2);
console.log(`
cached detail   / memory route : ${ratio("API detail, cached (Redis)", "bare route, detail from memory")}  (target ≥ 0.5)
uncached detail / SQL route    : ${ratio("API detail, uncached", "bare route, detail by SQL")}  (target ≥ 0.8)
uncached list   / SQL route    : ${ratio("API list, uncached", "bare route, list by SQL")}
cached list     / SQL route    : ${ratio("API list, cached (Redis)", "bare route, list by SQL")}`);

await Promise.all([memory.close(), sql.app.close(), sql.pool.end()]);
await uncached.app.close();
await uncached.database.drop();
await cached.close();
redis.disconnect();
process.exit(0);

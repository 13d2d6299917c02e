// Not a benchmark: a CPU profile of cached product detail requests (node --cpu-prof).
import { createRedisClient } from "@shop/api";
import { ensureTemplateDatabase } from "@shop/testing";
import { seedCatalog } from "../src/seed/seed.ts";
import { quietLogger, startTestApp } from "../test/support.ts";

await ensureTemplateDatabase();
const redis = createRedisClient("redis://127.0.0.1:6379", quietLogger, `prof:${process.pid}:`);
const t = await startTestApp({ redis: process.env.NO_CACHE ? undefined : redis, contract: false });
await seedCatalog(t.db, { products: 30, log: () => {} });
const url = process.env.URL ?? "/api/products/2/";
for (let i = 0; i < 300; i++) await t.app.inject({ method: "GET", url });
const started = performance.now();
const cpu = process.cpuUsage();
const N = 3000;
for (let i = 0; i < N; i++) await t.app.inject({ method: "GET", url });
const used = process.cpuUsage(cpu);
console.log(
  `${url}: ${((performance.now() - started) / N).toFixed(3)} ms wall, ${((used.user + used.system) / 1000 / N).toFixed(3)} ms CPU per request`,
);
await t.close();
redis.disconnect();
process.exit(0);

// Not a benchmark: a CPU profile of the server under load (autocannon in a child process),
// steady state only, written to PROFILE_OUT. URL (default /api/products/2/) and NO_CACHE pick the read;
// MEMORY=1 profiles a bare route serving that read's JSON from memory instead (the bench's baseline).
// Run from apps/server: node --import tsx bench/profile-detail.ts
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { createRequire } from "node:module";
import { createRedisClient } from "@shop/api";
import { ensureTemplateDatabase } from "@shop/testing";
import { seedCatalog } from "../src/seed/seed.ts";
import { quietLogger, startTestApp } from "../test/support.ts";

const autocannonBin = createRequire(import.meta.url).resolve("autocannon/autocannon.js");
const load = (url: string, seconds: number) =>
  new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [autocannonBin, "--json", "-c", "10", "-d", String(seconds), url], {
      stdio: ["ignore", "pipe", "ignore"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("exit", () => resolve(JSON.parse(out).requests.average));
  });

await ensureTemplateDatabase();
const redis = createRedisClient("redis://127.0.0.1:6379", quietLogger, `prof:${process.pid}:`);
const t = await startTestApp({ redis: process.env.NO_CACHE ? undefined : redis, contract: false });
await seedCatalog(t.db, { products: 30, log: () => {} });
const path = process.env.URL ?? "/api/products/2/";
let url = (await t.app.listen({ port: 0, host: "127.0.0.1" })) + path;
if (process.env.MEMORY) {
  const { bareMemoryServer } = await import("./bare-routes.ts");
  const body = (await t.app.inject({ method: "GET", url: path })).json();
  const memory = await bareMemoryServer(body, body);
  url = (await memory.listen({ port: 0, host: "127.0.0.1" })) + "/detail";
}
await load(url, 2); // warm-up
const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.start");
const cpu = process.cpuUsage();
const started = performance.now();
const perSecond = await load(url, 5);
const used = process.cpuUsage(cpu);
const { profile } = await session.post("Profiler.stop");
writeFileSync(process.env.PROFILE_OUT ?? "server.cpuprofile", JSON.stringify(profile));
const requests = perSecond * ((performance.now() - started) / 1000);
console.log(`${url}: ${perSecond.toFixed(0)} req/s, ${((used.user + used.system) / requests).toFixed(1)} µs CPU per request`);
await t.close();
redis.disconnect();
process.exit(0);

// Server memory: starts the server as `pnpm start` does (worker in-process) on a fresh seeded
// database, loads it with autocannon (list, detail, search; 50 connections, 10 s each) and prints
// its RSS after start and after each load. Run: pnpm bench:memory [--built] [--products N] [--node-flags="..."]
//   the node arguments are those of `pnpm start`, or with --built of `pnpm start:dist` (pnpm build:dist first)
import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createServer } from "node:net";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { createDb } from "@shop/db";
import { createTestDatabase, ensureTemplateDatabase } from "@shop/testing";
import { seedCatalog } from "../src/seed/seed.ts";

const { values } = parseArgs({
  options: {
    built: { type: "boolean", default: false },
    products: { type: "string", default: "1000" },
    "node-flags": { type: "string", default: "" },
  },
});
const CONNECTIONS = 50;
const DURATION_SECONDS = 10;
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const autocannonBin = createRequire(import.meta.url).resolve("autocannon/autocannon.js");

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

function load(path: string): Promise<{ requestsPerSecond: number; errors: number }> {
  const args = [autocannonBin, "--json", "-c", String(CONNECTIONS), "-d", String(DURATION_SECONDS), base + path];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "ignore"] });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk) => (out += chunk));
    child.on("error", reject);
    child.on("exit", () => {
      const report = JSON.parse(out);
      resolve({ requestsPerSecond: report.requests.average, errors: report.errors + report.non2xx });
    });
  });
}

async function waitForReady(server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    const ok = await fetch(`${base}/health/ready`).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("server not ready in 120 s");
}

const root = new URL("../../../", import.meta.url).pathname;
await ensureTemplateDatabase();
const database = await createTestDatabase();
const db = createDb(database.url, { max: 2 });
const [product] = await seedCatalog(db, { products: Number(values.products), log: () => {} })
  .then(() => db.product.findMany({ select: { id: true }, take: 1, orderBy: { id: "desc" } }))
  .catch(async (error: unknown) => {
    await database.drop();
    throw error;
  })
  .finally(() => db.$disconnect());

// The node arguments of `pnpm start` (or `pnpm start:dist`), read from the root package.json.
const scripts = JSON.parse(await readFile(`${root}package.json`, "utf8")).scripts as Record<string, string>;
const startScript = scripts[values.built ? "start:dist" : "start"]!;
const startArgs = startScript
  .slice(startScript.lastIndexOf("node ") + "node ".length)
  .split(" ")
  .filter(Boolean);
const command = [...values["node-flags"].split(" ").filter(Boolean), ...startArgs];
const server = spawn(process.execPath, command, {
  cwd: root,
  stdio: ["ignore", "ignore", "inherit"],
  env: {
    ...process.env,
    PAYMENT_PROVIDER: "simulated",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_URL: database.url,
    REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379/9",
    AUTH_SECRET: "bench-secret-that-is-at-least-32-characters",
    PAYMENT_WEBHOOK_SECRET: "bench-webhook-secret-at-least-32-characters",
    WORKER_IN_PROCESS: "true",
    LOG_LEVEL: "warn",
    DATA_DIR: `/tmp/shop-memory-bench-${process.pid}`,
  },
});
try {
  await waitForReady(server);
  const rows: [string, number, string][] = [["after start", await rssMb(server.pid!), ""]];
  const scenarios: [string, string][] = [
    ["after list load", "/api/products/?page_size=20"],
    ["after detail load", `/api/products/${product!.id}/`],
    ["after search load", "/api/search/?type=product&q=silk%20scarf"],
  ];
  for (const [label, path] of scenarios) {
    const result = await load(path);
    rows.push([label, await rssMb(server.pid!), `${result.requestsPerSecond.toFixed(0)} req/s, ${result.errors} errors`]);
  }
  console.log(
    `server: node ${command.join(" ")} (worker in-process), ${values.products} products, ${CONNECTIONS} connections, ${DURATION_SECONDS} s per load`,
  );
  for (const [label, mb, note] of rows) console.log(`RSS ${label.padEnd(18)} ${mb.toFixed(0).padStart(4)} MB  ${note}`);
} finally {
  if (server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
  await database.drop();
}

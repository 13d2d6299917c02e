import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, eventually, type TestDatabase } from "@shop/testing";
import { freePort } from "@shop/db/embedded";

const serverDir = path.resolve(import.meta.dirname, "..");
const repoRoot = path.resolve(serverDir, "../..");

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Servers still running when a test ends (it failed half-way) are stopped, so they hold no data dir or port. */
const running = new Set<Started>();
afterEach(async () => {
  await Promise.all([...running].map((started) => stopGracefully(started)));
});

function startServer(env: Record<string, string>, how: "node" | "pnpm start" = "node"): Started {
  const { DATABASE_URL: _ignored, HOST: _host, ...inherited } = process.env;
  const [command, args, cwd] =
    how === "node" ? [process.execPath, ["--import", "tsx", "src/main.ts"], serverDir] : ["pnpm", ["start"], repoRoot];
  const child = spawn(command, args, {
    cwd,
    env: { ...inherited, NODE_ENV: "development", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, as in a terminal, for Ctrl+C
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const started = { child, output: () => output, exited };
  running.add(started);
  void exited.then(() => running.delete(started));
  return started;
}

function waitUntilReady(port: number, started: Started): Promise<unknown> {
  return eventually(
    async () => {
      if (started.child.exitCode !== null) throw new Error(`server exited early:\n${started.output()}`);
      return (
        (await fetch(`http://127.0.0.1:${port}/health/ready`).then(
          (res) => res.status,
          () => 0,
        )) === 200
      );
    },
    { what: "/health/ready", timeoutMs: 60_000, intervalMs: 200, detail: started.output },
  );
}

async function stopGracefully(started: Started, signal: NodeJS.Signals | "Ctrl+C" = "SIGTERM"): Promise<number | null> {
  // Ctrl+C in a terminal sends SIGINT to the whole foreground process group.
  if (signal === "Ctrl+C") process.kill(-started.child.pid!, "SIGINT");
  else started.child.kill(signal);
  return started.exited;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The process ids of the run: the child, its descendants, and the embedded postmaster. */
function processesOf(started: Started, dataDir: string): number[] {
  const all = execFileSync("ps", ["-e", "-o", "pid=,ppid="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  const found = [started.child.pid!];
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of all) {
      if (found.includes(ppid) && !found.includes(pid)) {
        found.push(pid);
        grew = true;
      }
    }
  }
  const postmasterPid = path.join(dataDir, "pg", "postmaster.pid");
  if (existsSync(postmasterPid)) found.push(Number(readFileSync(postmasterPid, "utf8").split("\n")[0]));
  return [...new Set(found)];
}

/** This machine's first non-loopback IPv4 address, to tell 127.0.0.1 from 0.0.0.0. */
function externalAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((address) => address && address.family === "IPv4" && !address.internal)?.address;
}

async function answersOn(address: string, port: number): Promise<boolean> {
  return fetch(`http://${address}:${port}/health/live`).then(
    () => true,
    () => false,
  );
}

let dataDir: string;
let database: TestDatabase;

beforeAll(async () => {
  // The embedded PostgreSQL runs as the `postgres` user, which must traverse into DATA_DIR.
  dataDir = await mkdtemp(path.join(tmpdir(), "shop-start-"));
  await chmod(dataDir, 0o755);
  database = await createTestDatabase();
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await database.drop();
});

describe("the server process", () => {
  it("`pnpm start` on an embedded PostgreSQL, three times, with the banner, on 127.0.0.1; SIGTERM or SIGINT to pnpm, or Ctrl+C, stops every process of the run", async () => {
    for (const signal of ["SIGTERM", "SIGINT", "Ctrl+C"] as const) {
      const port = await freePort();
      const started = startServer({ PORT: String(port), DATA_DIR: dataDir }, "pnpm start");
      await waitUntilReady(port, started);
      const ready = await (await fetch(`http://127.0.0.1:${port}/health/ready`)).json();
      expect(ready, signal).toEqual({ status: "ok", checks: { database: "ok" } });
      // The banner follows the in-process worker's start, a moment after the port opens.
      await eventually(() => started.output().includes("Stop:    Ctrl+C"), { what: "the banner", detail: started.output });
      expect(started.output()).toContain(`Docs:    http://localhost:${port}/api/docs/`);
      expect(started.output()).toMatch(/Demo sellers: +atelier_nova, maison_lumen, verde_home \(password demo-Seller-2026\)/);
      expect(started.output()).toMatch(/Demo customers: +demo_ada, .*\(password demo-Customer-2026\)/);
      expect(started.output()).toContain(`Emails:  written to ${path.join(dataDir, "outbox")}/`);
      const external = externalAddress();
      if (external) expect(await answersOn(external, port), "HOST defaults to 127.0.0.1").toBe(false);

      const processes = processesOf(started, dataDir);
      expect(processes.length, "pnpm, node and postgres").toBeGreaterThanOrEqual(3);
      expect(await stopGracefully(started, signal), `${signal}:\n${started.output()}`).toBe(0);
      await eventually(() => !processes.some(isAlive), {
        what: `${signal}: every process to end`,
        detail: () => `survivors ${processes.filter(isAlive)}`,
      });
      expect(started.output(), `${signal}: quietly`).not.toMatch(/error|ELIFECYCLE/i);
    }
  }, 150_000); // three starts, the first with initdb, the demo seed and its search index

  it("uses DATABASE_URL when set: no demo accounts in the banner, and HOST defaults to 0.0.0.0", async () => {
    const port = await freePort();
    const started = startServer({ PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: database.url });
    await waitUntilReady(port, started);
    expect(started.output()).toContain("Shop Luxe API is listening on 0.0.0.0:");
    expect(started.output()).not.toContain("Demo sellers");
    const external = externalAddress();
    if (external) expect(await answersOn(external, port)).toBe(true);
    expect(await stopGracefully(started)).toBe(0);
  });

  it("a busy port is one line and exit code 1, and the embedded PostgreSQL stops with it", async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const started = startServer({ PORT: String(port), DATA_DIR: dataDir });
      expect(await started.exited).toBe(1);
      expect(started.output().trim()).toBe(
        `Port ${port} is already in use on 127.0.0.1: stop the other server or set PORT to a free port.`,
      );
      expect(existsSync(path.join(dataDir, "pg", "postmaster.pid")), "postgres stopped").toBe(false);
    } finally {
      busy.close();
    }
  }, 60_000);

  it("production: no PAYMENT_PROVIDER stops start-up with one line; PAYMENT_PROVIDER=simulated starts with a warning", async () => {
    const production = {
      NODE_ENV: "production",
      DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      AUTH_SECRET: "a".repeat(40),
      PAYMENT_WEBHOOK_SECRET: "b".repeat(40),
    };
    const refused = startServer({ ...production, PORT: String(await freePort()) });
    expect(await refused.exited).toBe(1);
    expect(refused.output().trim()).toMatch(/^Configuration error: PAYMENT_PROVIDER is required in production: [^\n]+$/);

    const port = await freePort();
    const started = startServer({ ...production, PORT: String(port), PAYMENT_PROVIDER: "simulated" });
    await waitUntilReady(port, started);
    expect(started.output()).toContain("PAYMENT_PROVIDER=simulated in production");
    expect(await stopGracefully(started)).toBe(0);
  });

  it("refuses to start on a malformed setting, naming it in one line", async () => {
    const started = startServer({ PORT: "eighty", DATA_DIR: dataDir });
    expect(await started.exited).toBe(1);
    expect(started.output().trim()).toMatch(/^Configuration error: PORT is invalid: .+$/);
  });
});

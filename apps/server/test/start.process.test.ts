import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@shop/testing";
import { freePort } from "@shop/db/embedded";

const serverDir = path.resolve(import.meta.dirname, "..");

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startServer(env: Record<string, string>): Started {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: serverDir,
    env: { ...inherited, NODE_ENV: "development", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitUntilReady(port: number, started: Started, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) throw new Error(`server exited early:\n${started.output()}`);
    const status = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
      (res) => res.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`not ready after ${timeoutMs} ms:\n${started.output()}`);
}

async function stopGracefully(started: Started): Promise<number | null> {
  started.child.kill("SIGTERM");
  return started.exited;
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
  it("starts on an embedded PostgreSQL with no DATABASE_URL, twice, and stops cleanly on SIGTERM", async () => {
    for (const round of ["first start", "second start"]) {
      const port = await freePort();
      const started = startServer({ PORT: String(port), DATA_DIR: dataDir });
      await waitUntilReady(port, started);
      const ready = await (await fetch(`http://127.0.0.1:${port}/health/ready`)).json();
      expect(ready, round).toEqual({ status: "ok", checks: { database: "ok" } });
      expect(await stopGracefully(started), `${round}:\n${started.output()}`).toBe(0);
    }
  }, 120_000); // two starts, the first with initdb, the demo seed and its search index

  it("uses DATABASE_URL when set", async () => {
    const port = await freePort();
    const started = startServer({ PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: database.url });
    await waitUntilReady(port, started);
    expect(await stopGracefully(started)).toBe(0);
  });

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

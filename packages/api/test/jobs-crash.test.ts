import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, eventually, type TestDatabase } from "@shop/testing";
import { startWorker, type Worker } from "../src/index.ts";
import { CREATE_JOB_RUNS, recordingTaskList } from "./fixtures/recording-tasks.ts";

const silent = { info() {}, warn() {}, error() {} };
// Short on purpose (production: 5 s / 30 s / 15 s), so recovery takes seconds here.
const liveness = { heartbeatIntervalMs: 250, staleAfterMs: 3_000, sweepIntervalMs: 250 };

let database: TestDatabase;
let db: pg.Pool;
let child: ChildProcess | undefined;
let worker: Worker | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  db = new pg.Pool({ connectionString: database.url, max: 2 });
  await db.query(CREATE_JOB_RUNS);
});

afterEach(async () => {
  child?.kill("SIGKILL");
  child = undefined;
  await worker?.stop();
  worker = undefined;
  await db.query("truncate job_runs; delete from graphile_worker._private_jobs; delete from worker_heartbeats");
});

afterAll(async () => {
  await db.end();
  await database.drop();
});

const count = async (sql: string, values: unknown[] = []) => (await db.query<{ n: number }>(sql, values)).rows[0]!.n;
const queuedJobs = () => count("select count(*)::int as n from graphile_worker._private_jobs");
const finishedMarks = () => count("select count(distinct mark)::int as n from job_runs where event = 'finished'");

async function enqueueRuns(marks: string[]): Promise<void> {
  await db.query("select graphile_worker.add_job('record_run', json_build_object('mark', m)) from unnest($1::text[]) as m", [
    marks,
  ]);
}

/** Jobs as a worker pool leaves them while it runs them; locked in the enqueuing transaction, so no worker takes them first. */
async function enqueueLocked(marks: string[], lockedBy: string, lockedAgo: string): Promise<void> {
  const client = await db.connect();
  try {
    await client.query("begin");
    const { rows } = await client.query<{ id: string }>(
      "select (graphile_worker.add_job('record_run', json_build_object('mark', m))).id from unnest($1::text[]) as m",
      [marks],
    );
    await client.query(
      `update graphile_worker._private_jobs set locked_by = $1, locked_at = now() - $2::interval, attempts = 1
       where id = any($3::bigint[])`,
      [lockedBy, lockedAgo, rows.map((row) => row.id)],
    );
    await client.query("commit");
  } finally {
    client.release();
  }
}

function startCrashWorker(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const started = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "fixtures/crash-worker.ts")], {
    cwd: path.resolve(import.meta.dirname, ".."),
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  started.stdout!.on("data", (chunk) => (output += chunk));
  started.stderr!.on("data", (chunk) => (output += chunk));
  return { child: started, output: () => output };
}

describe("crash recovery of jobs", () => {
  it("runs again, on another worker, the jobs of a worker killed with SIGKILL mid-job; none is lost", async () => {
    // A burst of 10 jobs; the separate worker takes 4 and is still inside them when it dies.
    const marks = Array.from({ length: 10 }, (_, i) => `registration-${i + 1}`);
    await enqueueRuns(marks);
    expect(await queuedJobs()).toBe(10);

    const crashing = startCrashWorker({
      DATABASE_URL: database.url,
      HOLD_MS: "600000",
      CONCURRENCY: "4",
      HEARTBEAT_MS: String(liveness.heartbeatIntervalMs),
      STALE_AFTER_MS: String(liveness.staleAfterMs),
      SWEEP_MS: String(liveness.sweepIntervalMs),
    });
    child = crashing.child;
    const childPid = child.pid!;
    const startedInChild = () =>
      count("select count(*)::int as n from job_runs where event = 'started' and pid = $1", [childPid]);
    await eventually(async () => (await startedInChild()) === 4, {
      timeoutMs: 30_000,
      what: "4 jobs started in the child",
      detail: crashing.output,
    });
    const { rows: held } = await db.query<{ mark: string; locked_by: string }>(
      "select payload->>'mark' as mark, locked_by from graphile_worker._private_jobs where locked_by is not null",
    );
    expect(held).toHaveLength(4);
    const childPool = held[0]!.locked_by;
    expect(new Set(held.map((job) => job.locked_by))).toEqual(new Set([childPool]));
    expect(
      await count("select count(*)::int as n from worker_heartbeats where worker_id = $1 and pid = $2", [childPool, childPid]),
    ).toBe(1);

    // A second worker (the server's in-process one, the same startWorker) runs the other 6...
    worker = await startWorker({ connectionString: database.url, taskList: recordingTaskList(0), logger: silent, liveness });
    await eventually(async () => (await finishedMarks()) === 6, { timeoutMs: 30_000, what: "the 6 free jobs" });
    // ...and leaves the live child's jobs alone while its sweeper runs past the stale threshold.
    await eventually(
      async () =>
        (await count(
          "select count(*)::int as n from graphile_worker._private_jobs where locked_by = $1 and locked_at < now() - make_interval(secs => $2)",
          [childPool, (2 * liveness.staleAfterMs) / 1000],
        )) === 4,
      { timeoutMs: 30_000, what: "the child's jobs to be held for twice the stale threshold" },
    );
    expect(
      await count("select count(*)::int as n from job_runs where event = 'finished' and mark = any($1)", [
        held.map((job) => job.mark),
      ]),
    ).toBe(0);

    const exited = new Promise((resolve) => child!.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
    const killedAt = Date.now();
    expect(await queuedJobs()).toBe(4);

    await eventually(async () => (await finishedMarks()) === 10, {
      timeoutMs: 60_000,
      what: "the killed worker's jobs to run again",
    });
    const recoveryMs = Date.now() - killedAt;
    console.info(`crash recovery: the 4 interrupted jobs completed ${recoveryMs} ms after SIGKILL`);
    expect(recoveryMs).toBeLessThan(60_000);

    // Nothing lost, nothing left: every enqueued job finished exactly once, the queue is empty.
    expect(await queuedJobs()).toBe(0);
    const { rows: finished } = await db.query<{ mark: string; pid: number }>(
      "select mark, pid from job_runs where event = 'finished' order by mark",
    );
    expect(finished.map((run) => run.mark)).toEqual([...marks].sort());
    expect(new Set(finished.map((run) => run.pid))).toEqual(new Set([process.pid]));
    expect(await count("select count(*)::int as n from job_runs where event = 'started' and pid = $1", [process.pid])).toBe(10);
    expect(await count("select count(*)::int as n from worker_heartbeats where worker_id = $1", [childPool])).toBe(0);
  }, 90_000);

  it("a worker starting after a crash runs the jobs a dead process left locked", async () => {
    // A process that died holding a job (no heartbeat: it died before its first beat, or ran
    // older code), and a lock taken a moment ago by a pool whose first beat has not landed yet.
    await enqueueLocked(["left-by-dead-worker"], "pool-dead", "10 minutes");
    await enqueueLocked(["locked-just-now"], "pool-starting", "0 seconds");

    const sweeps = { heartbeatIntervalMs: 1_000, staleAfterMs: 60_000, sweepIntervalMs: 60_000 };
    worker = await startWorker({
      connectionString: database.url,
      taskList: recordingTaskList(0),
      logger: silent,
      liveness: sweeps,
    });
    await eventually(async () => (await finishedMarks()) === 1, { timeoutMs: 10_000, what: "the dead worker's job to run" });

    expect((await db.query("select mark from job_runs where event = 'finished'")).rows).toEqual([
      { mark: "left-by-dead-worker" },
    ]);
    expect(await worker.liveness.sweep()).toEqual([]);
    expect(await count("select count(*)::int as n from graphile_worker._private_jobs where locked_by = 'pool-starting'")).toBe(1);
  });

  it("unlocks the jobs of a pool whose heartbeat went stale, keeps those of a fresh one", async () => {
    worker = await startWorker({
      connectionString: database.url,
      taskList: recordingTaskList(0),
      logger: silent,
      liveness: { heartbeatIntervalMs: 1_000, staleAfterMs: 30_000, sweepIntervalMs: 60_000 },
    });
    await db.query(`insert into worker_heartbeats (worker_id, host, pid, seen_at) values
      ('pool-stale', 'elsewhere', 1, now() - interval '31 seconds'), ('pool-fresh', 'elsewhere', 2, now() - interval '5 seconds')`);
    // Locked just now: the heartbeat, not the lock's age, says the stale pool is dead.
    await enqueueLocked(["stale-pool-job"], "pool-stale", "0 seconds");
    await enqueueLocked(["fresh-pool-job"], "pool-fresh", "0 seconds");

    expect(await worker.liveness.sweep()).toEqual(["pool-stale"]);
    await eventually(async () => (await finishedMarks()) === 1, { timeoutMs: 10_000, what: "the stale pool's job to run" });
    expect((await db.query("select mark from job_runs where event = 'finished'")).rows).toEqual([{ mark: "stale-pool-job" }]);
    expect(
      (await db.query("select worker_id from worker_heartbeats where worker_id like 'pool-%' and host = 'elsewhere'")).rows,
    ).toEqual([{ worker_id: "pool-fresh" }]);
  });
});

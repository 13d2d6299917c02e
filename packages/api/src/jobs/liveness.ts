import { hostname } from "node:os";
import type pg from "pg";
import type { WorkerEvents } from "graphile-worker";
import type { Logger } from "../context.ts";

export interface LivenessOptions {
  /** How often each worker pool records that it is alive. Default 5 s. */
  heartbeatIntervalMs?: number;
  /** A pool not seen for this long is dead: its jobs are unlocked. Default 30 s; must exceed every worker's heartbeat interval. */
  staleAfterMs?: number;
  /** How often every worker looks for dead pools (startWorker also sweeps once before it starts). Default 15 s. */
  sweepIntervalMs?: number;
}

export const LIVENESS_DEFAULTS: Required<LivenessOptions> = {
  heartbeatIntervalMs: 5_000,
  staleAfterMs: 30_000,
  sweepIntervalMs: 15_000,
};

export interface Liveness {
  /** Unlocks the jobs of dead pools now; returns the pools it found dead. */
  sweep(): Promise<string[]>;
  /** Stops both loops and removes this process's heartbeats (its jobs are finished or released by then). */
  stop(): Promise<void>;
}

// Any constant: sweepers take turns, so a crash is reported (and notified) once.
const SWEEP_LOCK = 724_101;

/**
 * Crash recovery for graphile-worker. It locks a job with its pool's id (`locked_by`) and,
 * if that process dies, leaves it locked for 4 hours. Every pool here writes a heartbeat
 * row keyed by that id; every worker sweeps: the jobs of pools whose heartbeat is stale
 * are unlocked (graphile-worker's `force_unlock_workers`, what `WorkerUtils.forceUnlockWorkers`
 * runs) and the pools are told to look for work. All times are the database's clock.
 */
export function startLiveness(pool: pg.Pool, events: WorkerEvents, logger: Logger, options: LivenessOptions = {}): Liveness {
  const { heartbeatIntervalMs, staleAfterMs, sweepIntervalMs } = { ...LIVENESS_DEFAULTS, ...options };
  if (staleAfterMs < 2 * heartbeatIntervalMs) {
    throw new Error(`staleAfterMs (${staleAfterMs}) must be at least twice heartbeatIntervalMs (${heartbeatIntervalMs})`);
  }
  const poolIds = new Set<string>();
  const host = hostname();

  async function beat(): Promise<void> {
    if (poolIds.size === 0) return;
    // An upsert, so a pool wrongly swept as dead (a long pause) is alive again at its next beat.
    await pool.query(
      `insert into worker_heartbeats (worker_id, host, pid)
       select unnest($1::text[]), $2, $3
       on conflict (worker_id) do update set seen_at = now()`,
      [[...poolIds], host, process.pid],
    );
  }

  async function sweep(): Promise<string[]> {
    const client = await pool.connect();
    try {
      await client.query("begin");
      // A sweeper stuck holding the lock (a half-open connection) must not stall the others for long.
      await client.query("set local lock_timeout = '10s'");
      await client.query("select pg_advisory_xact_lock($1)", [SWEEP_LOCK]);
      // Dead: a locker with a stale heartbeat, or with none at all (a process that died before
      // its first beat, or older code) once its lock is older than the threshold.
      const { rows: dead } = await client.query<{ worker_id: string; jobs: number }>(
        `with lockers as (
           select locked_by, locked_at from graphile_worker._private_jobs where locked_by is not null
           union all
           select locked_by, locked_at from graphile_worker._private_job_queues where locked_by is not null)
         select l.locked_by as worker_id, count(*)::int as jobs
         from lockers l left join worker_heartbeats h on h.worker_id = l.locked_by
         where case when h.worker_id is null then l.locked_at < now() - make_interval(secs => $1)
                    else h.seen_at < now() - make_interval(secs => $1) end
         group by l.locked_by`,
        [staleAfterMs / 1000],
      );
      if (dead.length > 0) {
        const ids = dead.map((row) => row.worker_id);
        await client.query("select graphile_worker.force_unlock_workers($1::text[])", [ids]);
        // What add_job sends: idle pools pick the jobs up now rather than at their next poll.
        const count = dead.reduce((sum, row) => sum + row.jobs, 0);
        await client.query(`select pg_notify('jobs:insert', json_build_object('count', $1::int)::text)`, [count]);
      }
      await client.query("delete from worker_heartbeats where seen_at < now() - make_interval(secs => $1)", [
        staleAfterMs / 1000,
      ]);
      await client.query("commit");
      if (dead.length > 0) logger.warn({ deadWorkers: dead }, "unlocked the jobs of crashed workers");
      return dead.map((row) => row.worker_id);
    } catch (error) {
      await client.query("rollback").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  let stopped = false;
  const running = new Set<Promise<unknown>>();
  const timers = new Set<NodeJS.Timeout>();
  // Each run is scheduled after the previous one ends, so a slow database never piles them up.
  function loop(name: string, work: () => Promise<unknown>, intervalMs: number, delayMs: number): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (stopped) return;
      const run = work()
        .catch((error: unknown) => logger.warn({ err: error }, `worker ${name} failed`))
        .finally(() => {
          running.delete(run);
          if (!stopped) loop(name, work, intervalMs, intervalMs);
        });
      running.add(run);
    }, delayMs);
    timer.unref();
    timers.add(timer);
  }

  events.on("pool:create", ({ workerPool }) => {
    poolIds.add(workerPool.id);
    // The first beat right away: until it lands, only the lock age protects this pool's jobs.
    const first = beat().catch((error: unknown) => logger.warn({ err: error }, "worker heartbeat failed"));
    running.add(first);
    void first.finally(() => running.delete(first));
  });
  loop("heartbeat", beat, heartbeatIntervalMs, heartbeatIntervalMs);
  loop("sweep", sweep, sweepIntervalMs, sweepIntervalMs);

  return {
    sweep,
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      await Promise.allSettled(running);
      if (poolIds.size > 0) {
        await pool.query("delete from worker_heartbeats where worker_id = any($1::text[])", [[...poolIds]]);
      }
    },
  };
}

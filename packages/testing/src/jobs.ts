import type { PrismaClient } from "@shop/db";

// graphile-worker keeps its schedule (run_at, retry back-off) on the database's clock, so a
// test does not wait for a job's time to come: it moves the job's run_at to now().

/** Queued jobs of task $1 (any task when null) whose payload contains $2. */
const MATCHING = `
  from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
  where ($1::text is null or t.identifier = $1) and j.payload::jsonb @> $2::jsonb`;

/** How many such jobs are still queued (waiting, running or waiting for a retry). */
export async function queuedJobs(db: PrismaClient, task: string | null = null, payload: object = {}): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ n: number }[]>(`select count(*)::int as n ${MATCHING}`, task, JSON.stringify(payload));
  return row!.n;
}

/** How many such jobs failed an attempt and now wait for their retry. */
export async function retryingJobs(db: PrismaClient, task: string | null = null, payload: object = {}): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ n: number }[]>(
    `select count(*)::int as n ${MATCHING} and j.last_error is not null and j.locked_at is null and j.attempts < j.max_attempts`,
    task,
    JSON.stringify(payload),
  );
  return row!.n;
}

/** Makes such jobs due now (a scheduled time or a retry's back-off skipped) and wakes the workers; returns how many. */
export async function runJobsNow(db: PrismaClient, task: string | null = null, payload: object = {}): Promise<number> {
  const moved = await db.$executeRawUnsafe(
    `update graphile_worker._private_jobs set run_at = now()
     where id in (select j.id ${MATCHING} and j.locked_at is null)`,
    task,
    JSON.stringify(payload),
  );
  await db.$executeRawUnsafe(`select pg_notify('jobs:insert', json_build_object('count', $1::int)::text)`, moved);
  return moved;
}

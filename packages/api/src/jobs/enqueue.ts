import type { Tx } from "@shop/db";
import type { TaskName, TaskPayloads } from "./payloads.ts";

export interface EnqueueOptions {
  /** Jobs with the same key collapse into one (a burst of edits indexes once). */
  jobKey?: string;
  runAt?: Date;
  maxAttempts?: number;
}

/**
 * Adds a graphile-worker job on the caller's connection, so it commits or rolls back with
 * the caller's transaction: never lost, never run for a change that did not happen.
 */
export async function enqueueJob<N extends TaskName>(
  tx: Tx,
  task: N,
  payload: TaskPayloads[N],
  options: EnqueueOptions = {},
): Promise<void> {
  await tx.$executeRaw`
    select graphile_worker.add_job(
      ${task}::text,
      ${JSON.stringify(payload)}::json,
      run_at => ${options.runAt ?? null}::timestamptz,
      max_attempts => ${options.maxAttempts ?? null}::int,
      job_key => ${options.jobKey ?? null}::text
    )`;
}

export interface JobSpec<N extends TaskName = TaskName> {
  task: N;
  payload: TaskPayloads[N];
  options?: EnqueueOptions;
}

/** Several jobs in one statement (graphile-worker's add_jobs), in the caller's transaction. Job keys must differ. */
export async function enqueueJobs(tx: Tx, jobs: JobSpec[]): Promise<void> {
  if (jobs.length === 0) return;
  const specs = jobs.map(({ task, payload, options = {} }) => ({
    identifier: task,
    payload,
    run_at: options.runAt ?? null,
    max_attempts: options.maxAttempts ?? null,
    job_key: options.jobKey ?? null,
  }));
  await tx.$executeRaw`
    select 1 from graphile_worker.add_jobs(array(
      select row(identifier, payload, null, run_at, max_attempts, job_key, null, null)::graphile_worker.job_spec
      from json_to_recordset(${JSON.stringify(specs)}::json)
        as spec(identifier text, payload json, run_at timestamptz, max_attempts int, job_key text)))`;
}

import type { Tx } from "@shop/db";
import type { TaskName, TaskPayloads } from "./tasks.ts";

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

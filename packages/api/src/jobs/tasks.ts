import type { Task, TaskList } from "graphile-worker";
import { sendPasswordResetEmail, sendVerificationEmail } from "../auth/service.ts";
import type { Deps } from "../context.ts";
import type { MailMessage } from "../mail/mailer.ts";

/** Each task's payload. A task that throws is retried by graphile-worker with backoff. */
export interface TaskPayloads {
  send_email: MailMessage;
  send_verification_email: { userId: number };
  send_password_reset_email: { userId: number };
}

export type TaskName = keyof TaskPayloads;

type Handlers = { [N in TaskName]: (payload: TaskPayloads[N], deps: Deps) => Promise<void> };

const handlers: Handlers = {
  send_email: (message, deps) => deps.mailer.send(message),
  send_verification_email: ({ userId }, deps) => sendVerificationEmail(deps, userId),
  send_password_reset_email: ({ userId }, deps) => sendPasswordResetEmail(deps, userId),
};

/** The task list every worker runs (apps/worker, or in-process in the server). */
export function createTaskList(deps: Deps): TaskList {
  const list: Record<string, Task> = {};
  for (const name of Object.keys(handlers) as TaskName[]) {
    const handler = handlers[name] as (payload: unknown, deps: Deps) => Promise<void>;
    list[name] = (payload) => handler(payload, deps);
  }
  return list;
}

import type { Task, TaskList } from "graphile-worker";
import type { Deps } from "../context.ts";
import type { MailMessage } from "../mail/mailer.ts";

/** Each task's payload. A task that throws is retried by graphile-worker with backoff. */
export interface TaskPayloads {
  send_email: MailMessage;
}

export type TaskName = keyof TaskPayloads;

type Handlers = { [N in TaskName]: (payload: TaskPayloads[N], deps: Deps) => Promise<void> };

const handlers: Handlers = {
  send_email: (message, deps) => deps.mailer.send(message),
};

/** The task list every worker runs (apps/worker, or in-process in the server). */
export function createTaskList(deps: Deps): TaskList {
  const list: Record<string, Task> = {};
  for (const name of Object.keys(handlers) as TaskName[]) {
    list[name] = (payload) => handlers[name](payload as TaskPayloads[typeof name], deps);
  }
  return list;
}

import type { Task, TaskList } from "graphile-worker";
import { sendSellerWelcomeEmail } from "../admin/service.ts";
import { sendPasswordResetEmail, sendVerificationEmail } from "../auth/service.ts";
import type { Deps } from "../context.ts";
import { syncCategoryIndex, syncProductIndex } from "../search/sync.ts";
import { sendOrderConfirmation } from "../orders/emails.ts";
import { expireOrder, expireUnpaidOrders } from "../orders/expiry.ts";
import { sendPaymentReceipt } from "../payments/emails.ts";
import type { MailMessage } from "../mail/mailer.ts";

/** Each task's payload. A task that throws is retried by graphile-worker with backoff. */
export interface TaskPayloads {
  send_email: MailMessage;
  send_verification_email: { userId: number };
  send_password_reset_email: { userId: number };
  send_seller_welcome_email: { userId: number };
  index_product: { productId: number };
  index_category: { categoryId: number };
  send_order_confirmation: { orderId: number };
  expire_order: { orderId: number };
  expire_unpaid_orders: Record<string, never>;
  send_payment_receipt: { paymentId: string };
}

export type TaskName = keyof TaskPayloads;

type Handlers = { [N in TaskName]: (payload: TaskPayloads[N], deps: Deps) => Promise<void> };

const handlers: Handlers = {
  send_email: (message, deps) => deps.mailer.send(message),
  send_verification_email: ({ userId }, deps) => sendVerificationEmail(deps, userId),
  send_password_reset_email: ({ userId }, deps) => sendPasswordResetEmail(deps, userId),
  send_seller_welcome_email: ({ userId }, deps) => sendSellerWelcomeEmail(deps, userId),
  index_product: ({ productId }, deps) => syncProductIndex(deps, productId),
  index_category: ({ categoryId }, deps) => syncCategoryIndex(deps, categoryId),
  send_order_confirmation: ({ orderId }, deps) => sendOrderConfirmation(deps, orderId),
  expire_order: async ({ orderId }, deps) => void (await expireOrder(deps, orderId)),
  expire_unpaid_orders: async (_payload, deps) => void (await expireUnpaidOrders(deps)),
  send_payment_receipt: ({ paymentId }, deps) => sendPaymentReceipt(deps, paymentId),
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

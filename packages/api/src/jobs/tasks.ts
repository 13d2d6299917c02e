import type { Task, TaskList } from "graphile-worker";
import { sendSellerWelcomeEmail } from "../admin/service.ts";
import { sendEmailChangeConfirmation, sendEmailChangeNotice } from "../auth/email-change.ts";
import { sendPasswordResetEmail, sendVerificationEmail } from "../auth/service.ts";
import { createContext, type Context, type Deps } from "../context.ts";
import { syncCategoryIndex, syncProductIndex } from "../search/sync.ts";
import { sendOrderConfirmation } from "../orders/emails.ts";
import { expireOrder, expireUnpaidOrders } from "../orders/expiry.ts";
import { sendPaymentReceipt, sendRefundEmail } from "../payments/emails.ts";
import { refundPayment } from "../payments/refunds.ts";
import type { TaskName, TaskPayloads } from "./payloads.ts";

type Handlers = { [N in TaskName]: (ctx: Context, payload: TaskPayloads[N]) => Promise<void> };

/** What each task does. A task that throws is retried by graphile-worker with backoff. */
const handlers: Handlers = {
  send_email: (ctx, message) => ctx.mailer.send(message),
  send_verification_email: (ctx, { userId }) => sendVerificationEmail(ctx, userId),
  send_password_reset_email: (ctx, { userId }) => sendPasswordResetEmail(ctx, userId),
  send_email_change_confirmation: (ctx, payload) => sendEmailChangeConfirmation(ctx, payload),
  send_email_change_notice: (ctx, payload) => sendEmailChangeNotice(ctx, payload),
  send_seller_welcome_email: (ctx, { userId }) => sendSellerWelcomeEmail(ctx, userId),
  index_product: (ctx, { productId }) => syncProductIndex(ctx, productId),
  index_category: (ctx, { categoryId }) => syncCategoryIndex(ctx, categoryId),
  send_order_confirmation: (ctx, { orderId }) => sendOrderConfirmation(ctx, orderId),
  expire_order: async (ctx, { orderId }) => void (await expireOrder(ctx, orderId)),
  expire_unpaid_orders: async (ctx) => void (await expireUnpaidOrders(ctx)),
  send_payment_receipt: (ctx, { paymentId }) => sendPaymentReceipt(ctx, paymentId),
  send_refund_email: (ctx, { paymentId }) => sendRefundEmail(ctx, paymentId),
  refund_payment: (ctx, { paymentId }) => refundPayment(ctx, paymentId),
};

/** The task list every worker runs (apps/worker, or in-process in the server); each job gets a context of its own. */
export function createTaskList(deps: Deps): TaskList {
  const list: Record<string, Task> = {};
  for (const name of Object.keys(handlers) as TaskName[]) {
    const handler = handlers[name] as (ctx: Context, payload: unknown) => Promise<void>;
    list[name] = async (payload) => handler(await createContext(deps, { ip: "worker", user: null }), payload);
  }
  return list;
}

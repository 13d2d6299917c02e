import type { MailMessage } from "../mail/mailer.ts";

/**
 * Each job's payload, by task name. A leaf module: services enqueue jobs through enqueue.ts
 * without importing the task list (which imports the services).
 */
export interface TaskPayloads {
  send_email: MailMessage;
  send_verification_email: { userId: number };
  send_password_reset_email: { userId: number };
  send_email_change_confirmation: { userId: number; email: string };
  send_email_change_notice: { userId: number; oldEmail: string; newEmail: string };
  send_seller_welcome_email: { userId: number };
  index_product: { productId: number };
  index_category: { categoryId: number };
  send_order_confirmation: { orderId: number };
  expire_order: { orderId: number };
  expire_unpaid_orders: Record<string, never>;
  send_payment_receipt: { paymentId: string };
  send_refund_email: { paymentId: string };
  refund_payment: { paymentId: string };
}

export type TaskName = keyof TaskPayloads;

import { escapeHtml } from "../shared/html.ts";
import type { PaymentOutcome } from "./service.ts";

export type ReturnPage = "return" | "cancelled";

function message(page: ReturnPage, outcome: PaymentOutcome): { title: string; text: string } {
  const order = `order #${outcome.orderId}`;
  if (outcome.status === "succeeded" && outcome.orderStatus === "paid")
    return { title: "Payment received", text: `Thank you: ${order} is paid. A receipt is on its way to your inbox.` };
  if (outcome.status === "succeeded")
    return {
      title: "Payment received",
      text: `We received your payment, but ${order} is ${outcome.orderStatus} and can no longer take it: the amount will be refunded.`,
    };
  if (outcome.status === "refunded") return { title: "Payment refunded", text: `Your payment for ${order} has been refunded.` };
  if (outcome.status === "failed")
    return { title: "Payment not completed", text: `No money was taken. You can pay ${order} again from your orders.` };
  if (outcome.reviewRequired)
    return { title: "Payment under review", text: `We are checking your payment for ${order}; we will email you.` };
  if (page === "cancelled")
    return {
      title: "Payment cancelled",
      text: `You left the checkout; nothing was charged. You can pay ${order} again from your orders.`,
    };
  return {
    title: "Confirming your payment",
    text: `Thank you. We are waiting for the payment provider to confirm ${order}; you will get a receipt by email.`,
  };
}

/** The small page a buyer lands on back from the provider's checkout (success_url, cancel_url). */
export function renderPaymentOutcomePage(page: ReturnPage, outcome: PaymentOutcome): string {
  const { title, text } = message(page, outcome);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Shop Luxe — ${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;text-align:center}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(text)}</p>
<p class="amount">Order #${outcome.orderId} · <strong>${escapeHtml(outcome.amount)}</strong></p>
</body>
</html>
`;
}

import { escapeHtml } from "../shared/html.ts";
import type { PaymentPage } from "./service.ts";

/** The simulated gateway's checkout page: the amount and two signed links. */
export function renderPaymentPage(page: PaymentPage): string {
  const done = page.status !== "initiated";
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Shop Luxe — simulated payment</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;text-align:center}
a.button{display:inline-block;margin:.5rem;padding:.75rem 2rem;border-radius:.4rem;color:#fff;text-decoration:none}
.pay{background:#1a7f37}.fail{background:#b42318}</style></head>
<body>
<h1>Simulated payment</h1>
<p>Order #${page.orderId}</p>
<p class="amount" style="font-size:2rem"><strong>${escapeHtml(page.amount)}</strong></p>
${done ? `<p>This payment is already ${escapeHtml(page.status)}.</p>` : ""}
<p><a class="button pay" href="${escapeHtml(page.payUrl)}">Pay</a>
<a class="button fail" href="${escapeHtml(page.failUrl)}">Fail</a></p>
</body>
</html>
`;
}

import path from "node:path";
import type { Env } from "@shop/runtime";
import { CUSTOMERS, DEMO_CUSTOMER_PASSWORD, DEMO_SELLER_PASSWORD, SELLERS } from "./seed/catalog-data.ts";

/** Where the mail goes, without the credentials an SMTP_URL may carry. */
function mailDestination(env: Env): string {
  if (!env.SMTP_URL) return `written to ${path.resolve(env.DATA_DIR, "outbox")}/ (a .txt beside each .eml holds the links)`;
  const smtp = new URL(env.SMTP_URL);
  return `sent to ${smtp.protocol}//${smtp.host}`;
}

/** The few human lines printed at start-up, beside the JSON logs: where the docs are, who to log in as, where emails go. */
export function startBanner(env: Env, publicUrl: string): string {
  const lines = [
    "",
    `Shop Luxe API is listening on ${env.HOST}:${env.PORT}`,
    `  Docs:    ${new URL("/api/docs/", publicUrl).href}`,
  ];
  if (!env.DATABASE_URL) {
    lines.push(
      `  Demo sellers:   ${SELLERS.map((seller) => seller.username).join(", ")} (password ${DEMO_SELLER_PASSWORD})`,
      `  Demo customers: ${CUSTOMERS.map((customer) => customer.username).join(", ")} (password ${DEMO_CUSTOMER_PASSWORD})`,
    );
  }
  lines.push(`  Emails:  ${mailDestination(env)}`, "  Stop:    Ctrl+C", "");
  return lines.join("\n");
}

import type { MailMessage } from "../mail/mailer.ts";
import { escapeHtml } from "../shared/html.ts";

export function sellerWelcomeEmail(to: string, username: string, publicUrl: string): MailMessage {
  const docs = `${publicUrl}/api/docs/`;
  return {
    to,
    subject: "Welcome to Shop Luxe as a seller",
    text:
      `Hello ${username},\n\nYour Shop Luxe account can now sell. Log in again to get a seller token, then create ` +
      `products with POST /api/products/create/ and add their images.\n\nThe API documentation: ${docs}\n`,
    html:
      `<p>Hello ${escapeHtml(username)},</p><p>Your Shop Luxe account can now sell. Log in again to get a seller token, ` +
      `then create products with <code>POST /api/products/create/</code> and add their images.</p>` +
      `<p>The API documentation: <a href="${escapeHtml(docs)}">${escapeHtml(docs)}</a></p>`,
  };
}

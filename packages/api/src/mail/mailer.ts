/** The outgoing mail port; adapters live beside it (SMTP, outbox folder). */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

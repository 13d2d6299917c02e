import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type { Logger } from "../context.ts";
import type { Mailer, MailMessage } from "./mailer.ts";

/** Delivers over SMTP_URL (e.g. smtp://127.0.0.1:2525). */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
  };
}

const LINK = /https?:\/\/[^\s"<>]+/g;

/**
 * With no SMTP server, each message becomes an .eml file in the outbox folder and its
 * links are logged, so a newcomer can still click the verification link. The .eml's
 * quoted-printable body folds lines at 76 characters (breaking long links), so the plain
 * text is also written unfolded beside it as a .txt file.
 */
export function outboxMailer(outboxDir: string, from: string, logger: Logger): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(message: MailMessage) {
      const { message: raw } = await transport.sendMail({ from, ...message });
      await mkdir(outboxDir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      const base = path.join(outboxDir, `${stamp}-${message.to.replace(/[^a-z0-9@.+_-]/gi, "_")}`);
      const file = `${base}.eml`;
      await writeFile(file, raw as Buffer);
      await writeFile(`${base}.txt`, `To: ${message.to}\nSubject: ${message.subject}\n\n${message.text}\n`);
      logger.info(
        { to: message.to, subject: message.subject, file, links: message.text.match(LINK) ?? [] },
        "email written to outbox",
      );
    },
  };
}

import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { eventually } from "./eventually.ts";

export interface TestSmtpServer {
  /** For SMTP_URL / smtpMailer, e.g. smtp://127.0.0.1:40123. */
  url: string;
  received: ParsedMail[];
  /** The next message to `to` not yet returned by this method, waiting for it if needed. */
  nextMessageTo(to: string, timeoutMs?: number): Promise<ParsedMail>;
  /** Makes the next `count` deliveries fail with a temporary SMTP error (451). */
  failNext(count: number): void;
  close(): Promise<void>;
}

/** A real SMTP server in the test process that keeps every message it receives. */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: ParsedMail[] = [];
  let failuresLeft = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      if (failuresLeft > 0) {
        failuresLeft--;
        stream.resume();
        stream.on("end", () => callback(Object.assign(new Error("Try again later"), { responseCode: 451 })));
        return;
      }
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as { port: number };
  const consumed = new Set<ParsedMail>();
  const addressedTo = (mail: ParsedMail, to: string) =>
    [mail.to ?? []].flat().some((address) => address.value.some((v) => v.address?.toLowerCase() === to.toLowerCase()));

  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    async nextMessageTo(to, timeoutMs = 10_000) {
      const mail = await eventually(() => received.find((m) => !consumed.has(m) && addressedTo(m, to)), {
        what: `an email to ${to}`,
        timeoutMs,
        intervalMs: 20,
      });
      consumed.add(mail);
      return mail;
    },
    failNext(count) {
      failuresLeft = count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

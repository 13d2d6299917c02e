import type { Role } from "@shop/db";
import { signAccessToken } from "@shop/api";
import * as factories from "@shop/testing";
import type { TestSmtpServer } from "@shop/testing/smtp";
import type { TestApp } from "./support.ts";

export { address, type Shopper, type TestVariant } from "@shop/testing";

/** The shared factories' hold on the app: its database, its token secret and its clock. */
export const factoryDeps = (t: TestApp): factories.FactoryDeps => ({
  db: t.db,
  signAccessToken: (claims) => signAccessToken(t.deps.config.authSecret, claims, t.clock.now()),
  now: () => t.clock.now(),
});

/** An active user with a session and an access token (login has its own tests; argon2 would dominate here). */
export const createShopper = (t: TestApp, role: Role = "customer") => factories.createShopper(factoryDeps(t), role);

/** A session and access token of its own for an existing user, e.g. the seller behind a test variant. */
export const sessionOf = (t: TestApp, user: { id: number; role: Role }) => factories.createSession(factoryDeps(t), user);

/** A product with one variant (price in minor units), owned by `sellerId` or a new seller. */
export const createVariant = (t: TestApp, options?: Parameters<typeof factories.createVariant>[1]) =>
  factories.createVariant(t.db, options);

/** The next email to `to` with this subject (earlier ones to `to` are passed over). */
export async function emailWithSubject(smtp: TestSmtpServer, to: string, subject: string) {
  for (;;) {
    const mail = await smtp.nextMessageTo(to);
    if (mail.subject === subject) return mail;
  }
}

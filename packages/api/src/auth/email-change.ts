import { inTransaction, type AuthedContext, type Context } from "../context.ts";
import { conflict, invalid } from "../errors.ts";
import { enqueueJob } from "../jobs/enqueue.ts";
import { checkPasswordWithinLimits } from "../rate-limit/password-failures.ts";
import { isUniqueViolation } from "../shared/db-errors.ts";
import { emailChangeConfirmationEmail, emailChangeNoticeEmail } from "./emails.ts";
import { consumeEmailToken, decodeUid, encodeUid, issueToken, revokeTokens } from "./one-time-tokens.ts";
import { verifyPassword } from "./passwords.ts";
import { assertAvailable, INVALID_LINK } from "./service.ts";

// A new email address takes effect only once its owner opens the link sent to it, and only when
// asked with the account's password: a stolen access token alone cannot move the account to an
// address the thief controls (and from there take it over by password reset).

const EMAIL_TAKEN = { email: ["A user with that email already exists."] };

/**
 * Before an email change: `currentPassword` must be the account's (wrong guesses count against
 * its login limits) and `email` free. Runs before any transaction opens: the hash is slow.
 */
export async function authorizeEmailChange(
  ctx: AuthedContext,
  passwordHash: string,
  email: string,
  currentPassword: string | undefined,
): Promise<void> {
  if (!currentPassword)
    throw invalid("Changing the email needs your current password.", {
      fields: { current_password: ["This field is required to change the email."] },
    });
  const passwordRight = await checkPasswordWithinLimits(ctx, `user:${ctx.user.id}`, () =>
    verifyPassword(passwordHash, currentPassword),
  );
  if (!passwordRight)
    throw invalid("The current password is incorrect.", { fields: { current_password: ["The password is incorrect."] } });
  await assertAvailable(ctx, { email }, ctx.user.id);
}

/**
 * Records `email` as the pending address, supersedes earlier links, and enqueues the link to the
 * new address and the notice to the old one, all in the caller's transaction if it has one.
 */
export async function recordEmailChange(ctx: AuthedContext, oldEmail: string, email: string): Promise<void> {
  await inTransaction(ctx, async ({ db }) => {
    await db.user.update({ where: { id: ctx.user.id }, data: { pendingEmail: email } });
    await revokeTokens(db, ctx.user.id, "confirm_email");
    await enqueueJob(db, "send_email_change_confirmation", { userId: ctx.user.id, email });
    await enqueueJob(db, "send_email_change_notice", { userId: ctx.user.id, oldEmail, newEmail: email });
  });
}

/** Job: a 24-hour link to the address asked for, unless a later request replaced it. */
export async function sendEmailChangeConfirmation(ctx: Context, { userId, email }: { userId: number; email: string }) {
  const user = await ctx.db.user.findUnique({ where: { id: userId }, select: { username: true, pendingEmail: true } });
  if (!user || user.pendingEmail !== email) return;
  const token = await issueToken(ctx.db, ctx.clock.now(), userId, "confirm_email", email);
  const link = `${ctx.config.publicUrl}/api/accounts/confirm-email/${encodeUid(userId)}/${token}/`;
  await ctx.mailer.send(emailChangeConfirmationEmail(email, user.username, link));
}

/** Job: tells the address in use that a change was asked for, and what to do if it was not its owner. */
export async function sendEmailChangeNotice(ctx: Context, notice: { userId: number; oldEmail: string; newEmail: string }) {
  const user = await ctx.db.user.findUnique({ where: { id: notice.userId }, select: { username: true } });
  if (!user) return;
  await ctx.mailer.send(emailChangeNoticeEmail(notice.oldEmail, user.username, notice.newEmail));
}

/** The link's token confirms the address it was sent to, while that address is still the pending one. */
export async function confirmEmailChange(ctx: Context, uid: string, token: string): Promise<void> {
  const userId = decodeUid(uid);
  if (userId === null) throw invalid(INVALID_LINK, { code: "INVALID_TOKEN" });
  try {
    const changed = await inTransaction(ctx, async (ctx) => {
      const email = await consumeEmailToken(ctx.db, ctx.clock.now(), userId, token);
      if (!email) return false;
      const user = await ctx.db.user.findUnique({ where: { id: userId }, select: { pendingEmail: true } });
      if (user?.pendingEmail !== email) return false;
      await assertAvailable(ctx, { email }, userId);
      await ctx.db.user.update({ where: { id: userId }, data: { email, pendingEmail: null } });
      return true;
    });
    if (!changed) throw invalid(INVALID_LINK, { code: "INVALID_TOKEN" });
  } catch (error) {
    // Another account took the address between the check and the update.
    if (isUniqueViolation(error))
      throw conflict("An account with this email already exists.", { fields: EMAIL_TAKEN, code: "DUPLICATE" });
    throw error;
  }
}

import type { Role, Tx } from "@shop/db";
import { inTransaction, userFromAccessToken, type AuthedContext, type Context } from "../context.ts";
import { conflict, forbidden, invalid, notAuthenticated, type FieldErrors } from "../errors.ts";
import { enqueueJob } from "../jobs/enqueue.ts";
import { enforceLimits } from "../rate-limit/limits.ts";
import { checkPasswordWithinLimits } from "../rate-limit/password-failures.ts";
import { isUniqueViolation } from "../shared/db-errors.ts";
import { accountIdByEmail, accountIdByLogin, accountsUsing } from "./account-lookup.ts";
import { signAccessToken } from "./access-token.ts";
import { passwordResetEmail, verificationEmail } from "./emails.ts";
import { consumeToken, decodeUid, encodeUid, issueToken, revokeTokens } from "./one-time-tokens.ts";
import { hashPassword, passwordProblems, spendVerificationTime, verifyPassword } from "./passwords.ts";
import { profileSelect, toProfile, type Profile } from "./profile.ts";
import { sessionsFor } from "./sessions.ts";

/** A new account's details, from registration or from staff onboarding. */
export interface NewAccount {
  username: string;
  email: string;
  password: string;
  firstName: string;
  lastName: string;
}

const INVALID_CREDENTIALS = "No active account found with the given credentials.";
export const INVALID_LINK = "The link is invalid, has expired or was already used.";

/** 409 with the fields already taken by another account (username and email compared case-insensitively). */
export async function assertAvailable(ctx: Context, taken: { username?: string; email?: string }, exceptUserId?: number) {
  if (!taken.username && !taken.email) return;
  const clashes = await accountsUsing(ctx.db, taken, exceptUserId);
  const same = (a: string, b: string | undefined) => b !== undefined && a.toLowerCase() === b.toLowerCase();
  const fields: FieldErrors = {};
  if (clashes.some((u) => same(u.username, taken.username))) fields.username = ["A user with that username already exists."];
  if (clashes.some((u) => same(u.email, taken.email))) fields.email = ["A user with that email already exists."];
  if (Object.keys(fields).length > 0)
    throw conflict("An account with these details already exists.", { fields, code: "DUPLICATE" });
}

/**
 * Creates an account under registration's rules (password strength, username and email still
 * free) and runs `onCreated` in the same transaction, e.g. to enqueue its first email.
 */
export async function createAccount(
  ctx: Context,
  input: NewAccount,
  account: { role: Role; isActive: boolean },
  onCreated: (db: Tx, userId: number) => Promise<void>,
): Promise<Profile> {
  const email = input.email.toLowerCase();
  const problems = passwordProblems(input.password, { username: input.username, email });
  if (problems.length > 0) throw invalid("The password is too weak.", { fields: { password: problems } });
  await assertAvailable(ctx, { username: input.username, email });
  const passwordHash = await hashPassword(input.password);
  try {
    return await inTransaction(ctx, async ({ db }) => {
      const user = await db.user.create({
        data: { username: input.username, email, passwordHash, firstName: input.firstName, lastName: input.lastName, ...account },
        select: profileSelect,
      });
      await onCreated(db, user.id);
      return toProfile(user);
    });
  } catch (error) {
    // Two creations raced past assertAvailable: report the field like the slower check would.
    if (isUniqueViolation(error)) await assertAvailable(ctx, { username: input.username, email });
    throw error;
  }
}

/** An inactive customer, and its verification email enqueued in the same transaction. */
export async function register(ctx: Context, input: NewAccount): Promise<void> {
  await enforceLimits(ctx, [["registerPerIp", ctx.ip]]);
  await createAccount(ctx, input, { role: "customer", isActive: false }, (db, userId) =>
    enqueueJob(db, "send_verification_email", { userId }),
  );
}

/** Job: a fresh 24-hour link for a user still waiting for verification. */
export async function sendVerificationEmail(ctx: Context, userId: number): Promise<void> {
  const user = await ctx.db.user.findUnique({ where: { id: userId }, select: { email: true, username: true, isActive: true } });
  if (!user || user.isActive) return;
  const token = await issueToken(ctx.db, ctx.clock.now(), userId, "verify_email");
  const link = `${ctx.config.publicUrl}/api/accounts/verify-email/${encodeUid(userId)}/${token}/`;
  await ctx.mailer.send(verificationEmail(user.email, user.username, link));
}

export async function verifyEmail(ctx: Context, uid: string, token: string): Promise<void> {
  const userId = decodeUid(uid);
  const verified =
    userId !== null &&
    (await inTransaction(ctx, async ({ db, clock }) => {
      if (!(await consumeToken(db, clock.now(), userId, "verify_email", token))) return false;
      await db.user.update({ where: { id: userId }, data: { isActive: true } });
      return true;
    }));
  if (!verified) throw invalid(INVALID_LINK, { code: "INVALID_TOKEN" });
}

export interface LoginResult {
  access: string;
  refresh: string;
  user: Profile;
}

export async function login(ctx: Context, input: { username: string; password: string }): Promise<LoginResult> {
  const userId = await accountIdByLogin(ctx.db, input.username);
  const user =
    userId === null
      ? null
      : await ctx.db.user.findUnique({ where: { id: userId }, select: { ...profileSelect, passwordHash: true } });
  // The username and the email of one account count as one account.
  const account = user ? `user:${user.id}` : `name:${input.username.toLowerCase()}`;
  const passwordRight = await checkPasswordWithinLimits(ctx, account, async () => {
    if (user) return verifyPassword(user.passwordHash, input.password);
    await spendVerificationTime(input.password);
    return false;
  });
  if (!user || !passwordRight) throw notAuthenticated(INVALID_CREDENTIALS, "INVALID_CREDENTIALS");
  if (!user.isActive) {
    throw forbidden(
      "Your email address is not verified yet. Open the link we emailed you to activate your account.",
      "EMAIL_NOT_VERIFIED",
    );
  }
  const session = await sessionsFor(ctx.client).createSession(user.id, {});
  const claims = { userId: user.id, role: user.role, sessionId: session.id };
  const access = await signAccessToken(ctx.config.authSecret, claims, ctx.clock.now());
  return { access, refresh: session.id, user: toProfile(user) };
}

/** Revokes one of the caller's own sessions; a token that is not theirs is left alone. */
export async function logout(ctx: AuthedContext, refresh: string): Promise<void> {
  await ctx.db.session.deleteMany({ where: { id: refresh, userId: ctx.user.id } });
}

export async function refreshAccessToken(ctx: Context, refresh: string): Promise<{ access: string }> {
  const { session, user } = await sessionsFor(ctx.client).validateSession(refresh);
  if (!session || !user.isActive) throw notAuthenticated("Refresh token is invalid, expired or revoked.", "INVALID_TOKEN");
  const claims = { userId: user.id, role: user.role, sessionId: session.id };
  return { access: await signAccessToken(ctx.config.authSecret, claims, ctx.clock.now()) };
}

/** Answers the same whether or not the email has an account; the email goes out by a job. */
export async function requestPasswordReset(ctx: Context, email: string): Promise<void> {
  await enforceLimits(ctx, [
    ["resetPerIp", ctx.ip],
    ["resetPerEmail", email.toLowerCase()],
  ]);
  const userId = await accountIdByEmail(ctx.db, email);
  if (userId !== null) await enqueueJob(ctx.db, "send_password_reset_email", { userId });
}

/** Job: a one-hour reset link, with uid and token also in plain text. */
export async function sendPasswordResetEmail(ctx: Context, userId: number): Promise<void> {
  const user = await ctx.db.user.findUnique({ where: { id: userId }, select: { email: true, username: true } });
  if (!user) return;
  const uid = encodeUid(userId);
  const token = await issueToken(ctx.db, ctx.clock.now(), userId, "password_reset");
  const link = `${ctx.config.publicUrl}/reset-password/${uid}/${token}/`;
  await ctx.mailer.send(passwordResetEmail(user.email, user.username, uid, token, link));
}

/** Sets the new password, uses up the token, revokes every session of the user and cancels a pending email change. */
export async function confirmPasswordReset(
  ctx: Context,
  input: { uid: string; token: string; newPassword: string },
): Promise<void> {
  await enforceLimits(ctx, [["resetConfirmPerIp", ctx.ip]]);
  const userId = decodeUid(input.uid);
  const user =
    userId === null ? null : await ctx.db.user.findUnique({ where: { id: userId }, select: { username: true, email: true } });
  if (!user || userId === null) throw invalid(INVALID_LINK, { code: "INVALID_TOKEN" });
  const problems = passwordProblems(input.newPassword, user);
  if (problems.length > 0) throw invalid("The password is too weak.", { fields: { new_password: problems } });
  const passwordHash = await hashPassword(input.newPassword);
  const done = await inTransaction(ctx, async ({ db, clock }) => {
    if (!(await consumeToken(db, clock.now(), userId, "password_reset", input.token))) return false;
    // A reset also cancels a pending email change: the notice of one tells the owner to reset.
    await db.user.update({ where: { id: userId }, data: { passwordHash, pendingEmail: null } });
    await revokeTokens(db, userId, "confirm_email");
    await db.session.deleteMany({ where: { userId } });
    return true;
  });
  if (!done) throw invalid(INVALID_LINK, { code: "INVALID_TOKEN" });
}

/** A valid access token whose session is still live (logout and reset end it at once). */
export async function verifyAccessTokenSession(ctx: Context, token: string): Promise<void> {
  if (!(await userFromAccessToken(ctx, token))) throw notAuthenticated("Token is invalid or expired.", "INVALID_TOKEN");
}

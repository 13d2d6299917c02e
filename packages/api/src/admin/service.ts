import type { Role } from "@shop/db";
import { accountIdByEmail } from "../auth/account-lookup.ts";
import { createAccount, type NewAccount } from "../auth/service.ts";
import { profileSelect, toProfile, type Profile } from "../auth/profile.ts";
import { inTransaction, type Context } from "../context.ts";
import { conflict, notFound } from "../errors.ts";
import { enqueueJob } from "../jobs/enqueue.ts";
import { sellerWelcomeEmail } from "./emails.ts";

/** Staff-made accounts are active at once (staff vouch for the email address). */
function createStaffMadeAccount(ctx: Context, input: NewAccount, role: Role): Promise<Profile> {
  return createAccount(ctx, input, { role, isActive: true }, async (db, userId) => {
    if (role === "seller") await enqueueJob(db, "send_seller_welcome_email", { userId });
  });
}

/** The first staff account (admin CLI `create-admin`): no staff caller exists yet to authorise it. */
export const createAdmin = (ctx: Context, input: NewAccount): Promise<Profile> => createStaffMadeAccount(ctx, input, "admin");

/** A new, active seller; the welcome email is enqueued in the same transaction. */
export const createSeller = (ctx: Context, input: NewAccount): Promise<Profile> => createStaffMadeAccount(ctx, input, "seller");

async function userByEmail(ctx: Context, email: string) {
  const id = await accountIdByEmail(ctx.db, email);
  const user = id === null ? null : await ctx.db.user.findUnique({ where: { id }, select: profileSelect });
  if (!user) throw notFound(`No account uses the email ${email}.`);
  return user;
}

/**
 * Changes the role and deletes every session of the user in one transaction: their refresh
 * tokens stop working, and so do their access tokens (each request checks its session).
 */
async function changeRole(ctx: Context, userId: number, role: Role, welcome: boolean): Promise<Profile> {
  return inTransaction(ctx, async ({ db }) => {
    const user = await db.user.update({ where: { id: userId }, data: { role }, select: profileSelect });
    await db.session.deleteMany({ where: { userId } });
    if (welcome) await enqueueJob(db, "send_seller_welcome_email", { userId });
    return toProfile(user);
  });
}

/** An existing customer becomes a seller. */
export async function promoteToSeller(ctx: Context, email: string): Promise<Profile> {
  const user = await userByEmail(ctx, email);
  if (user.role === "seller") throw conflict(`${user.email} is already a seller.`, { code: "ALREADY_SELLER" });
  if (user.role !== "customer") throw conflict(`${user.email} is staff, not a customer.`, { code: "NOT_A_CUSTOMER" });
  return changeRole(ctx, user.id, "seller", true);
}

/** A seller goes back to being a customer; their products stay, but they can no longer sell. */
export async function revokeSeller(ctx: Context, email: string): Promise<Profile> {
  const user = await userByEmail(ctx, email);
  if (user.role !== "seller") throw conflict(`${user.email} is not a seller.`, { code: "NOT_A_SELLER" });
  return changeRole(ctx, user.id, "customer", false);
}

export async function listSellers(ctx: Context): Promise<Profile[]> {
  const sellers = await ctx.db.user.findMany({ where: { role: "seller" }, select: profileSelect, orderBy: { id: "asc" } });
  return sellers.map(toProfile);
}

/** Job: tells a new seller they can sell now. */
export async function sendSellerWelcomeEmail(ctx: Context, userId: number): Promise<void> {
  const user = await ctx.db.user.findUnique({ where: { id: userId }, select: { email: true, username: true, role: true } });
  // Revoked before the job ran: nothing to welcome them to.
  if (!user || user.role !== "seller") return;
  await ctx.mailer.send(sellerWelcomeEmail(user.email, user.username, ctx.config.publicUrl));
}

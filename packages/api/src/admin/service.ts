import type { Role } from "@shop/db";
import { createAccount, type NewAccount } from "../auth/service.ts";
import { profileSelect, toProfile, type Profile } from "../auth/profile.ts";
import type { AuthUser, Deps } from "../context.ts";
import { conflict, invalid, notFound } from "../errors.ts";
import { enqueueJob } from "../jobs/enqueue.ts";
import { sellerWelcomeEmail } from "./emails.ts";

/** Staff-made accounts are active at once (staff vouch for the email address). */
function createStaffMadeAccount(deps: Deps, input: NewAccount, role: Role): Promise<Profile> {
  return createAccount(deps, input, { role, isActive: true }, async (tx, userId) => {
    if (role === "seller") await enqueueJob(tx, "send_seller_welcome_email", { userId });
  });
}

/** The first staff account (admin CLI `create-admin`): no staff caller exists yet to authorise it. */
export const createAdmin = (deps: Deps, input: NewAccount): Promise<Profile> => createStaffMadeAccount(deps, input, "admin");

/** A new, active seller; the welcome email is enqueued in the same transaction. */
export const createSeller = (deps: Deps, input: NewAccount): Promise<Profile> => createStaffMadeAccount(deps, input, "seller");

async function userByEmail(deps: Deps, email: string) {
  const user = await deps.db.user.findFirst({ where: { email: { equals: email, mode: "insensitive" } }, select: profileSelect });
  if (!user) throw notFound(`No account uses the email ${email}.`);
  return user;
}

/**
 * Changes the role and deletes every session of the user in one transaction: their refresh
 * tokens stop working, and so do their access tokens (each request checks its session).
 */
async function changeRole(deps: Deps, userId: number, role: Role, welcome: boolean): Promise<Profile> {
  return deps.db.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: userId }, data: { role }, select: profileSelect });
    await tx.session.deleteMany({ where: { userId } });
    if (welcome) await enqueueJob(tx, "send_seller_welcome_email", { userId });
    return toProfile(user);
  });
}

/** An existing customer becomes a seller. */
export async function promoteToSeller(deps: Deps, email: string): Promise<Profile> {
  const user = await userByEmail(deps, email);
  if (user.role === "seller") throw conflict(`${user.email} is already a seller.`, { code: "ALREADY_SELLER" });
  if (user.role !== "customer") throw conflict(`${user.email} is staff, not a customer.`, { code: "NOT_A_CUSTOMER" });
  return changeRole(deps, user.id, "seller", true);
}

/** A seller goes back to being a customer; their products stay, but they can no longer sell. */
export async function revokeSeller(deps: Deps, email: string): Promise<Profile> {
  const user = await userByEmail(deps, email);
  if (user.role !== "seller") throw conflict(`${user.email} is not a seller.`, { code: "NOT_A_SELLER" });
  return changeRole(deps, user.id, "customer", false);
}

export async function listSellers(deps: Deps): Promise<Profile[]> {
  const sellers = await deps.db.user.findMany({ where: { role: "seller" }, select: profileSelect, orderBy: { id: "asc" } });
  return sellers.map(toProfile);
}

/** Job: tells a new seller they can sell now. */
export async function sendSellerWelcomeEmail(deps: Deps, userId: number): Promise<void> {
  const user = await deps.db.user.findUnique({ where: { id: userId }, select: { email: true, username: true, role: true } });
  // Revoked before the job ran: nothing to welcome them to.
  if (!user || user.role !== "seller") return;
  await deps.mailer.send(sellerWelcomeEmail(user.email, user.username, deps.config.publicUrl));
}

/** Sessions never use this id: a staff caller built in-process (the admin CLI) has no session. */
export const IN_PROCESS_SESSION = "in-process";

/**
 * The staff identity the admin CLI acts as: the oldest active admin account. Commands other
 * than `create-admin` go through the router as this user, so adminProcedure's check applies.
 */
export async function inProcessStaffUser(deps: Deps): Promise<AuthUser> {
  const admin = await deps.db.user.findFirst({
    where: { role: "admin", isActive: true },
    orderBy: { id: "asc" },
    select: { id: true, role: true },
  });
  if (!admin) throw invalid("No staff account exists yet: run `pnpm admin create-admin` first.", { code: "NO_STAFF_ACCOUNT" });
  return { id: admin.id, role: admin.role, sessionId: IN_PROCESS_SESSION };
}

import { inTransaction, type AuthedContext } from "../context.ts";
import { notFound } from "../errors.ts";
import { checkImage } from "../files/images.ts";
import { authorizeEmailChange, recordEmailChange } from "./email-change.ts";
import { profileSelect, toProfile, type Profile } from "./profile.ts";

export interface ProfileChanges {
  firstName?: string;
  lastName?: string;
  /** A new address is only asked for here (API.md 5b): it changes once the link sent to it is opened. */
  email?: string;
  /** Required when `email` differs from the address in use. */
  currentPassword?: string;
}

export async function getProfile(ctx: AuthedContext): Promise<Profile> {
  const user = await ctx.db.user.findUnique({ where: { id: ctx.user.id }, select: profileSelect });
  if (!user) throw notFound("User not found.");
  return toProfile(user);
}

/** Only names change here at once; the email by confirmation; role, activity and password have their own paths. */
export async function updateProfile(ctx: AuthedContext, changes: ProfileChanges): Promise<Profile> {
  const current = await ctx.db.user.findUnique({ where: { id: ctx.user.id }, select: { email: true, passwordHash: true } });
  if (!current) throw notFound("User not found.");
  // The address in use (in any case) is no change and needs no password.
  const newEmail = changes.email?.toLowerCase();
  const emailChange = newEmail !== undefined && newEmail !== current.email ? newEmail : null;
  if (emailChange) await authorizeEmailChange(ctx, current.passwordHash, emailChange, changes.currentPassword);
  return inTransaction(ctx, async (ctx) => {
    if (emailChange) await recordEmailChange(ctx, current.email, emailChange);
    const user = await ctx.db.user.update({
      where: { id: ctx.user.id },
      data: { firstName: changes.firstName, lastName: changes.lastName },
      select: profileSelect,
    });
    return toProfile(user);
  });
}

/**
 * The changes and a new picture together: the bytes are checked as an image (by content) before
 * anything is written, and the names and the picture change in one transaction.
 */
export async function updateProfileWithPicture(ctx: AuthedContext, changes: ProfileChanges, bytes: Uint8Array): Promise<Profile> {
  const { contentType, extension } = checkImage(bytes);
  const stored = await ctx.files.put({ folder: "profile-pictures", extension, contentType, bytes });
  try {
    return await inTransaction(ctx, async (ctx) => {
      await updateProfile(ctx, changes);
      const user = await ctx.db.user.update({
        where: { id: ctx.user.id },
        data: { profilePicture: stored.url },
        select: profileSelect,
      });
      return toProfile(user);
    });
  } catch (error) {
    await ctx.files.delete(stored.key).catch(() => {});
    throw error;
  }
}

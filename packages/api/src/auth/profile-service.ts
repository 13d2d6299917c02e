import { inTransaction, type AuthedContext } from "../context.ts";
import { notFound } from "../errors.ts";
import { deleteFilesAfterCommit, storeUploadedImage } from "../files/image-uploads.ts";
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
 * The changes and a new picture together: the picture is re-encoded and stored before anything
 * is written, the names and the picture change in one transaction, and the picture it replaces
 * is deleted once that commits.
 */
export async function updateProfileWithPicture(ctx: AuthedContext, changes: ProfileChanges, bytes: Uint8Array): Promise<Profile> {
  const stored = await storeUploadedImage(ctx, "profile-pictures", bytes);
  try {
    return await inTransaction(ctx, async (ctx) => {
      // Locked, so two uploads at once each see the key the other replaced: neither file is orphaned.
      const [previous] = await ctx.db.$queryRaw<{ key: string | null }[]>`
        select profile_picture_key as key from users where id = ${ctx.user.id} for update`;
      await updateProfile(ctx, changes);
      const user = await ctx.db.user.update({
        where: { id: ctx.user.id },
        data: { profilePicture: stored.url, profilePictureKey: stored.key },
        select: profileSelect,
      });
      if (previous?.key) deleteFilesAfterCommit(ctx, [previous.key]);
      return toProfile(user);
    });
  } catch (error) {
    await ctx.files.delete(stored.key).catch(() => {});
    throw error;
  }
}

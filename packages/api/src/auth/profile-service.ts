import { inTransaction, type AuthedContext } from "../context.ts";
import { notFound } from "../errors.ts";
import { checkImage } from "../files/images.ts";
import { assertAvailable } from "./service.ts";
import { profileSelect, toProfile, type Profile } from "./profile.ts";

export interface ProfileChanges {
  firstName?: string;
  lastName?: string;
  email?: string;
}

export async function getProfile(ctx: AuthedContext): Promise<Profile> {
  const user = await ctx.db.user.findUnique({ where: { id: ctx.user.id }, select: profileSelect });
  if (!user) throw notFound("User not found.");
  return toProfile(user);
}

/** Only names and email can change here; role, activity and password have their own paths. */
export async function updateProfile(ctx: AuthedContext, changes: ProfileChanges): Promise<Profile> {
  const email = changes.email?.toLowerCase();
  if (email) await assertAvailable(ctx, { email }, ctx.user.id);
  const user = await ctx.db.user.update({
    where: { id: ctx.user.id },
    data: { firstName: changes.firstName, lastName: changes.lastName, email },
    select: profileSelect,
  });
  return toProfile(user);
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

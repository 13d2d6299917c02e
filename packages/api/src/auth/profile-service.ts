import type { Deps } from "../context.ts";
import { notFound } from "../errors.ts";
import { checkImage } from "../files/images.ts";
import { assertAvailable } from "./service.ts";
import { profileSelect, toProfile, type Profile } from "./profile.ts";

export interface ProfileChanges {
  firstName?: string;
  lastName?: string;
  email?: string;
}

export async function getProfile(deps: Deps, userId: number): Promise<Profile> {
  const user = await deps.db.user.findUnique({ where: { id: userId }, select: profileSelect });
  if (!user) throw notFound("User not found.");
  return toProfile(user);
}

/** Only names and email can change here; role, activity and password have their own paths. */
export async function updateProfile(deps: Deps, userId: number, changes: ProfileChanges): Promise<Profile> {
  const email = changes.email?.toLowerCase();
  if (email) await assertAvailable(deps, { email }, userId);
  const user = await deps.db.user.update({
    where: { id: userId },
    data: { firstName: changes.firstName, lastName: changes.lastName, email },
    select: profileSelect,
  });
  return toProfile(user);
}

/** Checks the bytes are an image (by content), stores them, then points the profile at them. */
export async function setProfilePicture(deps: Deps, userId: number, bytes: Uint8Array): Promise<Profile> {
  const { contentType, extension } = checkImage(bytes);
  const stored = await deps.files.put({ folder: "profile-pictures", extension, contentType, bytes });
  const user = await deps.db.user.update({ where: { id: userId }, data: { profilePicture: stored.url }, select: profileSelect });
  return toProfile(user);
}

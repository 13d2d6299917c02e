import type { Prisma, Role } from "@shop/db";

/** The only user columns a profile shows: never the password hash. */
export const profileSelect = {
  id: true,
  username: true,
  email: true,
  pendingEmail: true,
  firstName: true,
  lastName: true,
  profilePicture: true,
  role: true,
  isActive: true,
  dateJoined: true,
} satisfies Prisma.UserSelect;

export interface Profile {
  id: number;
  username: string;
  email: string;
  /** An address asked for but not yet confirmed through the link sent to it. */
  pending_email: string | null;
  first_name: string;
  last_name: string;
  profile_picture: string | null;
  role: Role;
  is_active: boolean;
  date_joined: string;
}

export function toProfile(user: Prisma.UserGetPayload<{ select: typeof profileSelect }>): Profile {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    pending_email: user.pendingEmail,
    first_name: user.firstName,
    last_name: user.lastName,
    profile_picture: user.profilePicture,
    role: user.role,
    is_active: user.isActive,
    date_joined: user.dateJoined.toISOString(),
  };
}

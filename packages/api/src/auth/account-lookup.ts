import type { Tx } from "@shop/db";

// Usernames and emails compare case-insensitively. Prisma's `equals` with `mode: "insensitive"`
// is an unescaped ILIKE, where `_` and `%` are wildcards (`user_1` would find `userX1`), so these
// compare lower() in SQL instead; the unique index on lower(username) serves the username side.

/** The account whose username (in any case) or email is `identifier`; a username match wins. */
export async function accountIdByLogin(db: Tx, identifier: string): Promise<number | null> {
  const rows = await db.$queryRaw<{ id: number }[]>`
    select id from users
    where lower(username) = lower(${identifier}) or lower(email) = lower(${identifier})
    order by lower(username) = lower(${identifier}) desc
    limit 1`;
  return rows[0]?.id ?? null;
}

export async function accountIdByEmail(db: Tx, email: string): Promise<number | null> {
  const rows = await db.$queryRaw<{ id: number }[]>`select id from users where lower(email) = lower(${email}) limit 1`;
  return rows[0]?.id ?? null;
}

/** Accounts other than `exceptUserId` that already use this username or this email (in any case). */
export async function accountsUsing(
  db: Tx,
  taken: { username?: string; email?: string },
  exceptUserId = 0,
): Promise<{ username: string; email: string }[]> {
  const username = taken.username ?? null;
  const email = taken.email ?? null;
  return db.$queryRaw`
    select username, email from users
    where (lower(username) = lower(${username}) or lower(email) = lower(${email})) and id <> ${exceptUserId}`;
}

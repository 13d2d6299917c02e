import { sqlPool, type PrismaClient, type Role } from "@shop/db";

export interface SessionUser {
  id: number;
  role: Role;
  isActive: boolean;
  expiresAt: Date;
}

/**
 * A session and its user, read on the client's pg pool: every authenticated request does this,
 * and Prisma's query path costs more CPU than the one-row query itself (see BENCHMARKS.md).
 */
export async function findSessionUser(client: PrismaClient, sessionId: string): Promise<SessionUser | null> {
  const { rows } = await sqlPool(client).query<SessionUser>(
    `select u.id, u.role::text as role, u.is_active as "isActive", s.expires_at as "expiresAt"
     from sessions s join users u on u.id = s.user_id
     where s.id = $1`,
    [sessionId],
  );
  return rows[0] ?? null;
}

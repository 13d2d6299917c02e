import { Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from "lucia";
import type { PrismaClient, Role } from "@shop/db";

declare module "lucia" {
  interface Register {
    Lucia: Sessions;
    UserId: number;
    DatabaseUserAttributes: { role: Role; isActive: boolean };
  }
}

export type Sessions = Lucia<Record<never, never>, { role: Role; isActive: boolean }>;

const sessionSelect = { id: true, userId: true, expiresAt: true } as const;
const toSession = (row: { id: string; userId: number; expiresAt: Date }): DatabaseSession => ({ ...row, attributes: {} });

/** Lucia's storage on our Prisma models (the official Prisma adapter predates Prisma 7). */
function prismaSessionAdapter(db: PrismaClient): Adapter {
  return {
    async getSessionAndUser(sessionId) {
      const row = await db.session.findUnique({
        where: { id: sessionId },
        select: { ...sessionSelect, user: { select: { id: true, role: true, isActive: true } } },
      });
      if (!row) return [null, null];
      const user: DatabaseUser = { id: row.user.id, attributes: { role: row.user.role, isActive: row.user.isActive } };
      return [toSession(row), user];
    },
    async getUserSessions(userId) {
      return (await db.session.findMany({ where: { userId }, select: sessionSelect })).map(toSession);
    },
    async setSession(session) {
      await db.session.create({ data: { id: session.id, userId: session.userId, expiresAt: session.expiresAt } });
    },
    async updateSessionExpiration(sessionId, expiresAt) {
      await db.session.updateMany({ where: { id: sessionId }, data: { expiresAt } });
    },
    async deleteSession(sessionId) {
      await db.session.deleteMany({ where: { id: sessionId } });
    },
    async deleteUserSessions(userId) {
      await db.session.deleteMany({ where: { userId } });
    },
    async deleteExpiredSessions() {
      await db.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
    },
  };
}

const byClient = new WeakMap<PrismaClient, Sessions>();

/** Refresh tokens are Lucia session ids: opaque, stored server-side, valid 30 days. */
export function sessionsFor(db: PrismaClient): Sessions {
  let sessions = byClient.get(db);
  if (!sessions) {
    sessions = new Lucia(prismaSessionAdapter(db), {
      sessionExpiresIn: new TimeSpan(30, "d"),
      getUserAttributes: (attributes) => attributes,
    });
    byClient.set(db, sessions);
  }
  return sessions;
}

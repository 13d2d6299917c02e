import { createHash, randomBytes } from "node:crypto";
import type { Tx } from "@shop/db";

export type TokenPurpose = "verify_email" | "password_reset" | "confirm_email";

export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  verify_email: 24 * 60 * 60 * 1000,
  password_reset: 60 * 60 * 1000,
  confirm_email: 24 * 60 * 60 * 1000,
};

const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");

/** uidb64 as Django writes it: the user id's digits in unpadded base64url. */
export const encodeUid = (userId: number) => Buffer.from(String(userId)).toString("base64url");

export function decodeUid(uid: string): number | null {
  const id = Number(Buffer.from(uid, "base64url").toString());
  return Number.isSafeInteger(id) && id > 0 && encodeUid(id) === uid ? id : null;
}

/** A new random token (256 bits); only its hash is stored, with the address it confirms if any. */
export async function issueToken(tx: Tx, now: Date, userId: number, purpose: TokenPurpose, email?: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.oneTimeToken.create({
    data: { userId, purpose, email, tokenHash: sha256(token), expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[purpose]) },
  });
  return token;
}

/** Marks the token used if it is the user's, for this purpose, unused and unexpired; true then. */
export async function consumeToken(tx: Tx, now: Date, userId: number, purpose: TokenPurpose, token: string): Promise<boolean> {
  const { count } = await tx.oneTimeToken.updateMany({
    where: { userId, purpose, tokenHash: sha256(token), usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return count === 1;
}

/** Uses a confirm_email token of the user's (unused, unexpired) and answers the address it confirms; null otherwise. */
export async function consumeEmailToken(tx: Tx, now: Date, userId: number, token: string): Promise<string | null> {
  const found = await tx.oneTimeToken.findFirst({
    where: { userId, purpose: "confirm_email", tokenHash: sha256(token), usedAt: null, expiresAt: { gt: now } },
    select: { id: true, email: true },
  });
  if (!found?.email) return null;
  const { count } = await tx.oneTimeToken.updateMany({ where: { id: found.id, usedAt: null }, data: { usedAt: now } });
  return count === 1 ? found.email : null;
}

/** Marks every unused token of the user for this purpose used (a newer request supersedes them). */
export async function revokeTokens(tx: Tx, userId: number, purpose: TokenPurpose): Promise<void> {
  await tx.oneTimeToken.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: new Date() } });
}

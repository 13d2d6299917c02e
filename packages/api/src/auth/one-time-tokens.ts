import { createHash, randomBytes } from "node:crypto";
import type { Tx } from "@shop/db";

export type TokenPurpose = "verify_email" | "password_reset";

export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  verify_email: 24 * 60 * 60 * 1000,
  password_reset: 60 * 60 * 1000,
};

const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");

/** uidb64 as Django writes it: the user id's digits in unpadded base64url. */
export const encodeUid = (userId: number) => Buffer.from(String(userId)).toString("base64url");

export function decodeUid(uid: string): number | null {
  const id = Number(Buffer.from(uid, "base64url").toString());
  return Number.isSafeInteger(id) && id > 0 && encodeUid(id) === uid ? id : null;
}

/** A new random token (256 bits); only its hash is stored. */
export async function issueToken(tx: Tx, userId: number, purpose: TokenPurpose): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.oneTimeToken.create({
    data: { userId, purpose, tokenHash: sha256(token), expiresAt: new Date(Date.now() + TOKEN_TTL_MS[purpose]) },
  });
  return token;
}

/** Marks the token used if it is the user's, for this purpose, unused and unexpired; true then. */
export async function consumeToken(tx: Tx, userId: number, purpose: TokenPurpose, token: string): Promise<boolean> {
  const { count } = await tx.oneTimeToken.updateMany({
    where: { userId, purpose, tokenHash: sha256(token), usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  return count === 1;
}

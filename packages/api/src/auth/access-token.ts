import { SignJWT, jwtVerify, errors as joseErrors } from "jose";
import type { Role } from "@shop/db";

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

export interface AccessClaims {
  userId: number;
  role: Role;
  sessionId: string;
}

const ROLES: readonly Role[] = ["customer", "seller", "admin"];

function keyOf(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export async function signAccessToken(secret: string, claims: AccessClaims, now = new Date()): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ role: claims.role, sid: claims.sessionId })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(String(claims.userId))
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ACCESS_TOKEN_TTL_SECONDS)
    .sign(keyOf(secret));
}

/** Returns the claims of a token valid at `now`, or null for anything else (bad signature, expiry, alg). */
export async function verifyAccessToken(secret: string, token: string, now = new Date()): Promise<AccessClaims | null> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), { algorithms: ["HS256"], currentDate: now });
    const userId = Number(payload.sub);
    const role = payload.role as Role;
    if (!Number.isSafeInteger(userId) || !ROLES.includes(role) || typeof payload.sid !== "string") return null;
    return { userId, role, sessionId: payload.sid };
  } catch (error) {
    if (error instanceof joseErrors.JOSEError || error instanceof TypeError) return null;
    throw error;
  }
}

import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Signing secrets are needed in clear to sign every delivery, so a hash cannot stand in for
 * them: at rest they are AES-256-GCM encrypted under a key derived (HKDF-SHA256) from
 * AUTH_SECRET, which servers and workers already share. A database dump alone yields no
 * secret; rotating AUTH_SECRET means re-creating the endpoints.
 */
const keyOf = (authSecret: string) => Buffer.from(hkdfSync("sha256", authSecret, "shop-luxe", "webhook signing secrets", 32));

/** A new secret as Standard Webhooks writes it: `whsec_` and 24 random bytes in base64. */
export const newWebhookSecret = () => `whsec_${randomBytes(24).toString("base64")}`;

export function encryptSecret(authSecret: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyOf(authSecret), iv);
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

export function decryptSecret(authSecret: string, stored: string): string {
  const [version, iv, tag, ciphertext] = stored.split(".");
  if (version !== "v1" || !iv || !tag || !ciphertext) throw new Error("unreadable webhook secret");
  const decipher = createDecipheriv("aes-256-gcm", keyOf(authSecret), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}

import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * A secret the operator did not set: generated once and kept in DATA_DIR, so tokens and
 * payment links survive restarts on a development machine. Production must set its own.
 */
export function persistedSecret(dataDir: string, name: string): string {
  const file = path.join(dataDir, "secrets", name);
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const secret = randomBytes(32).toString("base64url");
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}

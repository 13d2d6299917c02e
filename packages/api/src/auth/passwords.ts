import { hash, verify } from "@node-rs/argon2";

// @node-rs/argon2's defaults are argon2id, m=19 MiB, t=2, p=1: OWASP's recommended minimum.
export const hashPassword = (password: string): Promise<string> => hash(password);

export const verifyPassword = (passwordHash: string, password: string): Promise<boolean> =>
  verify(passwordHash, password).catch(() => false);

// A hash of a random password, verified when the account does not exist, so a wrong username
// costs the same time as a wrong password.
const dummyHash = hash("no-such-account-" + Math.random());
export async function spendVerificationTime(password: string): Promise<void> {
  await verifyPassword(await dummyHash, password);
}

const COMMON_PASSWORDS = new Set(
  (
    "password password1 password123 passw0rd 12345678 123456789 1234567890 qwerty123 qwertyuiop " +
    "iloveyou sunshine princess football baseball welcome welcome1 admin123 letmein letmein1 " +
    "monkey123 dragon123 abc12345 abcd1234 trustno1 11111111 00000000 changeme secret123 shopluxe"
  ).split(" "),
);

/** What is wrong with a new password (Django's validators, in short); empty when it is fine. */
export function passwordProblems(password: string, user: { username: string; email: string }): string[] {
  const problems: string[] = [];
  const lower = password.toLowerCase();
  if (password.length < 8) problems.push("This password is too short. It must contain at least 8 characters.");
  if (password.length > 128) problems.push("This password is too long. It must contain at most 128 characters.");
  if (/^\d+$/.test(password)) problems.push("This password is entirely numeric.");
  if (COMMON_PASSWORDS.has(lower)) problems.push("This password is too common.");
  const personal = [user.username, user.email.split("@")[0] ?? ""].map((s) => s.toLowerCase()).filter((s) => s.length >= 3);
  if (personal.some((part) => lower.includes(part))) problems.push("The password is too similar to the username or email.");
  return problems;
}

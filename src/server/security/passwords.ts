import { hash, verify } from "@node-rs/argon2";

/**
 * Password rules of OWASP ASVS 5.0 (V6.2) and NIST SP 800-63B: 12 to 128 characters, any
 * Unicode, no composition rules (they push people to predictable patterns), and no password
 * from a list of commonly used ones. The list is the 49,000 most common passwords shipped with
 * zxcvbn-ts (MIT), checked case-insensitively; attackers try exactly these first, so a long
 * password that is on it protects nothing.
 */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

// argon2id, OWASP Password Storage Cheat Sheet: m = 19 MiB, t = 2, p = 1.
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

let common: Set<string> | undefined;

async function commonPasswords(): Promise<Set<string>> {
  if (!common) {
    const { dictionary } = await import("@zxcvbn-ts/language-common");
    const list = (dictionary as Record<string, string[]>)["passwords-common"] ?? [];
    common = new Set(list.map((p) => p.toLowerCase()));
  }
  return common;
}

/** Why a password is refused, or null when it is acceptable. */
export async function passwordProblem(password: string, email?: string): Promise<string | null> {
  const normalized = password.normalize("NFC");
  const length = [...normalized].length;
  if (length < PASSWORD_MIN) return `must be at least ${PASSWORD_MIN} characters`;
  if (length > PASSWORD_MAX) return `must be at most ${PASSWORD_MAX} characters`;
  const lower = normalized.toLowerCase();
  if ((await commonPasswords()).has(lower)) return "is one of the most commonly used passwords";
  if (email && lower === email.toLowerCase()) return "must not be your e-mail address";
  return null;
}

export async function hashPassword(password: string): Promise<string> {
  return hash(password.normalize("NFC"), ARGON2);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password.normalize("NFC"));
  } catch {
    return false;
  }
}

// A real hash of a random password: login spends the same time whether or not the account
// exists, so timing does not reveal which e-mail addresses have accounts.
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(crypto.randomUUID());
  return decoy;
}

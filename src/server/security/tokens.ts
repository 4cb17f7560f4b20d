import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Random secrets handed to clients (session cookies, API tokens, recovery codes). Only their
 * SHA-256 is stored: a copy of the database cannot be replayed as a login. 128 bits or more of
 * randomness make offline guessing of the hash pointless, so a fast hash is enough here.
 */
export function randomToken(bytes = 32, prefix = ""): string {
  return `${prefix}${randomBytes(bytes).toString("base64url")}`;
}

export function sha256(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const API_TOKEN_PREFIX = "wpt_";

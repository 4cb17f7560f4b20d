import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";

/**
 * Application-level encryption of identity fields (AES-256-GCM) and blind indexes (HMAC-SHA256)
 * for exact-match lookups. Keys live in a key file outside the database, so a copy of the
 * database alone reveals no names, birth dates, phones or addresses.
 *
 * Ciphertext format: `v1.<keyId>.<iv>.<ciphertext+tag>` (base64url). The key id travels with each
 * value so keys can rotate; the additional authenticated data binds a value to its table, column
 * and row, so a ciphertext copied into another row or column fails to decrypt.
 */
const keyFileSchema = z.object({
  version: z.literal(1),
  current: z.string().min(1),
  keys: z.array(z.object({ id: z.string().min(1), key: z.string(), createdAt: z.string() })).min(1),
  /** Blind-index key. Not rotated with the encryption keys: indexes would all change. */
  indexKey: z.string(),
});
export type KeyFile = z.infer<typeof keyFileSchema>;

export class KeyringError extends Error {
  override name = "KeyringError";
}

/** A tampered, truncated or foreign ciphertext: never returned as garbage. */
export class DecryptionError extends Error {
  override name = "DecryptionError";
  constructor() {
    super("an encrypted field failed its integrity check");
  }
}

const b64 = (b: Buffer) => b.toString("base64url");

// IVs are drawn from the system's CSPRNG 4 KiB at a time, as ids are (src/server/ids.ts): one
// call per 341 values instead of one per value (per-value calls were a fifth of the bulk
// loader's case generation in a CPU profile). Each IV is still 96 fresh random bits, never reused: the pool is consumed once.
const IV_BYTES = 12;
const IV_POOL_BYTES = 4092;
let ivPool = randomBytes(IV_POOL_BYTES);
let ivOffset = 0;

function freshIv(): Buffer {
  if (ivOffset + IV_BYTES > IV_POOL_BYTES) {
    ivPool = randomBytes(IV_POOL_BYTES);
    ivOffset = 0;
  }
  const iv = Buffer.allocUnsafe(IV_BYTES);
  ivPool.copy(iv, 0, ivOffset, ivOffset + IV_BYTES);
  ivOffset += IV_BYTES;
  return iv;
}
const unb64 = (s: string) => Buffer.from(s, "base64url");

export class Keyring {
  readonly #keys: Map<string, Buffer>;
  readonly #indexKey: Buffer;
  readonly currentKeyId: string;

  constructor(file: KeyFile) {
    this.#keys = new Map(file.keys.map((k) => [k.id, unb64(k.key)]));
    for (const [id, key] of this.#keys) {
      if (key.length !== 32) throw new KeyringError(`key ${id} is not 256 bits`);
    }
    if (!this.#keys.has(file.current))
      throw new KeyringError(`current key ${file.current} is missing`);
    this.#indexKey = unb64(file.indexKey);
    if (this.#indexKey.length !== 32) throw new KeyringError("index key is not 256 bits");
    this.currentKeyId = file.current;
  }

  get keyIds(): string[] {
    return [...this.#keys.keys()];
  }

  encrypt(plaintext: string, context: string): string {
    return this.encryptBytes(Buffer.from(plaintext, "utf8"), context);
  }

  /** Binary content (uploaded documents) in the same envelope as text fields. */
  encryptBytes(plaintext: Uint8Array, context: string): string {
    const key = this.#keys.get(this.currentKeyId) as Buffer;
    const iv = freshIv();
    const cipher = createCipheriv("aes-256-gcm", key, iv);
    cipher.setAAD(Buffer.from(context, "utf8"));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
    return `v1.${this.currentKeyId}.${b64(iv)}.${b64(body)}`;
  }

  decrypt(value: string, context: string): string {
    return this.decryptBytes(value, context).toString("utf8");
  }

  decryptBytes(value: string, context: string): Buffer {
    const [version, keyId, iv, body] = value.split(".");
    const key = keyId === undefined ? undefined : this.#keys.get(keyId);
    if (version !== "v1" || !key || !iv || !body) throw new DecryptionError();
    const raw = unb64(body);
    if (raw.length < 16) throw new DecryptionError();
    try {
      const decipher = createDecipheriv("aes-256-gcm", key, unb64(iv));
      decipher.setAAD(Buffer.from(context, "utf8"));
      decipher.setAuthTag(raw.subarray(raw.length - 16));
      return Buffer.concat([decipher.update(raw.subarray(0, raw.length - 16)), decipher.final()]);
    } catch {
      throw new DecryptionError();
    }
  }

  /** The key id a stored value was encrypted with (for rotation). */
  static keyIdOf(value: string): string | undefined {
    return value.split(".")[1];
  }

  /** Deterministic keyed hash for exact-match search; `kind` separates index families. */
  blindIndex(kind: string, normalized: string): string {
    return createHmac("sha256", this.#indexKey)
      .update(`${kind}\u0000${normalized}`)
      .digest("base64url");
  }

  /**
   * A 256-bit secret for one named purpose (the audit log's signing key), derived from the index
   * key with HKDF-SHA256: like the index key it never rotates, and the key file needs no new field.
   */
  derivedSecret(purpose: string): Buffer {
    return Buffer.from(hkdfSync("sha256", this.#indexKey, "", `waypoint ${purpose}`, 32));
  }
}

export function newKeyFile(now = new Date()): KeyFile {
  const id = `k${now.toISOString().slice(0, 10).replaceAll("-", "")}${randomBytes(3).toString("hex")}`;
  return {
    version: 1,
    current: id,
    keys: [{ id, key: b64(randomBytes(32)), createdAt: now.toISOString() }],
    indexKey: b64(randomBytes(32)),
  };
}

export function writeKeyFile(path: string, file: KeyFile): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, path);
}

export function readKeyFile(path: string): KeyFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new KeyringError(`cannot read key file ${path}: ${e instanceof Error ? e.message : e}`);
  }
  const parsed = keyFileSchema.safeParse(raw);
  if (!parsed.success) throw new KeyringError(`key file ${path} is malformed`);
  return parsed.data;
}

/**
 * Loads the key file; creates one when missing only if allowed (demo and development). In
 * production a missing key file is a start-up error: silently making a new key would make every
 * existing encrypted field unreadable.
 */
export function loadKeyring(path: string, options: { createIfMissing: boolean }): Keyring {
  if (!existsSync(path)) {
    if (!options.createIfMissing) {
      throw new KeyringError(
        `key file ${path} does not exist (WAYPOINT_KEY_FILE); production never creates one`,
      );
    }
    writeKeyFile(path, newKeyFile());
  }
  return new Keyring(readKeyFile(path));
}

/** Adds a fresh key and makes it current; old keys stay for reading until re-encryption ends. */
export function addKey(file: KeyFile, now = new Date()): KeyFile {
  const fresh = newKeyFile(now);
  const key = fresh.keys[0] as KeyFile["keys"][number];
  return { ...file, current: key.id, keys: [...file.keys, key] };
}

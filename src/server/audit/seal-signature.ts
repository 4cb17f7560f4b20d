import {
  createHash,
  createPrivateKey,
  createPublicKey,
  type KeyObject,
  sign,
  verify,
} from "node:crypto";
import type { Keyring } from "../security/keyring.ts";
import { type SealHead, sealHeadMessage } from "./audit-chain.ts";

/**
 * Ed25519 keys for the audit log's batch heads. The private key is derived from the key file
 * (`Keyring.derivedSecret`), so every server of one deployment signs with the same key and the key
 * file keeps its format; the public key can be printed and handed to anyone who checks the log
 * without the key file (`audit verify --public-key`).
 */
const PURPOSE = "audit seal signing key v1";
// DER wrappers of a raw 32-byte Ed25519 seed (PKCS#8) and public key (SPKI), RFC 8410.
const PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
const SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

/** What checks batch heads: the public key, its printable form and its id. */
export interface SealVerifier {
  readonly keyId: string;
  /** The raw public key, base64url (43 characters). */
  readonly publicKey: string;
  verify(head: SealHead, signature: string): boolean;
}

export interface SealSigner extends SealVerifier {
  sign(head: SealHead): string;
}

function verifierFor(key: KeyObject): SealVerifier {
  const raw = key.export({ format: "der", type: "spki" }).subarray(SPKI_PREFIX.length);
  const keyId = `ed25519:${createHash("sha256").update(raw).digest("hex").slice(0, 16)}`;
  return {
    keyId,
    publicKey: raw.toString("base64url"),
    verify(head, signature) {
      const bytes = Buffer.from(signature, "base64url");
      if (bytes.length !== 64) return false;
      return verify(null, Buffer.from(sealHeadMessage(head)), key, bytes);
    },
  };
}

const signers = new WeakMap<Keyring, SealSigner>();

/** The deployment's signer (derived once per keyring). */
export function sealSignerFor(keyring: Keyring): SealSigner {
  const known = signers.get(keyring);
  if (known) return known;
  const seed = keyring.derivedSecret(PURPOSE);
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_PREFIX, seed]),
    format: "der",
    type: "pkcs8",
  });
  const signer: SealSigner = {
    ...verifierFor(createPublicKey(privateKey)),
    sign: (head) =>
      sign(null, Buffer.from(sealHeadMessage(head)), privateKey).toString("base64url"),
  };
  signers.set(keyring, signer);
  return signer;
}

export class SealKeyError extends Error {
  override name = "SealKeyError";
}

/** A verifier from a printed public key (`audit verify` shows it). */
export function sealVerifierFromPublicKey(printed: string): SealVerifier {
  const raw = Buffer.from(printed.trim(), "base64url");
  if (raw.length !== 32) throw new SealKeyError("an audit public key is 32 bytes in base64url");
  return verifierFor(
    createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: "der", type: "spki" }),
  );
}

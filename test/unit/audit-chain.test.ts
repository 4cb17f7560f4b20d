import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  type ChainedContent,
  GENESIS_HASH,
  hashAuditRow,
  type SealHead,
} from "../../src/server/audit/audit-chain.ts";
import { sealSignerFor, sealVerifierFromPublicKey } from "../../src/server/audit/seal-signature.ts";
import { Keyring, newKeyFile } from "../../src/server/security/keyring.ts";

const text = fc.string({ maxLength: 12 });
const nullable = fc.option(text, { nil: null });
const row: fc.Arbitrary<ChainedContent> = fc.record({
  seq: fc.integer({ min: 1, max: 1e9 }),
  at: text,
  actor_user_id: nullable,
  actor_agency_id: nullable,
  actor_role: nullable,
  action: text,
  record_type: nullable,
  record_id: nullable,
  fields: text,
  client_ip: nullable,
  outcome: fc.constantFrom("allowed", "denied", "failed"),
  detail: text,
});

describe("audit hash chain", () => {
  it("changes when any field, the chain position, the seq or the previous hash changes", () => {
    fc.assert(
      fc.property(row, row, fc.integer({ min: 1, max: 1e9 }), (a, b, position) => {
        const base = hashAuditRow(GENESIS_HASH, position, a);
        for (const key of Object.keys(a) as (keyof ChainedContent)[]) {
          if (a[key] === b[key]) continue;
          const changed = { ...a, [key]: b[key] } as ChainedContent;
          assert.notEqual(hashAuditRow(GENESIS_HASH, position, changed), base, key);
        }
        assert.notEqual(hashAuditRow(GENESIS_HASH, position + 1, a), base, "position");
        assert.notEqual(hashAuditRow("1".repeat(64), position, a), base, "previous hash");
      }),
    );
  });

  it("keeps the hashes of rows chained before the sealer (chain position = seq) valid", () => {
    fc.assert(
      fc.property(row, (r) => {
        const legacy = createHash("sha256")
          .update(GENESIS_HASH)
          .update("\n")
          .update(
            JSON.stringify([
              r.seq,
              r.at,
              r.actor_user_id,
              r.actor_agency_id,
              r.actor_role,
              r.action,
              r.record_type,
              r.record_id,
              r.fields,
              r.client_ip,
              r.outcome,
              r.detail,
            ]),
          )
          .digest("hex");
        assert.equal(hashAuditRow(GENESIS_HASH, r.seq, r), legacy);
      }),
    );
  });
});

describe("audit batch head signatures", () => {
  const keyring = new Keyring(newKeyFile());
  const signer = sealSignerFor(keyring);
  const head: SealHead = {
    batch: 3,
    firstChainSeq: 11,
    lastChainSeq: 20,
    headHash: "a".repeat(64),
    sealedAt: "2026-12-02T10:00:00.000Z",
    keyId: signer.keyId,
  };

  it("verifies with the printed public key, and fails for any other head or key", () => {
    const signature = signer.sign(head);
    const printed = sealVerifierFromPublicKey(signer.publicKey);
    assert.equal(printed.keyId, signer.keyId);
    assert.equal(printed.verify(head, signature), true);
    for (const altered of [
      { ...head, batch: 4 },
      { ...head, firstChainSeq: 10 },
      { ...head, lastChainSeq: 21 },
      { ...head, headHash: "b".repeat(64) },
      { ...head, sealedAt: "2026-12-02T10:00:01.000Z" },
      { ...head, keyId: "ed25519:0000000000000000" },
    ])
      assert.equal(printed.verify(altered, signature), false, JSON.stringify(altered));
    const other = sealSignerFor(new Keyring(newKeyFile()));
    assert.notEqual(other.keyId, signer.keyId);
    assert.equal(other.verify(head, signature), false);
    assert.equal(printed.verify(head, "not a signature"), false);
  });

  it("derives the same key from the same key file, whatever key rotation did", () => {
    const file = newKeyFile();
    const a = sealSignerFor(new Keyring(file));
    const rotated = { ...file, current: "k2", keys: [...file.keys, { ...file.keys[0], id: "k2" }] };
    const b = sealSignerFor(new Keyring(rotated as typeof file));
    assert.equal(a.publicKey, b.publicKey);
  });
});

import assert from "node:assert/strict";
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  addKey,
  DecryptionError,
  Keyring,
  KeyringError,
  loadKeyring,
  newKeyFile,
  readKeyFile,
} from "../../src/server/security/keyring.ts";

describe("keyring", () => {
  const keyring = new Keyring(newKeyFile());

  it("round-trips any text, with a fresh IV each time", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        const a = keyring.encrypt(text, "persons.given_name.p1");
        const b = keyring.encrypt(text, "persons.given_name.p1");
        assert.notEqual(a, b);
        assert.equal(keyring.decrypt(a, "persons.given_name.p1"), text);
      }),
      { numRuns: 200 },
    );
  });

  it("refuses a tampered ciphertext, or one moved to another row or column, instead of returning garbage", () => {
    const sealed = keyring.encrypt("Canary Testperson", "persons.given_name.p1");
    const [v, kid, iv, body] = sealed.split(".") as [string, string, string, string];
    const raw = Buffer.from(body, "base64url");
    for (let i = 0; i < raw.length; i++) {
      const flipped = Buffer.from(raw);
      flipped[i] = (flipped[i] as number) ^ 1;
      assert.throws(
        () =>
          keyring.decrypt(
            `${v}.${kid}.${iv}.${flipped.toString("base64url")}`,
            "persons.given_name.p1",
          ),
        DecryptionError,
      );
    }
    assert.throws(() => keyring.decrypt(sealed, "persons.given_name.p2"), DecryptionError);
    assert.throws(() => keyring.decrypt(sealed, "persons.family_name.p1"), DecryptionError);
    assert.throws(() => keyring.decrypt("v1.nokey.AAAA.BBBB", "x"), DecryptionError);
    assert.throws(() => keyring.decrypt("garbage", "x"), DecryptionError);
  });

  it("reads old values after a rotation, and writes with the new key", () => {
    const file = newKeyFile();
    const before = new Keyring(file);
    const old = before.encrypt("x", "c");
    const after = new Keyring(addKey(file));
    assert.notEqual(after.currentKeyId, before.currentKeyId);
    assert.equal(after.decrypt(old, "c"), "x");
    assert.equal(Keyring.keyIdOf(after.encrypt("x", "c")), after.currentKeyId);
    // The blind-index key does not rotate: existing indexes stay valid.
    assert.equal(after.blindIndex("phone", "6015550100"), before.blindIndex("phone", "6015550100"));
  });

  it("creates a key file only when allowed, readable by its owner only", () => {
    const dir = mkdtempSync(join(tmpdir(), "waypoint-key-"));
    const path = join(dir, "sub", "waypoint.key");
    assert.throws(() => loadKeyring(path, { createIfMissing: false }), KeyringError);
    loadKeyring(path, { createIfMissing: true });
    assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.equal(readKeyFile(path).keys.length, 1);
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkTotp, newTotpSecret, totpAt } from "../../src/server/auth/totp.ts";

describe("TOTP verification", () => {
  const secret = newTotpSecret();
  const at = new Date("2026-10-05T16:00:00Z");
  const step = Math.floor(at.getTime() / 30_000);

  it("accepts the current code once, then refuses it (replay)", async () => {
    const code = await totpAt(secret, at);
    const accepted = await checkTotp(secret, code, at, null);
    assert.equal(accepted, step);
    assert.equal(await checkTotp(secret, code, at, accepted), null);
  });

  it("refuses, without throwing, when the clock went back behind the last accepted step", async () => {
    const earlier = new Date(at.getTime() - 10 * 60_000);
    const code = await totpAt(secret, earlier);
    assert.equal(await checkTotp(secret, code, earlier, step), null);
  });
});

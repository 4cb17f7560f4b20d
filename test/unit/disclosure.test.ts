import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { CONSENT_CATEGORIES, type ConsentCategory } from "../../src/domain/roles.ts";
import { decideDisclosure } from "../../src/server/access/disclosure.ts";

describe("the one disclosure decider", () => {
  const facts = fc.record({
    sameAgency: fc.boolean(),
    recipientAgencyKind: fc.constantFrom("cps", "medical", "law_enforcement", "victim_services"),
    minorVictim: fc.boolean(),
    consented: fc.subarray([...CONSENT_CATEGORIES]),
    asked: fc.subarray([...CONSENT_CATEGORIES], { minLength: 1 }),
  });
  type Facts = typeof facts extends fc.Arbitrary<infer T> ? T : never;
  const decide = (f: Facts, setting: Parameters<typeof decideDisclosure>[0]["setting"]) =>
    decideDisclosure({
      holderAgencyId: "tower",
      recipientAgencyId: f.sameAgency ? "tower" : "other",
      recipientAgencyKind: f.recipientAgencyKind,
      minorVictim: f.minorVictim,
      consentedCategories: new Set<ConsentCategory>(f.consented),
      asked: f.asked,
      setting,
    });

  it("decides a victim-services record alike for a case read and a release naming the statute", () => {
    fc.assert(
      fc.property(facts, (f) => {
        const read = decide(f, { kind: "case_read", holderAgencyKind: "victim_services" });
        const release = decide(f, { kind: "release", statuteNamed: true });
        assert.deepEqual(read, release);
        if (read.basis === "consent")
          assert.ok(read.released.every((c) => f.consented.includes(c)));
        if (read.basis === "statutory_report")
          assert.ok(f.recipientAgencyKind === "cps" && f.minorVictim && !f.sameAgency);
        if (read.basis === "none") assert.deepEqual(read.released, []);
      }),
    );
  });

  it("opens a record the law does not keep confidential within the case, never by release alone", () => {
    fc.assert(
      fc.property(facts, (f) => {
        const read = decide(f, { kind: "case_read", holderAgencyKind: "cps" });
        assert.deepEqual(read, { basis: "own_agency", released: f.asked });
        const release = decide(f, { kind: "release", statuteNamed: false });
        if (!f.sameAgency) assert.notEqual(release.basis, "own_agency");
        assert.notEqual(
          release.basis,
          "statutory_report",
          "the statute is relied on only when named",
        );
      }),
    );
  });
});

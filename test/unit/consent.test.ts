import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { PERSON_PARTS } from "../../src/domain/catalogues.ts";
import { consentGiverRefusal, mayGiveConsent, SUSPECTED_PARTS } from "../../src/domain/consent.ts";
import { planDomainConsentCategory } from "../../src/domain/coordination/service-plan.ts";

const age = fc.option(fc.integer({ min: 0, max: 110 }), { nil: null });
const parts = fc.array(fc.constantFrom(...PERSON_PARTS), { maxLength: 6 });

describe("who may give a consent (34 U.S.C. 12291(b)(2)(B)(ii))", () => {
  it("a person recorded as trafficker, purchaser or facilitator never consents for another, at any age", () => {
    fc.assert(
      fc.property(age, parts, fc.constantFrom(...SUSPECTED_PARTS), (a, others, suspected) => {
        const refusal = consentGiverRefusal({
          self: false,
          subjectAgeYears: a,
          giverParts: [...others, suspected],
        });
        assert.equal(refusal, "suspected");
      }),
    );
  });

  it("the person's own consent is always theirs to give", () => {
    fc.assert(
      fc.property(age, parts, (a, p) =>
        assert.equal(mayGiveConsent({ self: true, subjectAgeYears: a, giverParts: p }), true),
      ),
    );
  });

  it("no one else consents for an adult or a person of unknown age", () => {
    fc.assert(
      fc.property(fc.option(fc.integer({ min: 18, max: 110 }), { nil: null }), parts, (a, p) =>
        assert.equal(mayGiveConsent({ self: false, subjectAgeYears: a, giverParts: p }), false),
      ),
    );
  });

  it("for a minor, exactly a non-offending family member on a shared case may consent", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 17 }), parts, (a, p) => {
        const expected =
          p.includes("family") && !p.some((x) => (SUSPECTED_PARTS as string[]).includes(x));
        assert.equal(mayGiveConsent({ self: false, subjectAgeYears: a, giverParts: p }), expected);
      }),
    );
    assert.equal(
      consentGiverRefusal({ self: false, subjectAgeYears: 15, giverParts: ["reporter"] }),
      "not_guardian",
    );
    assert.equal(
      consentGiverRefusal({ self: false, subjectAgeYears: 17, giverParts: [] }),
      "not_guardian",
      "someone on no shared case",
    );
    assert.equal(
      consentGiverRefusal({ self: false, subjectAgeYears: 18, giverParts: ["family"] }),
      "adult_gives_own",
      "18 is an adult (§ 97-3-54.4(k))",
    );
  });
});

describe("which consent category a plan item needs", () => {
  it("health and emotional (therapy) need `health`; restoration and legal need `services`", () => {
    assert.equal(planDomainConsentCategory("health"), "health");
    assert.equal(planDomainConsentCategory("emotional"), "health");
    for (const d of ["restoration", "legal"] as const)
      assert.equal(planDomainConsentCategory(d), "services");
  });
});

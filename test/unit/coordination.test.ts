import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { DOCUMENT_TYPES, safeFileName } from "../../src/domain/coordination/documents.ts";
import {
  certificationValid,
  rankCandidates,
  seatIneligibility,
} from "../../src/domain/coordination/rapid-assessment-team.ts";
import { REFERRAL_TRANSITIONS } from "../../src/domain/coordination/referral.ts";
import { localDate } from "../../src/domain/time.ts";
import { referralDisclosure } from "../../src/server/access/disclosure.ts";

const isoDate = fc
  .date({
    min: new Date("2020-01-01T00:00:00Z"),
    max: new Date("2030-12-31T00:00:00Z"),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

describe("Rapid Assessment Team seats", () => {
  it("a certification is valid from its issue date through its expiry date, inclusive", () => {
    const cert = { kind: "ht_investigator", issuedOn: "2025-01-15", expiresOn: "2027-01-14" };
    assert.equal(certificationValid(cert, "2025-01-14"), false);
    assert.equal(certificationValid(cert, "2025-01-15"), true);
    assert.equal(certificationValid(cert, "2027-01-14"), true);
    assert.equal(certificationValid(cert, "2027-01-15"), false);
  });

  it("never seats an HT investigator or advocate without a certification valid that day", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("ht_investigator", "victim_advocate" as const),
        fc.array(
          fc.record({
            kind: fc.constantFrom("ht_investigator", "victim_advocate"),
            issuedOn: isoDate,
            expiresOn: isoDate,
          }),
        ),
        isoDate,
        (seat, certifications, today) => {
          const why = seatIneligibility(seat, { role: seat, certifications }, today);
          const valid = certifications.some((c) => c.kind === seat && certificationValid(c, today));
          assert.equal(why === null, valid);
        },
      ),
    );
  });

  it("the CPS seat needs the role only; a wrong role is never seated", () => {
    assert.equal(
      seatIneligibility(
        "cps_investigator",
        { role: "cps_investigator", certifications: [] },
        "2026-01-01",
      ),
      null,
    );
    assert.equal(
      seatIneligibility("cps_investigator", { role: "screener", certifications: [] }, "2026-01-01"),
      "wrong_role",
    );
  });

  it("ranks everyone on call before anyone off call", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ membershipId: fc.uuid(), displayName: fc.string(), onCall: fc.boolean() }),
        ),
        (candidates) => {
          const ranked = rankCandidates(candidates);
          const firstOff = ranked.findIndex((c) => !c.onCall);
          if (firstOff >= 0) assert.ok(ranked.slice(firstOff).every((c) => !c.onCall));
          assert.equal(ranked.length, candidates.length);
        },
      ),
    );
  });

  it("uses the Mississippi calendar date (a late evening in Jackson is still that day)", () => {
    assert.equal(localDate(new Date("2027-01-15T05:30:00Z")), "2027-01-14");
    assert.equal(localDate(new Date("2027-01-15T06:30:00Z")), "2027-01-15");
  });
});

describe("referral disclosure", () => {
  const base = {
    holderAgencyId: "tower",
    recipientAgencyId: "clinic",
    recipientKind: "medical",
    minorVictim: false,
    hasValidConsent: false,
    statutoryBasis: undefined,
  };

  it("identity to another agency needs consent or a statute that applies", () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom("cps", "medical", "shelter"),
        fc.constantFrom(undefined, "cps_report_minor" as const),
        (hasValidConsent, minorVictim, recipientKind, statutoryBasis) => {
          const d = referralDisclosure({
            ...base,
            disclosesIdentity: true,
            hasValidConsent,
            minorVictim,
            recipientKind,
            statutoryBasis,
          });
          if (d.allowed && d.basis === "consent") assert.ok(hasValidConsent);
          if (d.allowed && d.basis === "cps_report_minor")
            assert.ok(recipientKind === "cps" && minorVictim);
          if (!hasValidConsent && !(recipientKind === "cps" && minorVictim))
            assert.equal(d.allowed, false);
        },
      ),
    );
  });

  it("a referral without identity, or inside the holding agency, needs neither", () => {
    assert.deepEqual(referralDisclosure({ ...base, disclosesIdentity: false }), {
      allowed: true,
      basis: "none",
    });
    assert.deepEqual(
      referralDisclosure({ ...base, recipientAgencyId: "tower", disclosesIdentity: true }),
      {
        allowed: true,
        basis: "same_agency",
      },
    );
  });

  it("declined and completed referrals are final", () => {
    assert.deepEqual(REFERRAL_TRANSITIONS.declined, []);
    assert.deepEqual(REFERRAL_TRANSITIONS.completed, []);
  });
});

describe("document types", () => {
  it("recognises files by their first bytes, not their declared type", () => {
    assert.ok(DOCUMENT_TYPES["application/pdf"].matches(Buffer.from("%PDF-1.7\n")));
    assert.ok(!DOCUMENT_TYPES["application/pdf"].matches(Buffer.from("<html>")));
    assert.ok(
      DOCUMENT_TYPES["image/png"].matches(
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]),
      ),
    );
    assert.ok(!DOCUMENT_TYPES["text/plain"].matches(Buffer.from([0x4d, 0x5a, 0x90, 0x00])));
    assert.ok(
      DOCUMENT_TYPES["text/plain"].matches(Buffer.from("Notes from the call\r\n\tSecond line ñ")),
    );
  });

  it("file names lose any path and control characters and stay bounded", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (name) => {
        const safe = safeFileName(name);
        assert.ok(safe.length >= 1 && safe.length <= 200);
        assert.ok(!/[\\/\p{Cc}]/u.test(safe));
      }),
    );
    assert.equal(safeFileName("../../etc/passwd"), "passwd");
  });
});

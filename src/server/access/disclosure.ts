import type { StatutoryBasis } from "../../domain/coordination/referral.ts";
import {
  type ConsentCategory,
  IDENTITY_FIELD_CATEGORY,
  type IdentityField,
  ROLE_POLICIES,
} from "../../domain/roles.ts";
import type { Actor } from "./actor.ts";

/**
 * The one disclosure decider: on what basis what one agency holds about a person reaches
 * another agency, for a case read (the reader's agency) and a referral (the recipient) alike.
 * Pure: the SQL filters of consent.ts and the repositories supply the facts.
 *
 * - `own_agency`: the recipient holds the record, or (within a case's reach) the record is not
 *   one the law keeps confidential;
 * - `consent`: the person's written, time-limited consent releases these categories
 *   (VAWA, 34 U.S.C. 12291(b)(2));
 * - `statutory_report`: CPS receiving a child victim's report, which the law requires
 *   (Miss. Code § 43-21-353; § 97-3-54.1(4));
 * - `none`: nothing is released.
 */
export type DisclosureBasis = "own_agency" | "consent" | "statutory_report" | "none";

/** Kinds of agency whose records leave them only under consent: victim-services providers (VAWA). */
const CONFIDENTIAL_HOLDER_KINDS: readonly string[] = ["victim_services"];
/** The kind of agency a child victim's report goes to by law (Miss. Code § 43-21-353). */
const CHILD_REPORT_RECIPIENT_KINDS: readonly string[] = ["cps"];

export function holdsConfidentialRecords(agencyKind: string): boolean {
  return CONFIDENTIAL_HOLDER_KINDS.includes(agencyKind);
}

export function receivesChildReports(agencyKind: string): boolean {
  return CHILD_REPORT_RECIPIENT_KINDS.includes(agencyKind);
}

/** The agency kinds of the two lists above, for the SQL forms of the same rule (consent.ts). */
export const DISCLOSURE_KINDS = {
  confidentialHolders: CONFIDENTIAL_HOLDER_KINDS,
  childReportRecipients: CHILD_REPORT_RECIPIENT_KINDS,
} as const;

export interface DisclosureFacts {
  holderAgencyId: string;
  recipientAgencyId: string;
  recipientAgencyKind: string;
  /** The person is recorded as a victim and is a minor. */
  minorVictim: boolean;
  /** The categories a consent standing now releases from the holder to the recipient. */
  consentedCategories: ReadonlySet<ConsentCategory>;
  /** The categories the disclosure would carry. */
  asked: readonly ConsentCategory[];
  /**
   * Where the information goes. `case_read`: to someone the case already reaches, who sees what
   * its record holds unless a victim-services provider holds it; CPS reading a child's record
   * relies on the report the law requires. `release`: out to another agency (a referral), which
   * leaves the holder only on a basis the referral records, whoever the holder is; the statute
   * is relied on only when the sender names it.
   */
  setting:
    | { kind: "case_read"; holderAgencyKind: string }
    | { kind: "release"; statuteNamed: boolean };
}

export interface Disclosure {
  basis: DisclosureBasis;
  /** The asked categories released (all of them, some under consent, or none). */
  released: ConsentCategory[];
}

/**
 * The decision, strongest basis first: the holder's own agency (or a record the law does not
 * keep confidential, within the case), then the statutory report, then consent (which may
 * release only some of what was asked), else nothing.
 */
export function decideDisclosure(f: DisclosureFacts): Disclosure {
  const all: Disclosure = { basis: "own_agency", released: [...f.asked] };
  if (f.holderAgencyId === f.recipientAgencyId) return all;
  if (f.setting.kind === "case_read" && !holdsConfidentialRecords(f.setting.holderAgencyKind))
    return all;
  if (statuteRelied(f) && statutoryReportApplies(f)) return { ...all, basis: "statutory_report" };
  const released = f.asked.filter((c) => f.consentedCategories.has(c));
  return released.length > 0 ? { basis: "consent", released } : { basis: "none", released: [] };
}

function statuteRelied(f: DisclosureFacts): boolean {
  return f.setting.kind === "case_read" || f.setting.statuteNamed;
}

/** The statutory report covers a minor victim's record going to CPS, nothing else. */
function statutoryReportApplies(f: { recipientAgencyKind: string; minorVictim: boolean }) {
  return receivesChildReports(f.recipientAgencyKind) && f.minorVictim;
}

/** The identity fields and the categories that disclose them, in the order of the role table. */
const IDENTITY_FIELDS = Object.keys(IDENTITY_FIELD_CATEGORY) as IdentityField[];
const IDENTITY_CATEGORIES = [...new Set(Object.values(IDENTITY_FIELD_CATEGORY))];

/**
 * Which identity fields the actor may see for one person on a case it reaches, and on what
 * basis: only roles that see identities (the role table), then the decider above.
 */
export function identityDisclosure(
  actor: Actor,
  facts: {
    holderAgencyId: string;
    holderAgencyKind: string;
    consentedCategories: ReadonlySet<ConsentCategory>;
    minorVictim: boolean;
  },
): { fields: IdentityField[]; basis: DisclosureBasis } {
  if (!ROLE_POLICIES[actor.role].seesIdentity) return { fields: [], basis: "none" };
  const { basis, released } = decideDisclosure({
    holderAgencyId: facts.holderAgencyId,
    recipientAgencyId: actor.agencyId,
    recipientAgencyKind: actor.agencyKind,
    minorVictim: facts.minorVictim,
    consentedCategories: facts.consentedCategories,
    asked: IDENTITY_CATEGORIES,
    setting: { kind: "case_read", holderAgencyKind: facts.holderAgencyKind },
  });
  return {
    fields: IDENTITY_FIELDS.filter((f) => released.includes(IDENTITY_FIELD_CATEGORY[f])),
    basis,
  };
}

/**
 * The referral's own words for the basis, as stored in `referrals.disclosure_basis`, answered
 * by the API and labelled by the web app (kept as they were: stored rows and clients use them).
 * `none` there means the referral carries no identity at all.
 */
export type ReferralBasis = "none" | "same_agency" | "consent" | StatutoryBasis;
const REFERRAL_BASIS: Record<Exclude<DisclosureBasis, "none">, ReferralBasis> = {
  own_agency: "same_agency",
  consent: "consent",
  statutory_report: "cps_report_minor",
};

export type ReferralDisclosure =
  | { allowed: true; basis: ReferralBasis }
  | { allowed: false; code: "consent_required" | "statutory_basis_not_met" };

/**
 * Whether a referral may carry the person's identity to the recipient, and on what basis (the
 * decider above, as a release). A statute the sender names must cover the referral: otherwise it
 * is refused, not sent on another basis the sender did not mean.
 */
export function referralDisclosure(input: {
  disclosesIdentity: boolean;
  holderAgencyId: string;
  recipientAgencyId: string;
  recipientKind: string;
  minorVictim: boolean;
  hasValidConsent: boolean;
  statutoryBasis: StatutoryBasis | undefined;
}): ReferralDisclosure {
  if (!input.disclosesIdentity) return { allowed: true, basis: "none" };
  const { basis } = decideDisclosure({
    holderAgencyId: input.holderAgencyId,
    recipientAgencyId: input.recipientAgencyId,
    recipientAgencyKind: input.recipientKind,
    minorVictim: input.minorVictim,
    consentedCategories: new Set<ConsentCategory>(input.hasValidConsent ? ["identity"] : []),
    asked: ["identity"],
    setting: { kind: "release", statuteNamed: input.statutoryBasis !== undefined },
  });
  if (input.statutoryBasis !== undefined && basis !== "statutory_report" && basis !== "own_agency")
    return { allowed: false, code: "statutory_basis_not_met" };
  if (basis === "none") return { allowed: false, code: "consent_required" };
  return { allowed: true, basis: REFERRAL_BASIS[basis] };
}

import { guidance } from "../citations.ts";
import { CONTACTS, type Contact } from "../contacts.ts";
import type { ActionId } from "./vocabulary.ts";

/** When an action is due. `hours` is the clock the case-coordination deadline engine starts. */
export type Deadline =
  | { kind: "immediately"; hours: 0 }
  | { kind: "within_24_hours"; hours: 24 }
  | { kind: "without_delay"; hours: null }
  | { kind: "when_the_person_agrees"; hours: null };

/** DOMAIN.md §5 gives "seed" as the authority: the Center for Violence Prevention's training. */
const CVP = guidance("cvp_training");

const IMMEDIATELY: Deadline = { kind: "immediately", hours: 0 };
const WITHIN_24_HOURS: Deadline = { kind: "within_24_hours", hours: 24 };
const WITHOUT_DELAY: Deadline = { kind: "without_delay", hours: null };
const WHEN_AGREED: Deadline = { kind: "when_the_person_agrees", hours: null };

export interface ActionSpec {
  id: ActionId;
  /** Whom to contact; `contactKey` names them in the message catalogues. */
  contactKey: string;
  /** Only numbers DOMAIN.md gives; where it gives none we print none rather than guess. */
  phone: Contact | null;
  deadline: Deadline;
  /** Statute, or guidance by its issuer (`citationText` words it per language). */
  citation: string;
}

const spec = (
  id: ActionId,
  contactKey: string,
  phone: Contact | null,
  deadline: Deadline,
  citation: string,
): ActionSpec => ({ id, contactKey, phone, deadline, citation });

/** DOMAIN.md §5, one entry per action id, in the order actions are listed to the user. */
export const ACTION_CATALOGUE: Record<ActionId, ActionSpec> = {
  report_cps: spec(
    "report_cps",
    "cps",
    CONTACTS.cpsHotline,
    IMMEDIATELY,
    "Miss. Code § 97-3-54.1(4); § 43-21-353; § 97-5-51",
  ),
  report_mbi_ht_coordinator: spec(
    "report_mbi_ht_coordinator",
    "mbi_ht_coordinator",
    null,
    IMMEDIATELY,
    "Miss. Code § 97-3-54.1(4)",
  ),
  report_attorney_general: spec(
    "report_attorney_general",
    "attorney_general",
    null,
    IMMEDIATELY,
    "Miss. Code §§ 43-21-105, 43-21-353",
  ),
  rapid_assessment_team: spec(
    "rapid_assessment_team",
    "cps",
    CONTACTS.cpsHotline,
    WITHIN_24_HOURS,
    "HB 1559 (2020); 3 Miss. Code R. 5-02-200",
  ),
  cps_in_person_contact_24h: spec(
    "cps_in_person_contact_24h",
    "cps",
    CONTACTS.cpsHotline,
    WITHIN_24_HOURS,
    "Miss. Code § 43-26-3(2)(a) (HB 1559)",
  ),
  cps_specialized_plan: spec(
    "cps_specialized_plan",
    "cps",
    CONTACTS.cpsHotline,
    WITHOUT_DELAY,
    "HB 571 (2019)",
  ),
  medical_or_shelter_not_detention: spec(
    "medical_or_shelter_not_detention",
    "hospital_or_shelter",
    null,
    IMMEDIATELY,
    CVP, // DOMAIN.md §4–5
  ),
  notify_cps_minor_in_custody: spec(
    "notify_cps_minor_in_custody",
    "cps",
    CONTACTS.cpsHotline,
    IMMEDIATELY,
    "Miss. Code § 97-29-49",
  ),
  notify_fbi: spec("notify_fbi", "fbi", null, IMMEDIATELY, CVP),
  establish_age: spec("establish_age", "none", null, IMMEDIATELY, "Miss. Code § 97-3-54.4(k)"),
  contact_victim_advocate: spec(
    "contact_victim_advocate",
    "victim_advocate",
    CONTACTS.theTower,
    IMMEDIATELY,
    CVP,
  ),
  national_hotline: spec(
    "national_hotline",
    "national_hotline",
    CONTACTS.nationalHotline,
    IMMEDIATELY,
    CVP,
  ),
  offer_law_enforcement_contact: spec(
    "offer_law_enforcement_contact",
    "local_law_enforcement",
    null,
    WHEN_AGREED,
    CVP, // DOMAIN.md §4: an adult victim decides whether to involve law enforcement
  ),
  immigration_relief_referral: spec(
    "immigration_relief_referral",
    "immigration_legal_help",
    null,
    WITHOUT_DELAY,
    "22 U.S.C. 7105; 8 U.S.C. 1101(a)(15)(T)",
  ),
  document_everything: spec("document_everything", "none", null, IMMEDIATELY, CVP),
};

import { type Expression, type RawBuilder, type SqlBool, sql } from "kysely";
import { PLAN_DOMAIN_CONSENT } from "../../domain/coordination/service-plan.ts";
import { AGE_OF_MAJORITY } from "../../domain/minor.ts";
import { type ConsentCategory, ROLE_POLICIES } from "../../domain/roles.ts";
import type { Actor } from "./actor.ts";
import {
  DISCLOSURE_KINDS,
  type DisclosureBasis,
  holdsConfidentialRecords,
  receivesChildReports,
} from "./disclosure.ts";

/**
 * The consent rule of the access policy (re-exported by policy.ts, which is where callers import
 * it from; kept in its own file so each stays small). VAWA, 34 U.S.C. 12291(b)(2): a
 * victim-services provider releases what it holds about a person to another agency only under
 * that person's informed, written, reasonably time-limited consent (DOMAIN.md §11). Everything
 * here is a SQL condition, so what may not be seen never leaves the database.
 */

/**
 * THE consent rule, in SQL on a `consents` row: it is valid now for the recipient agency (not
 * revoked, not yet expired) and, when a category is asked, covers it. Every read that a consent
 * opens (identities, notes, documents, plans, referrals), every referral sent under one and the
 * advocates' list of consents ask here, so validity is written once. `recipient` may be a
 * column (the row's own recipient, to ask whether it is in force at all).
 */
export function consentValidNow(
  recipient: string | Expression<unknown>,
  nowIso: string,
  category?: ConsentCategory | ConsentCategory[] | Expression<string>,
): RawBuilder<SqlBool> {
  const standing = sql<SqlBool>`consents.recipient_agency_id = ${recipient}
    and consents.revoked_at is null and consents.expires_at > ${nowIso}`;
  return category === undefined
    ? sql<SqlBool>`(${standing})`
    : sql<SqlBool>`(${standing} and ${consentCovers(category)})`;
}

/** SQL condition on a `consents` row: it stands now for the recipient, whatever it covers. */
export function consentStanding(recipientAgencyId: string, nowIso: string) {
  return consentValidNow(recipientAgencyId, nowIso);
}

/**
 * SQL condition on a `consents` row: it covers the category, one of several, or the category a
 * SQL expression yields. Categories are stored as a JSON array of names: a LIKE on the quoted
 * name is portable (SQLite and PostgreSQL) and cannot match a longer name.
 */
export function consentCovers(
  category: ConsentCategory | ConsentCategory[] | Expression<string>,
): RawBuilder<SqlBool> {
  if (typeof category === "string")
    return sql<SqlBool>`consents.categories like ${`%"${category}"%`}`;
  if (Array.isArray(category))
    return sql<SqlBool>`(${sql.join(
      category.map((c) => consentCovers(c)),
      sql` or `,
    )})`;
  return sql<SqlBool>`consents.categories like ('%"' || ${category} || '"%')`;
}

/**
 * The one rule: a consent is on record from `person`, releasing what `holder` holds to the
 * recipient agency, standing now, and covering the category.
 */
export function consentOnRecord(
  recipientAgencyId: string,
  nowIso: string,
  on: {
    person: Expression<unknown>;
    holder: Expression<unknown>;
    category: ConsentCategory | ConsentCategory[] | Expression<string>;
  },
) {
  return sql<SqlBool>`exists (select 1 from consents
    where consents.person_id = ${on.person} and consents.holder_agency_id = ${on.holder}
      and ${consentValidNow(recipientAgencyId, nowIso, on.category)})`;
}

/**
 * SQL: the record's holder is an agency other than the actor's whose records the law keeps
 * confidential (disclosure.ts, `holdsConfidentialRecords`: victim services).
 */
function heldByOtherVictimServices(actor: Actor, holder: Expression<unknown>) {
  const kinds = DISCLOSURE_KINDS.confidentialHolders.map((k) => sql.lit(k));
  return sql<SqlBool>`(${holder} <> ${actor.agencyId} and exists (select 1 from agencies as
    holder_agency where holder_agency.id = ${holder}
      and holder_agency.kind in (${sql.join(kinds)})))`;
}

/** SQL: the consent category a plan domain needs (PLAN_DOMAIN_CONSENT; unknown: none, hidden). */
function domainCategory(domain: Expression<unknown>) {
  const whens = Object.entries(PLAN_DOMAIN_CONSENT).map(
    ([d, c]) => sql`when ${sql.lit(d)} then ${sql.lit(c)}`,
  );
  return sql<string>`(case ${domain} ${sql.join(whens, sql` `)} end)`;
}
const PLAN_CATEGORIES = [...new Set(Object.values(PLAN_DOMAIN_CONSENT))];

const plan = (column: string) => sql.ref(`service_plans.${column}`);

/**
 * SQL condition on `service_plans`: the actor may read the plan's own fields (kind, status,
 * dates) and write to it: written by their agency or by an agency other than victim services,
 * or released by a consent of a plan category (`services` or `health`). Which items they then
 * read is `planItemVisible`.
 */
export function planContentVisible(actor: Actor, nowIso: string) {
  return sql<SqlBool>`(not ${heldByOtherVictimServices(actor, plan("agency_id"))}
    or ${consentOnRecord(actor.agencyId, nowIso, {
      person: plan("person_id"),
      holder: plan("agency_id"),
      category: PLAN_CATEGORIES,
    })})`;
}

/**
 * SQL value on `service_plans`: on what basis the actor sees the plan. `statutory_report`: CPS
 * receiving a child's report (Miss. Code § 43-21-353) learns that a victim-services plan exists,
 * its kind and status, never its items; `none`: only that victim services holds a plan. The
 * SQL form of disclosure.ts's decider for a plan: a consent, which opens items, comes before the
 * statutory report, which opens only kind and status (each basis the one that releases most).
 */
export function planDisclosureBasis(actor: Actor, nowIso: string) {
  const statutory =
    receivesChildReports(actor.agencyKind) && ROLE_POLICIES[actor.role].seesIdentity
      ? sql<SqlBool>`exists (select 1 from case_persons as plan_person
          inner join persons as plan_person_row on plan_person_row.id = plan_person.person_id
          where plan_person.case_id = ${plan("case_id")}
            and plan_person.person_id = ${plan("person_id")}
            and plan_person.part = 'victim' and plan_person_row.age_years < ${AGE_OF_MAJORITY})`
      : sql<SqlBool>`1 = 0`;
  return sql<DisclosureBasis>`(case
    when not ${heldByOtherVictimServices(actor, plan("agency_id"))} then 'own_agency'
    when ${planContentVisible(actor, nowIso)} then 'consent'
    when ${statutory} then 'statutory_report'
    else 'none' end)`;
}

/**
 * SQL condition on `plan_items`: the item (need, goal, service, provider, dates) is visible to
 * the actor: its plan is not another victim-services agency's, or the person consented to
 * release that item's category (PLAN_DOMAIN_CONSENT: health and therapy `health`, the rest
 * `services`) to the actor's agency. No statutory basis opens an item.
 */
export function planItemVisible(actor: Actor, nowIso: string) {
  const itemPlan = (column: string) => sql.ref(`item_plan.${column}`);
  return sql<SqlBool>`exists (select 1 from service_plans as item_plan
    where item_plan.id = plan_items.plan_id
      and (not ${heldByOtherVictimServices(actor, itemPlan("agency_id"))}
        or ${consentOnRecord(actor.agencyId, nowIso, {
          person: itemPlan("person_id"),
          holder: itemPlan("agency_id"),
          category: domainCategory(sql.ref("plan_items.domain")),
        })}))`;
}

/**
 * SQL condition on `referrals`: a referral sent by a victim-services agency tells what the
 * person needs (its domain and service), so outside the sending and the receiving agency it is
 * visible only under a consent of its domain's category, as a plan item is.
 */
export function referralVisible(actor: Actor, nowIso: string) {
  const from = sql.ref("referrals.from_agency_id");
  return sql<SqlBool>`(referrals.to_agency_id = ${actor.agencyId}
    or not ${heldByOtherVictimServices(actor, from)}
    or ${consentOnRecord(actor.agencyId, nowIso, {
      person: sql.ref("referrals.person_id"),
      holder: from,
      category: domainCategory(sql.ref("referrals.domain")),
    })})`;
}

/**
 * SQL value (1 or 0) on `referrals` left-joined to the consent it was sent under (as
 * `consents`): the referral still carries the person's identity to its recipient. A referral
 * sent under consent stops disclosing the moment that consent is revoked or expires; one sent
 * on another basis (the same agency, the statute) keeps it.
 */
export function referralIdentityDisclosed(nowIso: string) {
  return sql<number>`(case when referrals.discloses_identity = 1
    and (referrals.disclosure_basis <> 'consent'
      or ${consentValidNow(sql.ref("referrals.to_agency_id"), nowIso, "identity")})
    then 1 else 0 end)`;
}

/** An agency as the consent rule needs it: which one, and of what kind. */
export interface AgencyOfRecord {
  id: string;
  kind: string;
}

/**
 * THE holder rule (docs/decisions/0006-consent-holder.md): whose record a consent about a
 * person releases, and so whose advocates record it. A victim-services provider that serves the
 * person (the actor's agency, on a case it reaches) holds its own record of them: what it
 * learned and wrote while serving them is its own, bound by VAWA (34 U.S.C. 12291(b)(2)), and
 * its advocate takes the person's written release in its name, whoever holds the case or first
 * took the person in. Everyone else releases the person's record as the agency that took them in
 * holds it (`persons.agency_id`). The consent's `holder_agency_id` is this agency; every SQL
 * filter above asks consents of the agency whose record is read.
 */
export function consentHolderFor(
  actor: Actor,
  person: { holder: AgencyOfRecord; servedByActor: boolean },
): AgencyOfRecord {
  if (person.holder.id === actor.agencyId) return person.holder;
  if (person.servedByActor && holdsConfidentialRecords(actor.agencyKind))
    return { id: actor.agencyId, kind: actor.agencyKind };
  return person.holder;
}

/**
 * Who records the consent a disclosure needs, in plain words for the refusal and the page:
 * an advocate at the holding agency when it is a victim-services provider (`advocate`), or no
 * one in Waypoint when the holder's record is not one released by consent (`statute_only`:
 * send it without the name, or name the statute).
 */
export function consentRecordedBy(holder: AgencyOfRecord): "advocate" | "statute_only" {
  return holdsConfidentialRecords(holder.kind) ? "advocate" : "statute_only";
}

import { type ExpressionBuilder, type RawBuilder, type SqlBool, sql } from "kysely";
import type {
  AccountAbilities,
  CaseAbilities,
  TaskForceAbilities,
} from "../../domain/abilities.ts";
import { ROLE_POLICIES, ROLES } from "../../domain/roles.ts";
import type { Database } from "../db/schema.ts";
import type { Actor } from "./actor.ts";
import { mayAssignCase } from "./assignment-policy.ts";
import {
  consentOnRecord,
  planContentVisible,
  planItemVisible,
  referralVisible,
} from "./consent.ts";
import { holdsConfidentialRecords } from "./disclosure.ts";

export * from "./account-policy.ts";
export * from "./assignment-policy.ts";
export {
  type AgencyOfRecord,
  consentCovers,
  consentHolderFor,
  consentOnRecord,
  consentRecordedBy,
  consentStanding,
  consentValidNow,
  planContentVisible,
  planDisclosureBasis,
  planItemVisible,
  referralIdentityDisclosed,
  referralVisible,
} from "./consent.ts";
export {
  type DisclosureBasis,
  decideDisclosure,
  holdsConfidentialRecords,
  identityDisclosure,
  receivesChildReports,
  referralDisclosure,
} from "./disclosure.ts";

/**
 * The access policy: one module, deny by default. The same rules filter queries (scope
 * expressions added by repositories) and decide single records (abilities), as in Medplum's
 * access policies. Routes never decide access themselves.
 */

/**
 * The referral statuses that give the receiving agency a recorded basis to work the case: it
 * accepted the person (and may have completed the service). A referral only sent, or declined,
 * gives nothing (docs/decisions/0006-consent-holder.md).
 */
const REFERRAL_SCOPE_STATUSES = ["accepted", "completed"] as const;

/** SQL condition: the case row `cases` is within the actor's reach. */
export function caseInScope(actor: Actor, nowIso: string) {
  return (eb: ExpressionBuilder<Database, "cases">) => {
    const scope = ROLE_POLICIES[actor.role].caseScope;
    if (scope === "none") return sql<SqlBool>`1 = 0`;
    if (scope === "statewide") return sql<SqlBool>`1 = 1`;
    const onTeam = eb.exists(
      eb
        .selectFrom("case_team")
        .select("case_team.case_id")
        .whereRef("case_team.case_id", "=", "cases.id")
        .where("case_team.user_id", "=", actor.userId),
    );
    const brokeGlass = eb.exists(
      eb
        .selectFrom("break_glass")
        .select("break_glass.id")
        .whereRef("break_glass.case_id", "=", "cases.id")
        .where("break_glass.user_id", "=", actor.userId)
        .where("break_glass.expires_at", ">", nowIso),
    );
    const reach = [onTeam, brokeGlass];
    if (scope === "agency") reach.unshift(eb("cases.agency_id", "=", actor.agencyId));
    if (ROLE_POLICIES[actor.role].oversees === "rat_task_force") {
      // A lead oversees the cases whose Rapid Assessment Team their task force convened.
      reach.push(
        eb.exists(
          eb
            .selectFrom("rat_teams")
            .innerJoin("task_forces", "task_forces.id", "rat_teams.task_force_id")
            .select("rat_teams.id")
            .whereRef("rat_teams.case_id", "=", "cases.id")
            .where("task_forces.agency_id", "=", actor.agencyId),
        ),
      );
    }
    if (ROLE_POLICIES[actor.role].reachesReferredCases)
      reach.push(
        eb.exists(
          eb
            .selectFrom("referrals")
            .select("referrals.id")
            .whereRef("referrals.case_id", "=", "cases.id")
            .where("referrals.to_agency_id", "=", actor.agencyId)
            .where("referrals.status", "in", REFERRAL_SCOPE_STATUSES),
        ),
      );
    return eb.or(reach);
  };
}

/**
 * SQL condition for a list of cases: the same cases as `caseInScope`, written so that the list
 * starts from what bounds it. A role that reaches its agency's cases or the state's reaches a
 * large share of them, so its list walks its own index in order and tests each row
 * (`caseInScope`). A team-scoped role reaches only the cases it is on (and those it broke the
 * glass into, its task force convened a team for, or its agency accepted a referral on), a caseload that does not grow with the
 * state; testing every case for it would, so its list starts from those memberships:
 * `cases.id in (…)`, which the planner drives from the membership indexes.
 */
export function caseInScopeForList(actor: Actor, nowIso: string) {
  return (eb: ExpressionBuilder<Database, "cases">) => {
    if (ROLE_POLICIES[actor.role].caseScope !== "team") return caseInScope(actor, nowIso)(eb);
    let reached = eb
      .selectFrom("case_team")
      .select("case_team.case_id")
      .where("case_team.user_id", "=", actor.userId)
      .unionAll(
        eb
          .selectFrom("break_glass")
          .select("break_glass.case_id")
          .where("break_glass.user_id", "=", actor.userId)
          .where("break_glass.expires_at", ">", nowIso),
      );
    if (ROLE_POLICIES[actor.role].oversees === "rat_task_force")
      reached = reached.unionAll(
        eb
          .selectFrom("rat_teams")
          .innerJoin("task_forces", "task_forces.id", "rat_teams.task_force_id")
          .select("rat_teams.case_id")
          .where("task_forces.agency_id", "=", actor.agencyId),
      );
    if (ROLE_POLICIES[actor.role].reachesReferredCases)
      reached = reached.unionAll(
        eb
          .selectFrom("referrals")
          .select("referrals.case_id")
          .where("referrals.to_agency_id", "=", actor.agencyId)
          .where("referrals.status", "in", REFERRAL_SCOPE_STATUSES),
      );
    return eb("cases.id", "in", reached);
  };
}

/** What the actor may do with one case it can see (sent to the client, which never re-derives it). */
export function caseAbilities(
  actor: Actor,
  c: { agency_id: string; status?: string },
  inScope: boolean,
): CaseAbilities {
  const open = openCaseAbilities(actor, c, inScope);
  return c.status === "closed" ? closedCase(open) : open;
}

/**
 * What stays possible on a closed case (issue 13): reading it, and reopening it (changeStatus).
 * Every other ability writes to the case, and writing to a closed case needs reopening first.
 */
const KEPT_WHEN_CLOSED: ReadonlySet<keyof CaseAbilities> = new Set([
  "read",
  "readIdentity",
  "readCaseFile",
  "readTip",
  "breakGlass",
  "changeStatus",
] as const);

function closedCase(abilities: CaseAbilities): CaseAbilities {
  const kept = { ...abilities };
  for (const name of Object.keys(kept) as (keyof CaseAbilities)[])
    if (!KEPT_WHEN_CLOSED.has(name)) kept[name] = false;
  return kept;
}

/**
 * Whether the ability is refused only because the case is closed: the caller would have it on the
 * open case (the unit of work answers `case_closed`, "reopen it", instead of "your role cannot").
 */
export function refusedBecauseClosed(
  actor: Actor,
  c: { agency_id: string; status?: string },
  ability: keyof CaseAbilities,
): boolean {
  return (
    c.status === "closed" &&
    !KEPT_WHEN_CLOSED.has(ability) &&
    openCaseAbilities(actor, c, true)[ability]
  );
}

function openCaseAbilities(
  actor: Actor,
  c: { agency_id: string },
  inScope: boolean,
): CaseAbilities {
  const policy = ROLE_POLICIES[actor.role];
  const ownAgency = c.agency_id === actor.agencyId;
  const manageTeam = inScope && ownAgency && policy.managesCaseTeam;
  return {
    read: inScope,
    readIdentity: inScope && policy.seesIdentity,
    manageTeam,
    recordConsent:
      inScope &&
      holdsConfidentialRecords(actor.agencyKind) &&
      ROLE_POLICIES[actor.role].keepsConsents,
    breakGlass: !inScope && policy.breakGlass,
    formRat: inScope && policy.convenesRat,
    editPlan: inScope && policy.deliversServices,
    writeSpecializedPlan: inScope && policy.writesSpecializedPlan,
    sendReferral: inScope && policy.deliversServices,
    // Notes and documents carry identities and narratives: only roles that may see identities.
    readCaseFile: inScope && policy.seesIdentity,
    writeNote: inScope && policy.seesIdentity,
    uploadDocument: inScope && policy.seesIdentity,
    assignCase: mayAssignCase(actor, c, inScope),
    // What the report said (where it happened; a public sender's own words and contact) can
    // name and locate a person: only roles that may see identities (issue 13).
    readTip: inScope && policy.seesIdentity,
    // The people on the record (issue 13) are kept by those who run cases and may see who the
    // people are: a name, a birth date or an address is changed only by who may read it.
    editPeople: inScope && policy.seesIdentity && policy.holdsCases,
    // Whoever runs the case in its agency closes it: CPS, the task-force lead, or the advocate
    // when the case is held by victim services.
    // Whoever can see the case may assess it again when facts change; it writes obligations, so
    // a closed case refuses it until reopened (issue 13).
    reassess: inScope,
    changeStatus:
      inScope &&
      (policy.changesCaseStatus === "any" ||
        (policy.changesCaseStatus === "own_agency" && ownAgency)),
  };
}

/**
 * SQL condition: a note or document is visible to the actor. Victim-services records are
 * confidential to the agency that wrote them (VAWA, 34 U.S.C. 12291(b)(2)) unless the person
 * they are about consented to share case notes with the actor's agency.
 */
export function caseFileEntryVisible(
  actor: Actor,
  nowIso: string,
  table: "case_notes" | "case_documents",
) {
  const holder = sql.ref(`${table}.${table === "case_notes" ? "author_agency_id" : "agency_id"}`);
  return sql<SqlBool>`(${sql.ref(`${table}.confidential`)} = 0
    or ${holder} = ${actor.agencyId}
    or ${consentOnRecord(actor.agencyId, nowIso, {
      person: sql.ref(`${table}.about_person_id`),
      holder,
      category: "case_notes",
    })})`;
}

/**
 * SQL condition: a timeline event is visible to the actor. An event about a note, document,
 * plan, plan item or referral is shown only to who may see that record, by the same filters as
 * the record's own list; an event about a record of an unknown type is hidden (deny by default).
 */
export function caseEventVisible(actor: Actor, nowIso: string) {
  const about = (table: string, visible: RawBuilder<SqlBool>) =>
    sql<SqlBool>`exists (select 1 from ${sql.table(table)}
      where ${sql.ref(`${table}.id`)} = case_events.record_id and ${visible})`;
  return sql<SqlBool>`(case_events.record_type is null
    or (case_events.record_type = 'note'
      and ${about("case_notes", caseFileEntryVisible(actor, nowIso, "case_notes"))})
    or (case_events.record_type = 'document'
      and ${about("case_documents", caseFileEntryVisible(actor, nowIso, "case_documents"))})
    or (case_events.record_type = 'plan'
      and ${about("service_plans", planContentVisible(actor, nowIso))})
    or (case_events.record_type = 'plan_item'
      and ${about("plan_items", planItemVisible(actor, nowIso))})
    or (case_events.record_type = 'referral'
      and ${about("referrals", referralVisible(actor, nowIso))}))`;
}

/**
 * Who runs a task force's membership and roster: its own agency's lead or administrator, or the
 * state (the role table's `managesTaskForces`).
 */
export function canManageTaskForce(actor: Actor, taskForce: { agency_id: string }): boolean {
  const manages = ROLE_POLICIES[actor.role].managesTaskForces;
  return manages === "all" || (manages === "own_agency" && taskForce.agency_id === actor.agencyId);
}

/** What the actor may do with one task force (the unit of work `onTaskForce` checks these). */
export function taskForceAbilities(
  actor: Actor,
  taskForce: { agency_id: string },
): TaskForceAbilities {
  const manage = canManageTaskForce(actor, taskForce);
  // The roster names people and when they are on call: only those who run it read it.
  return { manage, readRoster: manage };
}

/**
 * Whether the actor may open a case outside its scope in an emergency, with a reason, for a
 * limited time (the role table's `breakGlass`; `caseAbilities.breakGlass` offers it on a case).
 */
export function mayBreakGlass(actor: Actor): boolean {
  return ROLE_POLICIES[actor.role].breakGlass;
}

/**
 * Who withdraws a referral not yet answered: the agency that sent it (with the case's
 * `sendReferral` ability, checked by the unit). The receiving agency answers it instead.
 */
export function mayWithdrawReferral(actor: Actor, r: { from_agency_id: string }): boolean {
  return r.from_agency_id === actor.agencyId;
}

/** Who records that an obligation was met: its owner, anyone holding its role, the coordinator. */
export function mayCloseObligation(
  actor: Actor,
  o: { owner_user_id: string | null; owner_role: string },
): boolean {
  return (
    o.owner_user_id === actor.userId ||
    o.owner_role === actor.role ||
    ROLE_POLICIES[actor.role].closesAnyObligation
  );
}

/**
 * SQL condition on `memberships`: the membership is told when an obligation on a case held by
 * `agencyId` passes its deadline still open. Roles that escalate for their agency (a task-force
 * lead) in the holding agency, and roles that escalate for the state (the state coordinator)
 * wherever they sit; decided from the role table's `escalations`, never from role names.
 */
export function receivesEscalationFor(agencyId: string) {
  const reach = (r: "agency" | "all") =>
    ROLES.filter((role) => ROLE_POLICIES[role].escalations === r);
  const agencyRoles = reach("agency");
  const stateRoles = reach("all");
  return (eb: ExpressionBuilder<Database, "memberships">) =>
    eb.or([
      ...(agencyRoles.length > 0
        ? [
            eb.and([
              eb("memberships.role", "in", agencyRoles),
              eb("memberships.agency_id", "=", agencyId),
            ]),
          ]
        : []),
      ...(stateRoles.length > 0 ? [eb("memberships.role", "in", stateRoles)] : []),
    ]);
}

/** Notes and documents a person writes are confidential unless they say otherwise when their
 * agency is a victim-services provider (VAWA); everyone else's are shared with the case team. */
export function confidentialByDefault(actor: Actor): boolean {
  return holdsConfidentialRecords(actor.agencyKind);
}

/**
 * Who keeps (records, lists, revokes) the consents about a person held by `holderAgencyId`: the
 * advocates of that agency. To anyone else the person's consents do not exist. Whether the
 * record needs a consent at all (`holdsConfidentialRecords`) is asked after this, so an advocate
 * whose agency is not a victim-services provider is told why (409), not answered 404.
 */
export function keepsConsentsOf(actor: Actor, holderAgencyId: string): boolean {
  return holderAgencyId === actor.agencyId && ROLE_POLICIES[actor.role].keepsConsents;
}

export type { AccountAbilities, CaseAbilities, TaskForceAbilities };

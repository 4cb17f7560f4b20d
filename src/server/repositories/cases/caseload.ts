import { type ExpressionBuilder, sql } from "kysely";
import type { CaseloadQuery } from "../../../contract/cases/inputs.ts";
import type { DueState } from "../../../domain/obligation-urgency.ts";
import { caseInScopeForList } from "../../access/policy.ts";
import type { Database } from "../../db/schema.ts";
import { IMMEDIATE_ACTIONS, pastGrace } from "../obligations/work-queues.ts";
import { nameDobIndex } from "../person-identity.ts";
import type { Scope } from "../scope.ts";
import { caseSummary } from "./case-reading.ts";

/** Where the last page stopped, in the sort order: next due, received, id. */
interface Cursor {
  due: string | null;
  received: string;
  id: string;
}

const encodeCursor = (c: Cursor) =>
  Buffer.from(JSON.stringify([c.due, c.received, c.id])).toString("base64url");

/** A cursor that does not read back is a bad request, not an empty page. */
export function decodeCursor(text: string): Cursor | undefined {
  try {
    const v = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (!Array.isArray(v) || v.length !== 3) return undefined;
    const [due, received, id] = v;
    if ((due !== null && typeof due !== "string") || typeof received !== "string") return undefined;
    if (typeof id !== "string") return undefined;
    return { due, received, id };
  } catch {
    return undefined;
  }
}

type Cases = ExpressionBuilder<Database, "cases">;

/**
 * The caseload's order as one key: the due time, "no deadline" sorting as the end of time.
 * Written out literally (never a parameter): migration 2026120414 indexes this expression.
 */
const URGENCY_KEY = sql<string>`coalesce(cases.next_due_at, '9999-12-31T23:59:59.999Z')`;
const NO_DEADLINE_KEY = "9999-12-31T23:59:59.999Z";

/**
 * Rows after the cursor in the order key asc, received_at desc, id desc: a range on the key
 * (which the index walks in order) less the rows of the cursor's own key up to it.
 */
function afterCursor(c: Cursor) {
  const key = c.due ?? NO_DEADLINE_KEY;
  return (eb: Cases) =>
    eb.and([
      eb(URGENCY_KEY, ">=", key),
      eb.not(
        eb.and([
          eb(URGENCY_KEY, "=", key),
          eb.or([
            eb("cases.received_at", ">", c.received),
            eb.and([eb("cases.received_at", "=", c.received), eb("cases.id", ">=", c.id)]),
          ]),
        ]),
      ),
    ]);
}

const openObligation = (eb: Cases) =>
  eb
    .selectFrom("obligations")
    .whereRef("obligations.case_id", "=", "cases.id")
    .where("obligations.status", "=", "open");

/**
 * The caseload (issue 13): the caller's cases, filtered, searched and sorted by urgency, one
 * statement for the page (its counts and flags are correlated subqueries over the page's rows)
 * and, for a person search, one more to warn of a record held out of the caller's scope.
 */
export class CaseloadRepository {
  constructor(private readonly s: Scope) {}

  async page(q: CaseloadQuery, cursor: Cursor | undefined) {
    const { actor, nowIso, now } = this.s;
    const personIndex =
      q.givenName && q.familyName && q.birthDate
        ? nameDobIndex(this.s.keyring, q.givenName, q.familyName, q.birthDate)
        : undefined;
    let query = this.s.trx
      .selectFrom("cases")
      .leftJoin("users", "users.id", "cases.assigned_user_id")
      .select((eb) => [
        "cases.id",
        "cases.case_number",
        "cases.status",
        "cases.source",
        "cases.county_fips",
        "cases.received_at",
        "cases.determination",
        "cases.agency_id",
        "cases.next_due_at",
        "users.display_name as assignedWorker",
        eb
          .exists(
            eb
              .selectFrom("rat_teams")
              .select("rat_teams.id")
              .whereRef("rat_teams.case_id", "=", "cases.id")
              .where("rat_teams.formed_at", "is not", null),
          )
          .as("ratFormed"),
        openObligation(eb).select(sql<number>`count(*)`.as("n")).as("openObligations"),
        eb
          .exists(
            openObligation(eb)
              .select("obligations.id")
              .where("obligations.due_at", "<", nowIso)
              .where(pastGrace(now)),
          )
          .as("overdue"),
        eb
          .exists(
            openObligation(eb)
              .select("obligations.id")
              .whereRef("obligations.due_at", "=", "cases.next_due_at")
              .where("obligations.action_id", "in", IMMEDIATE_ACTIONS),
          )
          .as("nextImmediate"),
      ])
      .where(caseInScopeForList(actor, nowIso));
    if (q.status) query = query.where("cases.status", "=", q.status);
    if (q.countyFips) query = query.where("cases.county_fips", "=", q.countyFips);
    if (q.determination) query = query.where("cases.determination", "=", q.determination);
    if (q.assignedToMe) query = query.where("cases.assigned_user_id", "=", actor.userId);
    if (q.caseNumber) query = query.where("cases.case_number", "=", q.caseNumber);
    if (q.overdue)
      // next_due_at is the earliest open clock: no overdue obligation without it being past.
      query = query
        .where("cases.next_due_at", "<", nowIso)
        .where((eb) =>
          eb.exists(
            openObligation(eb)
              .select("obligations.id")
              .where("obligations.due_at", "<", nowIso)
              .where(pastGrace(now)),
          ),
        );
    if (q.ratNotFormed)
      query = query.where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("rat_teams")
              .select("rat_teams.id")
              .whereRef("rat_teams.case_id", "=", "cases.id")
              .where("rat_teams.formed_at", "is not", null),
          ),
        ),
      );
    if (personIndex)
      query = query.where("cases.id", "in", (eb) =>
        eb
          .selectFrom("case_persons")
          .innerJoin("persons", "persons.id", "case_persons.person_id")
          .select("case_persons.case_id")
          .where("persons.name_dob_index", "=", personIndex)
          .where("case_persons.removed_at", "is", null),
      );
    if (cursor) query = query.where(afterCursor(cursor));
    const rows = await query
      .orderBy(URGENCY_KEY)
      .orderBy("cases.received_at", "desc")
      .orderBy("cases.id", "desc")
      .limit(q.limit + 1)
      .execute();
    const more = rows.length > q.limit;
    const shown = rows.slice(0, q.limit);
    const last = shown.at(-1);
    return {
      cases: shown.map((r) => ({
        ...caseSummary(r),
        assignedWorker: r.assignedWorker ?? null,
        nextDueAt: r.next_due_at,
        dueState: dueStateOf(r),
        ratFormed: Boolean(r.ratFormed),
        openObligations: Number(r.openObligations ?? 0),
      })),
      nextCursor:
        more && last
          ? encodeCursor({ due: last.next_due_at, received: last.received_at, id: last.id })
          : null,
      possibleDuplicateElsewhere: personIndex ? await this.heldElsewhere(personIndex) : false,
    };
  }

  /** Whether a person with this index is on any case outside the caller's scope (one bit). */
  private async heldElsewhere(personIndex: string): Promise<boolean> {
    const { actor, nowIso } = this.s;
    const hit = await this.s.trx
      .selectFrom("case_persons")
      .innerJoin("persons", "persons.id", "case_persons.person_id")
      .innerJoin("cases", "cases.id", "case_persons.case_id")
      .select("cases.id")
      .where("persons.name_dob_index", "=", personIndex)
      .where("case_persons.removed_at", "is", null)
      .where((eb) => eb.not(caseInScopeForList(actor, nowIso)(eb)))
      .limit(1)
      .executeTakeFirst();
    return hit !== undefined;
  }
}

function dueStateOf(r: {
  next_due_at: string | null;
  overdue: unknown;
  nextImmediate: unknown;
}): DueState {
  if (r.next_due_at === null) return "no_deadline";
  if (r.overdue) return "overdue";
  return r.nextImmediate ? "due_now" : "due";
}

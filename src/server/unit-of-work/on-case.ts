import type { Actor } from "../access/actor.ts";
import { type CaseAbilities, caseAbilities, refusedBecauseClosed } from "../access/policy.ts";
import type { AppContext } from "../context.ts";
import type { CaseRow } from "../db/schema.ts";
import { AppError, forbidden, notFound } from "../errors.ts";
import type { Repositories } from "../repositories/bound.ts";
import { runUnit, type Work } from "./unit-of-work.ts";

export interface CaseWork extends Work {
  /** The case, found within the caller's scope, and what the caller may do with it. */
  readonly case: { row: CaseRow; abilities: CaseAbilities };
}

/** What work on a case needs of the caller, and names in its refusals. */
interface CaseNeeds {
  /** The audit action, recorded about the case unless the work names another record. */
  action: string;
  /** The named ability the work needs (src/domain/abilities.ts). */
  ability: keyof CaseAbilities;
  /** What the caller asked for, named in the 404 (a plan, a note): the same whichever way it fails. */
  asked?: string;
}

export interface CaseUnitSpec extends CaseNeeds {
  caseId: string;
}

/**
 * The case within the caller's scope and what the caller may do with it, or a refusal: out of
 * scope answers 404 exactly like a case that does not exist, and 403 without the ability.
 */
async function caseFor(
  w: Work,
  caseId: string,
  needs: CaseNeeds,
  refuse: (error: AppError) => AppError,
): Promise<CaseWork["case"]> {
  const row = await w.repos.cases.findInScope(caseId);
  if (!row) throw refuse(notFound(needs.asked ?? "case"));
  const abilities = caseAbilities(w.actor, row, true);
  // A closed case takes no writes until it is reopened (the policy says which abilities write).
  if (refusedBecauseClosed(w.actor, row, needs.ability)) throw refuse(new AppError("case_closed"));
  if (!abilities[needs.ability]) throw refuse(forbidden("Your role cannot do this on this case."));
  return { row, abilities };
}

/**
 * A unit of work on one case. Inside the unit's transaction: the case within the caller's scope
 * (out of scope answers 404 exactly like a case that does not exist), then the named ability
 * (403 without it; 409 `case_closed` when only the case's being closed stands in the way), then
 * the work. Both refusals are audited after the rollback.
 */
export function onCase<T>(
  ctx: AppContext,
  actor: Actor,
  spec: CaseUnitSpec,
  work: (w: CaseWork) => Promise<T>,
): Promise<T> {
  return runUnit(
    ctx,
    actor,
    { action: spec.action, recordType: "case", recordId: spec.caseId },
    (w) => caseFor(w, spec.caseId, spec, w.refuse),
    (w, found) => work({ ...w, case: found }),
  );
}

export interface CaseOfUnitSpec<R extends { caseId: string }> extends CaseNeeds {
  /** The record the caller asked for by its id: the audit row's, unless the work names another. */
  recordType: string;
  recordId: string;
  asked: string;
  /** The record, if the caller may reach it, with the case it is on; never looked up as a case. */
  find: (repos: Repositories) => Promise<R | undefined>;
}

/**
 * A unit of work on a record the caller names by its own id (a document, a plan), not by its
 * case's: inside the unit's transaction the record is found, then its case is checked exactly as
 * `onCase` checks it. A record that is missing or out of reach and one whose case is out of scope
 * answer the same 404 (named for what was asked), 403 without the ability. Refusals are audited
 * about the case, as every case check is: the record's case, or the id asked for when no record
 * was found.
 */
export function onCaseOf<R extends { caseId: string }, T>(
  ctx: AppContext,
  actor: Actor,
  spec: CaseOfUnitSpec<R>,
  work: (w: CaseWork, found: R) => Promise<T>,
): Promise<T> {
  const { action, recordType, recordId } = spec;
  return runUnit(
    ctx,
    actor,
    { action, recordType, recordId },
    async (w) => {
      const found = await spec.find(w.repos);
      const refuse = (error: AppError) => {
        w.record({ recordType: "case", recordId: found?.caseId ?? recordId });
        return w.refuse(error);
      };
      if (!found) throw refuse(notFound(spec.asked));
      return { found, case: await caseFor(w, found.caseId, spec, refuse) };
    },
    (w, checked) => work({ ...w, case: checked.case }, checked.found),
  );
}

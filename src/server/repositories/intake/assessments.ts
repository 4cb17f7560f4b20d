import type { Assessment } from "../../../domain/assessment/engine.ts";
import type { Facts } from "../../../domain/assessment/facts.ts";
import { newId } from "../../ids.ts";
import type { ActingScope } from "../scope.ts";
import { openJson, sealJson } from "../sealed-text.ts";

/** A case's assessments: each stored with its engine version and facts, to be re-explained. */
export class AssessmentsRepository {
  constructor(private readonly s: ActingScope) {}

  /** Stores an assessment of the case's facts, by the caller (or nobody, for a public tip). */
  async add(caseId: string, facts: Facts, assessment: Assessment): Promise<void> {
    const id = newId();
    await this.s.trx
      .insertInto("assessments")
      .values({
        id,
        case_id: caseId,
        engine_version: assessment.engineVersion,
        // Facts may carry free text (the labor sector, which can name a business or a place).
        facts: sealJson(this.s.keyring, "assessments", "facts", id, facts),
        determination: assessment.determination,
        result: JSON.stringify({
          actions: assessment.actions,
          offenses: assessment.offenses,
          nibrs: assessment.nibrs,
        }),
        created_at: this.s.nowIso,
        created_by_user_id: this.s.actor?.userId ?? null,
      })
      .execute();
  }

  /**
   * The subject of the case's latest screening (age, age group), for the consistency checks of
   * a later change to its people; undefined when the case was never assessed.
   */
  async latestSubject(caseId: string): Promise<Facts["subject"]> {
    const row = await this.s.trx
      .selectFrom("assessments")
      .select(["id", "facts"])
      .where("case_id", "=", caseId)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirst();
    if (!row) return undefined;
    return openJson<Facts>(this.s.keyring, "assessments", "facts", row.id, row.facts)?.subject;
  }
}

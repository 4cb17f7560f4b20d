import type { Kysely, Transaction } from "kysely";
import type { Actor } from "../access/actor.ts";
import { type CaseAbilities, caseAbilities, caseInScope } from "../access/policy.ts";
import { denied } from "../audit/record-denial.ts";
import type { AppContext } from "../context.ts";
import type { CaseRow, Database } from "../db/schema.ts";
import { AppError, notFound } from "../errors.ts";

/**
 * The one way a use case reaches a case it will read or change: the policy's scope filter, then
 * the ability the action needs. Out of scope answers 404 (as if the case did not exist); in
 * scope without the ability answers 403. Both refusals are audited.
 */
export async function caseForAction(
  ctx: AppContext,
  db: Kysely<Database> | Transaction<Database>,
  actor: Actor,
  caseId: string,
  action: string,
  ability: keyof CaseAbilities,
  /** What the caller asked for, named in the 404 (a plan, a note): the same whichever way it fails. */
  asked = "case",
): Promise<{ row: CaseRow; abilities: CaseAbilities }> {
  const now = ctx.clock.now().toISOString();
  const row = await db
    .selectFrom("cases")
    .selectAll()
    .where("cases.id", "=", caseId)
    .where(caseInScope(actor, now))
    .executeTakeFirst();
  const entry = { action, recordType: "case", recordId: caseId };
  if (!row) throw await denied(ctx, actor, entry, notFound(asked));
  const abilities = caseAbilities(actor, row, true);
  if (!abilities[ability]) {
    const error = new AppError("forbidden", "Your role cannot do this on this case.");
    throw await denied(ctx, actor, entry, error);
  }
  return { row, abilities };
}

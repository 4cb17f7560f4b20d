import type { CaseloadQuery } from "../../../contract/cases/inputs.ts";
import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { badRequest } from "../../errors.ts";
import { decodeCursor } from "../../repositories/cases/caseload.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";

/**
 * The caller's caseload: a page of the cases within its scope, most urgent first, filtered
 * and searched (a caller with no case scope sees none). A person search also says, as one bit,
 * whether that person is on a case the caller cannot see.
 */
export function listCases(ctx: AppContext, actor: Actor, query: CaseloadQuery) {
  return asCaller(ctx, actor, { action: "case.list", recordType: "case" }, async (w) => {
    const cursor = query.after === undefined ? undefined : decodeCursor(query.after);
    if (query.after !== undefined && cursor === undefined)
      throw w.refuse(badRequest("This page link is no longer valid; start again.", "after"));
    const page = await w.repos.caseload.page(query, cursor);
    w.listed(page.cases);
    return page;
  });
}

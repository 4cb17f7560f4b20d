import type { ListCasesQuery } from "../../../contract/case-file/inputs.ts";
import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";

/** A page of the cases within the caller's scope, newest first (a caller with none sees none). */
export function listCases(ctx: AppContext, actor: Actor, query: ListCasesQuery) {
  return asCaller(ctx, actor, { action: "case.list", recordType: "case" }, async (w) =>
    w.listed(await w.repos.caseReading.listInScope(query)),
  );
}

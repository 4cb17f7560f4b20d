import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";

/**
 * Seats offered to the caller and not yet answered. The caller is not on the case team yet, so
 * this lists the case number and county only: the case opens to them once they accept.
 */
export function listMySeatOffers(ctx: AppContext, actor: Actor) {
  return asCaller(ctx, actor, { action: "rat.list_offers", recordType: "rat_seat" }, async (w) =>
    w.listed(await w.repos.rapidAssessmentTeams.offersToCaller()),
  );
}

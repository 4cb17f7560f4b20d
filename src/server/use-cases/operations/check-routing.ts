import type { AppContext } from "../../context.ts";
import type { UnreachedCounty } from "../../repositories/intake/cps-routing.ts";
import { withoutCaller } from "../../unit-of-work/without-caller.ts";

/**
 * The counties whose child reports would not reach an investigator of their own CPS office
 * (`fallsTo: "statewide"`), or no investigator at all (`"no_one"`), and whether public tips reach
 * anyone: for the start-up check and `cli routing check`. Agencies and staff only, no case data.
 */
export function checkRouting(
  ctx: Pick<AppContext, "db" | "keyring" | "clock">,
): Promise<{ unreached: UnreachedCounty[]; publicTipsReachSomeone: boolean }> {
  return withoutCaller(ctx, { action: "routing.check" }, async (w) => ({
    unreached: await w.repos.cpsRouting.unreachedCounties(),
    publicTipsReachSomeone: (await w.repos.cpsRouting.publicTipTriager()) !== null,
  }));
}

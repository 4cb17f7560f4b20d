import { ACTION_RULES, DETERMINATION_RULES, POSSIBLE_RULES } from "./rules.ts";
import type { State } from "./state.ts";
import {
  ACTION_IDS,
  type ActionId,
  type Determination,
  type NibrsCode,
  type Offense,
} from "./vocabulary.ts";

export interface Decision {
  determination: Determination;
  /** Rules 4–6 that hold (their offenses and NIBRS codes are united, rule 7). */
  holding: (typeof DETERMINATION_RULES)[number][];
  /** Rule 8 conditions that hold (only when none of 4–6 does). */
  possible: (typeof POSSIBLE_RULES)[number][];
  actionRules: (typeof ACTION_RULES)[number][];
  actions: ActionId[];
  offenses: Offense[];
  nibrs: NibrsCode[];
}

const actionOrder = new Map<ActionId, number>(ACTION_IDS.map((id, i) => [id, i]));

/** Applies rules 4–10 to a state. Pure; no explanation text (see engine.ts). */
export function decide(s: State): Decision {
  const holding = DETERMINATION_RULES.filter((r) => r.holds(s));
  const possible = holding.length === 0 ? POSSIBLE_RULES.filter((r) => r.holds(s)) : [];
  const determination: Determination =
    holding[0]?.determination ?? (possible.length > 0 ? "possible_trafficking" : "not_indicated");
  const actionRules = ACTION_RULES.filter((r) => r.applies(s, determination));
  const actions = [...new Set(actionRules.flatMap((r) => r.actions))].sort(
    (a, b) => (actionOrder.get(a) ?? 0) - (actionOrder.get(b) ?? 0),
  );
  return {
    determination,
    holding,
    possible,
    actionRules,
    actions,
    offenses: [...new Set(holding.flatMap((r) => r.offenses))],
    nibrs: [...new Set(holding.flatMap((r) => r.nibrs))].sort(),
  };
}

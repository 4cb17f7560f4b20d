import { type Decision, decide } from "./decide.ts";
import type { Facts } from "./facts.ts";
import type { State } from "./state.ts";
import { ACTION_IDS, DETERMINATIONS, NIBRS_CODES, OFFENSES } from "./vocabulary.ts";

/**
 * `missing`: the facts whose answer could change the result, most decisive first.
 *
 * A fact is decisive to the degree that flipping it changes the outcome across all ways the other
 * unknown facts could turn out (its influence, counted exhaustively). Facts that can change the
 * determination rank before facts that only change the actions. The state is packed into an
 * integer (2 bits a field) and outcomes are memoised per code, so a full enumeration costs a few
 * microseconds: the screening asks for `missing` after every answer.
 */
const FIELDS = [
  "age",
  "sexAct",
  "valueExchanged",
  "explicit",
  "labor",
  "ffc",
  "redFlag",
  "crossesStateLines",
  "minorInCustody",
  "foreignNational",
] as const satisfies readonly (keyof State)[];

const UNKNOWN = 2;

function encodeValue(v: boolean | string | null): number {
  if (v === null) return UNKNOWN;
  return v === true || v === "adult" ? 1 : 0;
}

export function encode(s: State): number {
  let code = 0;
  for (let i = 0; i < FIELDS.length; i++)
    code |= encodeValue(s[FIELDS[i] as keyof State]) << (2 * i);
  return code;
}

export function decode(code: number): State {
  const tri = (i: number) => {
    const v = (code >> (2 * i)) & 3;
    return v === UNKNOWN ? null : v === 1;
  };
  const age = (code & 3) === UNKNOWN ? null : (code & 3) === 1 ? "adult" : "minor";
  return {
    age,
    sexAct: tri(1),
    valueExchanged: tri(2),
    explicit: tri(3),
    labor: tri(4),
    ffc: tri(5),
    redFlag: tri(6) === true,
    crossesStateLines: tri(7),
    minorInCustody: tri(8),
    foreignNational: tri(9),
  };
}

/**
 * The outcome is packed into one Int32Array entry and read with JavaScript's bitwise operators,
 * which work on 32-bit signed integers: 31 bits keep every packed value positive. 0 means "not
 * computed yet" in the memo, which the determination (numbered from 1) guarantees never to be.
 */
export const MAX_OUTCOME_BITS = 31;

export interface OutcomeField {
  shift: number;
  width: number;
}
export interface OutcomeLayout {
  determination: OutcomeField;
  actions: OutcomeField;
  offenses: OutcomeField;
  nibrs: OutcomeField;
  width: number;
}

/**
 * Where each part of an outcome sits: the determination as a number (1..n, so enough bits for
 * n + 1 values), then one bit per action, per offense and per NIBRS code. The widths follow the
 * vocabulary's sizes; a vocabulary that would not fit is refused here, at module load, instead of
 * silently losing bits (1 << 31 is negative, 1 << 32 is 1).
 */
export function outcomeLayout(sizes: {
  determinations: number;
  actions: number;
  offenses: number;
  nibrs: number;
}): OutcomeLayout {
  const widths = {
    determination: Math.max(1, Math.ceil(Math.log2(sizes.determinations + 1))),
    actions: sizes.actions,
    offenses: sizes.offenses,
    nibrs: sizes.nibrs,
  };
  const width = widths.determination + widths.actions + widths.offenses + widths.nibrs;
  if (width > MAX_OUTCOME_BITS)
    throw new Error(
      `The assessment outcome needs ${width} bits (determination ${widths.determination}, ` +
        `${widths.actions} actions, ${widths.offenses} offenses, ${widths.nibrs} NIBRS codes) ` +
        `but missing.ts packs it into ${MAX_OUTCOME_BITS}: widen the packing (two words, or ` +
        "BigInt) before growing the vocabulary.",
    );
  let shift = 0;
  const field = (w: number): OutcomeField => {
    const f = { shift, width: w };
    shift += w;
    return f;
  };
  return {
    determination: field(widths.determination),
    actions: field(widths.actions),
    offenses: field(widths.offenses),
    nibrs: field(widths.nibrs),
    width,
  };
}

export const OUTCOME_LAYOUT = outcomeLayout({
  determinations: DETERMINATIONS.length,
  actions: ACTION_IDS.length,
  offenses: OFFENSES.length,
  nibrs: NIBRS_CODES.length,
});
const DETERMINATION_MASK = (1 << OUTCOME_LAYOUT.determination.width) - 1;

const detIndex = new Map<string, number>(DETERMINATIONS.map((d, i) => [d, i + 1]));
const bit = <T>(list: readonly T[]) => new Map<T, number>(list.map((x, i) => [x, 1 << i]));
const actionBits = bit(ACTION_IDS);
const offenseBits = bit(OFFENSES);
const nibrsBits = bit(NIBRS_CODES);

let memo: Int32Array | undefined;

// The state space is small (3^9 × 2 codes), and decide is pure: each decision is made once.
const decisions = new Map<number, Decision>();

/** decide() for a packed state, memoised. Decisions are shared: callers must not mutate them. */
export function decideCode(code: number): Decision {
  let d = decisions.get(code);
  if (d === undefined) {
    d = decide(decode(code));
    decisions.set(code, d);
  }
  return d;
}

function outcome(code: number): number {
  memo ??= new Int32Array(1 << (2 * FIELDS.length));
  const cached = memo[code] as number;
  if (cached !== 0) return cached;
  const d = decideCode(code);
  const { actions, offenses, nibrs } = OUTCOME_LAYOUT;
  let packed = detIndex.get(d.determination) ?? 0;
  for (const a of d.actions) packed |= (actionBits.get(a) ?? 0) << actions.shift;
  for (const o of d.offenses) packed |= (offenseBits.get(o) ?? 0) << offenses.shift;
  for (const n of d.nibrs) packed |= (nibrsBits.get(n) ?? 0) << nibrs.shift;
  memo[code] = packed;
  return packed;
}

/** The fact paths behind each field, in the order a question about them is most useful. */
function factPaths(field: (typeof FIELDS)[number], facts: Facts): string[] {
  const unknown = (v: boolean | null | undefined) => v === undefined || v === null;
  switch (field) {
    case "age":
      return ["subject.age"];
    case "sexAct":
      return ["sex.act"];
    case "valueExchanged":
      return ["sex.valueExchanged"];
    case "explicit":
      return (["explicitPerformance", "explicitMaterial"] as const)
        .filter((k) => unknown(facts.sex?.[k]))
        .map((k) => `sex.${k}`);
    case "labor":
      return ["labor.performed"];
    case "ffc":
      return (["force", "fraud", "coercion"] as const)
        .filter((k) => unknown(facts.means?.[k]))
        .map((k) => `means.${k}`);
    case "redFlag":
      return ["indicators"];
    case "crossesStateLines":
      return ["context.crossesStateLines"];
    case "minorInCustody":
      return ["context.minorInCustodyForProstitution"];
    case "foreignNational":
      return ["subject.citizenship"];
  }
}

// How far apart two determinations are: reaching a definite finding from "possible" or "not
// indicated" matters more than moving between "not indicated" and "possible".
const DET_RANK = [0, 2, 2, 2, 1, 0]; // by detIndex: -, minor, sex, labor, possible, not_indicated

function detWeight(a: number, b: number): number {
  const da = a & DETERMINATION_MASK;
  const db = b & DETERMINATION_MASK;
  if (da === db) return 0;
  return 1 + Math.abs((DET_RANK[da] as number) - (DET_RANK[db] as number));
}

// `missing` depends only on the packed state and on which of the grouped sub-facts are unknown;
// both are small, so results are memoised (bounded: cleared when it grows past the limit).
const MISSING_CACHE_LIMIT = 200_000;
const missingCache = new Map<number, readonly string[]>();

function subFactUnknownBits(facts: Facts): number {
  const u = (v: boolean | null | undefined) => (v === undefined || v === null ? 1 : 0);
  return (
    u(facts.sex?.explicitPerformance) |
    (u(facts.sex?.explicitMaterial) << 1) |
    (u(facts.means?.force) << 2) |
    (u(facts.means?.fraud) << 3) |
    (u(facts.means?.coercion) << 4)
  );
}

export function missingFacts(state: State, facts: Facts): readonly string[] {
  const base = encode(state);
  const key = base * 32 + subFactUnknownBits(facts);
  const cached = missingCache.get(key);
  if (cached) return cached;
  if (missingCache.size >= MISSING_CACHE_LIMIT) missingCache.clear();
  const result = Object.freeze(computeMissing(base, facts));
  missingCache.set(key, result);
  return result;
}

function computeMissing(base: number, facts: Facts): string[] {
  const fieldValue = (i: number) => (base >> (2 * i)) & 3;
  const sexAct = FIELDS.indexOf("sexAct");
  const valueExchanged = FIELDS.indexOf("valueExchanged");
  // Switches: unknown fields, and "is there a red flag?" while none is recorded. A sex act and an
  // exchange of value are one question to the law (commercial sexual activity, § 97-3-54.4(e)):
  // while both are unknown they switch together, or neither would look decisive on its own.
  const switches: number[][] = [];
  for (let i = 0; i < FIELDS.length; i++) {
    const v = fieldValue(i);
    if (!(v === UNKNOWN || (FIELDS[i] === "redFlag" && v === 0))) continue;
    if (i === valueExchanged && fieldValue(sexAct) === UNKNOWN) continue;
    switches.push(
      i === sexAct && fieldValue(valueExchanged) === UNKNOWN ? [sexAct, valueExchanged] : [i],
    );
  }
  const masks = switches.map((fields) => fields.reduce((m, f) => m | (3 << (2 * f)), 0));
  const ones = switches.map((fields) => fields.reduce((m, f) => m | (1 << (2 * f)), 0));
  const n = switches.length;
  // Outcome of every completion first (2^n memoised lookups), then compare each pair of
  // completions that differ in one switch: completion a and a | 1 << j.
  const outcomes = new Int32Array(1 << n);
  for (let assignment = 0; assignment < 1 << n; assignment++) {
    let code = base;
    for (let j = 0; j < n; j++) {
      code = (code & ~(masks[j] as number)) | ((assignment >> j) & 1 ? (ones[j] as number) : 0);
    }
    outcomes[assignment] = outcome(code);
  }
  const detScore = new Array<number>(n).fill(0);
  const anyScore = new Array<number>(n).fill(0);
  for (let j = 0; j < n; j++) {
    const bit = 1 << j;
    for (let assignment = 0; assignment < 1 << n; assignment++) {
      if (assignment & bit) continue;
      const here = outcomes[assignment] as number;
      const there = outcomes[assignment | bit] as number;
      if (there !== here) {
        anyScore[j] = (anyScore[j] as number) + 1;
        detScore[j] = (detScore[j] as number) + detWeight(here, there);
      }
    }
  }
  return switches
    .map((fields, j) => ({ fields, det: detScore[j] as number, any: anyScore[j] as number }))
    .filter((x) => x.any > 0)
    .sort(
      (a, b) => b.det - a.det || b.any - a.any || (a.fields[0] as number) - (b.fields[0] as number),
    )
    .flatMap((x) =>
      x.fields.flatMap((f) => factPaths(FIELDS[f] as (typeof FIELDS)[number], facts)),
    );
}

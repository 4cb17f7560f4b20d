import { decide } from "./decide.ts";
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

function encode(s: State): number {
  let code = 0;
  for (let i = 0; i < FIELDS.length; i++)
    code |= encodeValue(s[FIELDS[i] as keyof State]) << (2 * i);
  return code;
}

function decode(code: number): State {
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

const detIndex = new Map<string, number>(DETERMINATIONS.map((d, i) => [d, i + 1]));
const bit = <T>(list: readonly T[]) => new Map<T, number>(list.map((x, i) => [x, 1 << i]));
const actionBits = bit(ACTION_IDS);
const offenseBits = bit(OFFENSES);
const nibrsBits = bit(NIBRS_CODES);

// Outcome packed as: determination (3 bits) | actions (15) | offenses (3) | NIBRS (2).
let memo: Int32Array | undefined;

function outcome(code: number): number {
  memo ??= new Int32Array(1 << (2 * FIELDS.length));
  const cached = memo[code] as number;
  if (cached !== 0) return cached;
  const d = decide(decode(code));
  let packed = detIndex.get(d.determination) ?? 0;
  for (const a of d.actions) packed |= (actionBits.get(a) ?? 0) << 3;
  for (const o of d.offenses) packed |= (offenseBits.get(o) ?? 0) << 18;
  for (const n of d.nibrs) packed |= (nibrsBits.get(n) ?? 0) << 21;
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

export function missingFacts(state: State, facts: Facts): string[] {
  const base = encode(state);
  // Switches: unknown fields, and "is there a red flag?" while none is recorded.
  const switches: number[] = [];
  for (let i = 0; i < FIELDS.length; i++) {
    const v = (base >> (2 * i)) & 3;
    if (v === UNKNOWN || (FIELDS[i] === "redFlag" && v === 0)) switches.push(i);
  }
  const n = switches.length;
  const detChanges = new Array<number>(n).fill(0);
  const anyChanges = new Array<number>(n).fill(0);
  for (let assignment = 0; assignment < 1 << n; assignment++) {
    let code = base;
    for (let j = 0; j < n; j++) {
      const shift = 2 * (switches[j] as number);
      code = (code & ~(3 << shift)) | (((assignment >> j) & 1) << shift);
    }
    const here = outcome(code);
    for (let j = 0; j < n; j++) {
      if ((assignment >> j) & 1) continue; // count each pair once, from its 0 side
      const shift = 2 * (switches[j] as number);
      const there = outcome(code | (1 << shift));
      if (there !== here) {
        anyChanges[j] = (anyChanges[j] as number) + 1;
        if ((there & 7) !== (here & 7)) detChanges[j] = (detChanges[j] as number) + 1;
      }
    }
  }
  return switches
    .map((field, j) => ({ field, det: detChanges[j] as number, any: anyChanges[j] as number }))
    .filter((x) => x.any > 0)
    .sort((a, b) => b.det - a.det || b.any - a.any || a.field - b.field)
    .flatMap((x) => factPaths(FIELDS[x.field] as (typeof FIELDS)[number], facts));
}

import type { Facts } from "./assessment/facts.ts";

/**
 * A tip must tell the response team something: the sender's own words, or at least one answer
 * about the situation (an age, a yes or no, an indicator). Where it happened (county, place)
 * and how to reach the sender say nothing about what was seen, so on their own they do not make
 * a tip: an empty tip would open a case and start the Rapid Assessment Team's 24-hour clock
 * (DOMAIN.md §5, HB 1559) with nothing to act on.
 */
export function tipSaysSomething(tip: { narrative?: string | undefined; facts: Facts }): boolean {
  return (tip.narrative ?? "").trim() !== "" || saysAnything(tip.facts);
}

/** True when any leaf of the facts is known: a value that is not null, or a non-empty list. */
function saysAnything(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") return Object.values(value).some(saysAnything);
  return typeof value !== "string" || value.trim() !== "";
}

/** The input field an empty tip is refused at: the sender's own words. */
export const EMPTY_TIP_FIELD = "narrative";

import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { caseSummary } from "../../repositories/cases/case-reading.ts";
import { onCase } from "../../unit-of-work/on-case.ts";

/**
 * One case with its people, identity only where the policy discloses it. Out of scope answers
 * 404 like a case that does not exist, and both are audited alike: the caller learns nothing.
 * The audit row names which identity field of which person was disclosed, and on what bases.
 */
export function readCase(ctx: AppContext, actor: Actor, caseId: string) {
  return onCase(ctx, actor, { caseId, action: "case.read", ability: "read" }, async (w) => {
    const persons = await w.repos.caseReading.personsOf(caseId);
    const bases = [...new Set(persons.map((p) => p.disclosureBasis))].sort().join(",");
    const row = w.case.row;
    const narrative = w.case.abilities.readCaseFile ? w.repos.caseReading.narrativeOf(row) : null;
    const contactFields = persons.flatMap((p) => [
      ...(p.contacts.length > 0 ? [`person.${p.id}.contacts`] : []),
      ...(p.placement !== null ? [`person.${p.id}.placement`] : []),
    ]);
    w.record({
      fields: [
        ...persons.flatMap((p) => Object.keys(p.identity).map((f) => `person.${p.id}.${f}`)),
        ...contactFields,
        ...(narrative !== null ? ["case.narrative"] : []),
      ],
      detail: { persons: persons.length, bases },
    });
    return {
      ...caseSummary(row),
      version: row.version,
      outcome: row.outcome,
      closedAt: row.closed_at,
      persons,
      abilities: w.case.abilities,
      // The narrative tells the story with names and places: read with the case file's notes.
      narrative,
    };
  });
}

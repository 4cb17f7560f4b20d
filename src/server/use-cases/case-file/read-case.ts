import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { caseSummary } from "../../repositories/cases/case-reading.ts";
import { onCase } from "../../unit-of-work/on-case.ts";

/**
 * One case with its people, identity only where the policy discloses it. Out of scope answers
 * 404 like a case that does not exist, and both are audited alike: the caller learns nothing.
 * The audit row names which identity field of which person was disclosed, and on what bases,
 * and whether the report's own words were opened (`readTip`: only then is the tip unsealed).
 */
export function readCase(ctx: AppContext, actor: Actor, caseId: string) {
  return onCase(ctx, actor, { caseId, action: "case.read", ability: "read" }, async (w) => {
    const row = w.case.row;
    const persons = await w.repos.caseReading.personsOf(caseId);
    const tip = w.case.abilities.readTip
      ? await w.repos.tipReading.reportOf(caseId, row.venue)
      : null;
    const bases = [...new Set(persons.map((p) => p.disclosureBasis))].sort().join(",");
    const narrative = w.case.abilities.readCaseFile ? w.repos.caseReading.narrativeOf(row) : null;
    const contactFields = persons.flatMap((p) => [
      ...(p.contacts.length > 0 ? [`person.${p.id}.contacts`] : []),
      ...(p.placement !== null ? [`person.${p.id}.placement`] : []),
    ]);
    const tipFields = tip
      ? (["venue", "narrative", "contact"] as const).filter((f) => tip[f] !== null)
      : [];
    w.record({
      fields: [
        ...persons.flatMap((p) => Object.keys(p.identity).map((f) => `person.${p.id}.${f}`)),
        ...contactFields,
        ...(narrative !== null ? ["case.narrative"] : []),
        ...tipFields.map((f) => `tip.${f}`),
      ],
      detail: { persons: persons.length, bases },
    });
    const worker = await w.repos.caseHolder.assignedWorker(row.assigned_user_id);
    const nextDue = await w.repos.caseHolder.nextDue(caseId);
    return {
      ...caseSummary(row),
      version: row.version,
      outcome: row.outcome,
      closedAt: row.closed_at,
      nextDueAt: row.next_due_at,
      // Absent, not null, when there is none (the compiled reply holds no unions).
      ...(worker ? { assignedWorker: worker } : {}),
      ...(nextDue ? { nextDue } : {}),
      ...(tip ? { tip } : {}),
      persons,
      abilities: w.case.abilities,
      // The narrative tells the story with names and places: read with the case file's notes.
      narrative,
    };
  });
}

import {
  type OpenCaseFields,
  type OpenCaseInput,
  openCaseInput,
} from "../../../contract/intake/inputs.ts";
import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import type { Repositories } from "../../repositories/bound.ts";
import type { OpenedCase } from "../../repositories/intake/cases.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";
import type { UnitBasics } from "../../unit-of-work/unit-of-work.ts";
import { withoutCaller } from "../../unit-of-work/without-caller.ts";

export type { OpenedCase };

/** What intake's work needs of its unit, whether a person asked or nobody did (a public tip). */
export interface IntakeWork extends UnitBasics {
  readonly repos: Pick<
    Repositories,
    "assessments" | "assignment" | "cpsRouting" | "intake" | "notifications" | "obligations"
  >;
}

/** The audit action of opening a case, whichever way it is opened. */
export const OPEN_CASE_UNIT = { action: "case.create", recordType: "case" } as const;

/**
 * Opens a case with its people inside the unit, and says so for its audit: `case.create` (with
 * `detail`, e.g. the assessment taken at intake), then one `person.create` per person naming the
 * identity fields given, never their values.
 */
export async function openCaseIn(
  w: IntakeWork,
  input: OpenCaseFields,
  detail: Record<string, string | number | boolean | null> = {},
): Promise<OpenedCase> {
  const { people, ...opened } = await w.repos.intake.open(input);
  w.record({ recordId: opened.id, detail: { source: input.source, ...detail } });
  for (const person of people)
    w.alsoRecord({
      action: "person.create",
      recordType: "person",
      recordId: person.id,
      fields: person.fields,
      detail: { caseId: opened.id, part: person.part },
    });
  return opened;
}

/**
 * Opens a case without an assessment, for loaders and tests (intake is `takeIntake`): with the
 * reporter on its team when there is one, attributed to nobody otherwise. Takes the raw input
 * and validates it first, naming the field at fault before anything is written.
 */
export function openCase(
  ctx: AppContext,
  raw: OpenCaseInput,
  actor: Actor | null = null,
): Promise<OpenedCase> {
  const input = openCaseInput.parse(raw);
  return actor
    ? asCaller(ctx, actor, OPEN_CASE_UNIT, (w) => openCaseIn(w, input))
    : withoutCaller(ctx, OPEN_CASE_UNIT, (w) => openCaseIn(w, input));
}

import type { IntakeInput } from "../../../contract/intake/inputs.ts";
import { assess } from "../../../domain/assessment/engine.ts";
import { reportsMadeByIntake } from "../../../domain/closing.ts";
import { intakeProblems } from "../../../domain/consistency.ts";
import { routesToCps } from "../../../domain/intake-routing.ts";
import {
  planObligations,
  receivedAtProblem,
  SPECIALIZED_PLAN_HOURS,
} from "../../../domain/obligations.ts";
import { localDate } from "../../../domain/time.ts";
import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { badRequest } from "../../errors.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";
import { assignOwners, type IntakeTaker } from "./assign-owners.ts";
import { type IntakeWork, OPEN_CASE_UNIT, openCaseIn } from "./open-case.ts";

export interface IntakeResult {
  caseId: string;
  caseNumber: string;
  determination: string;
  /** The CPS office a child's case went to, when it was taken in elsewhere. */
  routedToAgencyId: string | null;
  /** The named worker who answers for the case, or null when its office reaches no one. */
  assignedUserId: string | null;
  obligations: { actionId: string; ownerRole: string; dueAt: string | null }[];
}

/**
 * Takes a case in for the caller's agency: the case and its people, the assessment of the facts
 * (stored with the engine version, so it can be re-explained later), and one obligation per
 * required action with its owner and clock. One unit: a case never exists without its
 * obligations. Only a role that works cases takes them in (the `intake` ability).
 */
export function takeIntake(
  ctx: AppContext,
  actor: Actor,
  input: IntakeInput,
): Promise<IntakeResult> {
  const spec = {
    ...OPEN_CASE_UNIT,
    ability: "intake",
    refusal: "Your role cannot take in cases.",
  } as const;
  return asCaller(ctx, actor, spec, (w) =>
    takeIntakeIn(w, { id: actor.agencyId, kind: actor.agencyKind }, input, {
      userId: actor.userId,
      role: actor.role,
    }),
  );
}

/**
 * Intake's work inside a unit, for an agency (the caller's, or the public tip queue's): a child's
 * report taken in anywhere but CPS is routed to the county's CPS office (domain/intake-routing),
 * and the case gets its named owners (`assignOwners`). `takenBy` is who took it in: the caller,
 * or for a public tip the person triaging the statewide queue (null when nobody does).
 */
export async function takeIntakeIn(
  w: IntakeWork,
  intakeAgency: { id: string; kind: string },
  input: IntakeInput,
  takenBy: IntakeTaker | null,
): Promise<IntakeResult> {
  // The clocks of every obligation start at receivedAt: a time ahead of ours would start them
  // late. (openCase itself takes any time: loaders and tests bring their own clocks.)
  if (input.receivedAt) {
    const problem = receivedAtProblem(new Date(input.receivedAt), w.now);
    if (problem) throw badRequest(`receivedAt: ${problem}`, "receivedAt");
  }
  // The people must agree with themselves and with the screening, on the day of the report.
  const receivedOn = localDate(input.receivedAt ? new Date(input.receivedAt) : w.now);
  const [problem] = intakeProblems(input.persons, input.facts.subject, receivedOn);
  if (problem) throw badRequest(problem.message, problem.field);
  const assessment = assess(input.facts);
  const { facts, ...caseFields } = input;
  const opened = await openCaseIn(
    w,
    { ...caseFields, agencyId: intakeAgency.id, determination: assessment.determination },
    {
      engineVersion: assessment.engineVersion,
      determination: assessment.determination,
      obligations: assessment.actions.length,
    },
  );
  await w.repos.assessments.add(opened.id, facts, assessment);
  const plans = planObligations(assessment.actions, {
    receivedAt: new Date(opened.receivedAt),
    intakeAt: w.now,
    specializedPlanHours: SPECIALIZED_PLAN_HOURS,
  });
  await w.repos.obligations.plan(opened.id, plans, opened.receivedAt);
  for (const made of reportsMadeByIntake(assessment.actions, intakeAgency.kind))
    await w.repos.obligations.meet(opened.id, made.actionId, made.evidence);
  const owners = await assignOwners(w, {
    caseId: opened.id,
    caseNumber: opened.caseNumber,
    countyFips: input.countyFips ?? null,
    intakeAgencyId: intakeAgency.id,
    routesToCps: routesToCps(assessment.actions, intakeAgency.kind),
    takenBy,
  });
  return {
    caseId: opened.id,
    caseNumber: opened.caseNumber,
    routedToAgencyId: owners.routedToAgencyId,
    assignedUserId: owners.assignedUserId,
    determination: assessment.determination,
    obligations: plans.map((p) => ({ actionId: p.actionId, ownerRole: p.owner, dueAt: p.dueAt })),
  };
}

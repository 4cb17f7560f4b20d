import { z } from "zod";
import { endBeforeStartProblem } from "../../domain/consistency.ts";
import { CASE_OUTCOMES, CASE_STATUSES } from "../../domain/coordination/case-status.ts";
import { STATUTORY_BASES, type StatutoryBasis } from "../../domain/coordination/referral.ts";
import {
  PLAN_DOMAIN_IDS,
  PLAN_ITEM_STATUSES,
  PLAN_KINDS,
  type PlanDomain,
} from "../../domain/coordination/service-plan.ts";
import { casePersonInput, PERSON_FIELD_NAMES, personFields } from "../intake/inputs.ts";

/**
 * What the case-file routes take. Routes validate with these (and OpenAPI shows them), use
 * cases receive the parsed value, and the web app's forms are typed from them (`z.input`).
 */
export const addNoteInput = z.strictObject({
  body: z.string().trim().min(1).max(20_000),
  aboutPersonId: z.string().min(1).max(100).optional(),
  /** Defaults to confidential for victim-services staff (VAWA), shared otherwise. */
  confidential: z.boolean().optional(),
});
export type AddNoteInput = z.output<typeof addNoteInput>;

export const changeStatusInput = z
  .strictObject({
    /** The case version the user saw; a stale one answers 409 and changes nothing. */
    version: z.number().int().min(1),
    status: z.enum(CASE_STATUSES),
    outcome: z.enum(CASE_OUTCOMES).optional(),
    /**
     * Closing only: open obligations to retire with a reason in the same step (each retirement is
     * recorded). Every obligation still open after them refuses the close (`case_has_open_work`).
     */
    retire: z
      .array(
        z.strictObject({
          obligationId: z.string().min(1).max(100),
          reason: z.string().trim().min(3).max(1000),
        }),
      )
      .max(100)
      .optional(),
  })
  .refine((v) => v.status === "closed" || v.retire === undefined, {
    message: "obligations are retired only when closing a case",
    path: ["retire"],
  })
  .refine((v) => v.status !== "closed" || v.outcome !== undefined, {
    message: "an outcome is required to close a case",
    path: ["outcome"],
  })
  .refine((v) => v.status === "closed" || v.outcome === undefined, {
    message: "only a closed case has an outcome",
    path: ["outcome"],
  });
export type ChangeStatusInput = z.output<typeof changeStatusInput>;

/**
 * What comes with an uploaded document, in its query (the body is the raw file, typed by its
 * media type). `confidential` is a query-string flag, so it arrives as text.
 */
export const uploadDocumentQuery = z.strictObject({
  name: z.string().trim().min(1).max(255),
  aboutPersonId: z.string().min(1).max(100).optional(),
  confidential: z.enum(["true", "false"]).optional(),
});
export type UploadDocumentQuery = z.output<typeof uploadDocumentQuery>;
const planDomain = z.enum(PLAN_DOMAIN_IDS as [PlanDomain, ...PlanDomain[]]);

/** One need of a plan, with the goal and the service that meets it. */
export const planItemInput = z
  .strictObject({
    domain: planDomain,
    need: z.string().trim().min(1).max(2000),
    goal: z.string().trim().min(1).max(2000).optional(),
    service: z.string().trim().min(1).max(200),
    providerAgencyId: z.string().min(1).max(100).optional(),
    startsOn: z.iso.date().optional(),
    endsOn: z.iso.date().optional(),
    status: z.enum(PLAN_ITEM_STATUSES).default("planned"),
  })
  .superRefine((item, ctx) => {
    const problem = endBeforeStartProblem(item.startsOn, item.endsOn, "endsOn");
    if (problem) ctx.addIssue({ code: "custom", path: ["endsOn"], message: problem.message });
  });
export type PlanItemInput = z.output<typeof planItemInput>;

/** A victim's service plan, or CPS's specialized plan for a minor victim (HB 571). */
export const createPlanInput = z.strictObject({
  personId: z.string().min(1).max(100),
  kind: z.enum(PLAN_KINDS).default("service_plan"),
  items: z.array(planItemInput).max(100).default([]),
});
export type CreatePlanInput = z.output<typeof createPlanInput>;

export const updatePlanItemInput = z.strictObject({
  /** The item version the user saw; a stale one answers 409 and changes nothing. */
  version: z.number().int().min(1),
  status: z.enum(PLAN_ITEM_STATUSES),
  endsOn: z.iso.date().optional(),
});
export type UpdatePlanItemInput = z.output<typeof updatePlanItemInput>;

export const sendReferralInput = z.strictObject({
  personId: z.string().min(1).max(100),
  toAgencyId: z.string().min(1).max(100),
  domain: planDomain,
  service: z.string().trim().min(1).max(200),
  /** Whether the referral carries the person's name and birth date to the recipient. */
  disclosesIdentity: z.boolean(),
  statutoryBasis: z
    .enum(Object.keys(STATUTORY_BASES) as [StatutoryBasis, ...StatutoryBasis[]])
    .optional(),
});
export type SendReferralInput = z.output<typeof sendReferralInput>;

export const respondToReferralInput = z
  .strictObject({
    /** The referral version the user saw; a stale one answers 409 and changes nothing. */
    version: z.number().int().min(1),
    status: z.enum(["accepted", "declined", "completed"]),
    reason: z.string().trim().min(3).max(1000).optional(),
  })
  .refine((v) => v.status !== "declined" || v.reason !== undefined, {
    message: "a reason is required to decline a referral",
    path: ["reason"],
  });
export type RespondToReferralInput = z.output<typeof respondToReferralInput>;

/** The sending agency withdraws a referral nobody has answered yet, at the version it saw. */
export const withdrawReferralInput = z.strictObject({
  version: z.number().int().min(1),
});
export type WithdrawReferralInput = z.output<typeof withdrawReferralInput>;

/**
 * A change to a person on the case after intake (issue 13): the fields given are set, those in
 * `clear` emptied (a wrong phone taken off the record); the same field pieces as intake's.
 */
export const editPersonInput = z
  .strictObject({
    /** The person's version the user saw; a stale one answers 409 and changes nothing. */
    version: z.number().int().min(1),
    ...personFields,
    clear: z.array(z.enum(PERSON_FIELD_NAMES)).max(PERSON_FIELD_NAMES.length).optional(),
  })
  .refine((v) => !(v.clear ?? []).some((f) => v[f] !== undefined), {
    message: "A field cannot be both given and cleared.",
    path: ["clear"],
  });
export type EditPersonInput = z.output<typeof editPersonInput>;

/** A person added to the case after intake, in a part: exactly what intake takes for one. */
export const addPersonInput = casePersonInput;
export type AddPersonInput = z.output<typeof addPersonInput>;

/** Taking a person off the case: the reason is kept (sealed) with the link, for the history. */
export const removePersonInput = z.strictObject({
  version: z.number().int().min(1),
  reason: z.string().trim().min(3).max(1000),
});
export type RemovePersonInput = z.output<typeof removePersonInput>;

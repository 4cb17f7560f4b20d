import { z } from "zod";
import {
  CERTIFICATION_KIND_IDS,
  type CertificationKind,
  RAT_SEAT_IDS,
  type RatSeat,
} from "../../domain/coordination/rapid-assessment-team.ts";

/**
 * What the coordination routes take. Routes validate with these (and OpenAPI shows them), use
 * cases receive the parsed value, and the web app's forms are typed from them (`z.input`).
 */
export const addTeamMemberInput = z.strictObject({ userId: z.string().min(1).max(100) });
export type AddTeamMemberInput = z.output<typeof addTeamMemberInput>;

// ── Rapid Assessment Teams, task forces, certifications, break-glass ────────────────────────

export const ratSeat = z.enum(RAT_SEAT_IDS as [RatSeat, ...RatSeat[]]);

export const formRatInput = z.strictObject({ taskForceId: z.string().min(1).max(100) });
export type FormRatInput = z.output<typeof formRatInput>;

export const offerSeatInput = z.strictObject({
  seat: ratSeat,
  membershipId: z.string().min(1).max(100),
});
export type OfferSeatInput = z.output<typeof offerSeatInput>;

/** Which seat's candidates to list (`?seat=`). */
export const seatCandidatesQuery = z.object({ seat: ratSeat });

export const respondToSeatInput = z
  .strictObject({
    response: z.enum(["accepted", "declined"]),
    reason: z.string().trim().min(3).max(500).optional(),
  })
  .refine((v) => v.response !== "declined" || v.reason !== undefined, {
    message: "a reason is required to decline a seat",
    path: ["reason"],
  });
export type RespondToSeatInput = z.output<typeof respondToSeatInput>;

export const createTaskForceInput = z.strictObject({
  name: z.string().trim().min(3).max(200),
  /** Defaults to the caller's agency; only the state coordinator sets up another agency's. */
  agencyId: z.string().min(1).max(100).optional(),
});
export type CreateTaskForceInput = z.output<typeof createTaskForceInput>;

export const addMemberInput = z.strictObject({ membershipId: z.string().min(1).max(100) });
export type AddMemberInput = z.output<typeof addMemberInput>;

export const addShiftInput = z
  .strictObject({
    membershipId: z.string().min(1).max(100),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
  })
  .refine((v) => new Date(v.endsAt) > new Date(v.startsAt), {
    message: "must be after startsAt",
    path: ["endsAt"],
  });
export type AddShiftInput = z.output<typeof addShiftInput>;

export const certificationInput = z
  .strictObject({
    kind: z.enum(CERTIFICATION_KIND_IDS as [CertificationKind, ...CertificationKind[]]),
    issuedOn: z.iso.date(),
    expiresOn: z.iso.date(),
    reference: z.string().trim().min(1).max(100).optional(),
  })
  .refine((v) => v.expiresOn >= v.issuedOn, {
    message: "must be on or after issuedOn",
    path: ["expiresOn"],
  });
export type CertificationInput = z.output<typeof certificationInput>;

export const breakGlassInput = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(20, "must explain the emergency in at least 20 characters")
    .max(1000),
});
export type BreakGlassInput = z.output<typeof breakGlassInput>;

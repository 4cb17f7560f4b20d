import { z } from "zod";
import {
  CERTIFICATION_KIND_IDS,
  CERTIFICATION_KINDS,
  type CertificationKind,
} from "../../domain/coordination/rapid-assessment-team.ts";
import { isRole } from "../../domain/roles.ts";
import { type Actor, auditContextFor } from "../access/actor.ts";
import { mayRecordCertifications } from "../access/policy.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { denied } from "../audit/record-denial.ts";
import type { AppContext } from "../context.ts";
import { notFound } from "../errors.ts";
import { newId } from "../ids.ts";

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

/** Whether the person exists and the actor may manage their certifications (the policy's rule). */
async function mayManageCertifications(ctx: AppContext, actor: Actor, userId: string) {
  const memberships = await ctx.db.kysely
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select(["memberships.agency_id as agencyId", "memberships.role"])
    .where("memberships.user_id", "=", userId)
    .execute();
  if (memberships.length === 0) return false;
  return mayRecordCertifications(
    actor,
    memberships.flatMap((m) => (isRole(m.role) ? [{ agencyId: m.agencyId, role: m.role }] : [])),
  );
}

export async function recordCertification(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  raw: z.input<typeof certificationInput>,
): Promise<{ id: string }> {
  const input = certificationInput.parse(raw);
  const entry = { action: "certification.create", recordType: "user", recordId: userId };
  // Someone outside the caller's reach answers exactly as someone who does not exist, so a
  // staff id's existence does not leak.
  if (!(await mayManageCertifications(ctx, actor, userId)))
    throw await denied(ctx, actor, entry, notFound("user"));
  const id = newId();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto("certifications")
      .values({
        id,
        user_id: userId,
        kind: input.kind,
        certified_by: CERTIFICATION_KINDS[input.kind].certifiedBy,
        reference: input.reference ?? null,
        issued_on: input.issuedOn,
        expires_on: input.expiresOn,
        recorded_by_user_id: actor.userId,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      { ...entry, outcome: "allowed", detail: { certificationId: id, kind: input.kind } },
    ]);
  });
  return { id };
}

export async function listCertifications(ctx: AppContext, actor: Actor, userId: string) {
  const entry = { action: "certification.list", recordType: "user", recordId: userId };
  if (actor.userId !== userId && !(await mayManageCertifications(ctx, actor, userId)))
    throw await denied(ctx, actor, entry, notFound("user"));
  return ctx.db.kysely
    .selectFrom("certifications")
    .select([
      "id",
      "kind",
      "certified_by as certifiedBy",
      "reference",
      "issued_on as issuedOn",
      "expires_on as expiresOn",
    ])
    .where("user_id", "=", userId)
    .orderBy("expires_on", "desc")
    .execute();
}

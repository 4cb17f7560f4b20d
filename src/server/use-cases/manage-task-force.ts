import { z } from "zod";
import { type Actor, auditContextFor } from "../access/actor.ts";
import { canManageTaskForce } from "../access/policy.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { denied } from "../audit/record-denial.ts";
import type { AppContext } from "../context.ts";
import { AppError, badRequest, notFound } from "../errors.ts";
import { newId } from "../ids.ts";
import { taskForceMembers } from "../repositories/rapid-assessment-teams.ts";

export const createTaskForceInput = z.strictObject({
  name: z.string().trim().min(3).max(200),
  /** Defaults to the caller's agency; only the state coordinator sets up another agency's. */
  agencyId: z.string().min(1).max(100).optional(),
});
export const addMemberInput = z.strictObject({ membershipId: z.string().min(1).max(100) });
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

const forbidden = () =>
  new AppError("forbidden", "Only this task force's lead or the state coordinator may do this.");

export async function createTaskForce(
  ctx: AppContext,
  actor: Actor,
  raw: z.input<typeof createTaskForceInput>,
): Promise<{ id: string }> {
  const input = createTaskForceInput.parse(raw);
  const agencyId = input.agencyId ?? actor.agencyId;
  const entry = { action: "task_force.create", recordType: "task_force" };
  if (!canManageTaskForce(actor, { agency_id: agencyId }))
    throw await denied(ctx, actor, entry, forbidden());
  const id = newId();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    if (input.agencyId !== undefined) {
      const agency = await trx
        .selectFrom("agencies")
        .select("id")
        .where("id", "=", input.agencyId)
        .executeTakeFirst();
      if (!agency) throw new AppError("not_found", "No such agency.", "agencyId");
    }
    await trx
      .insertInto("task_forces")
      .values({
        id,
        name: input.name,
        agency_id: agencyId,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      { ...entry, recordId: id, outcome: "allowed" },
    ]);
  });
  return { id };
}

async function managedTaskForce(ctx: AppContext, actor: Actor, id: string, action: string) {
  const tf = await ctx.db.kysely
    .selectFrom("task_forces")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  const entry = { action, recordType: "task_force", recordId: id };
  if (!tf) throw await denied(ctx, actor, entry, notFound("task force"));
  if (!canManageTaskForce(actor, tf)) throw await denied(ctx, actor, entry, forbidden());
  return { tf, entry };
}

export async function addTaskForceMember(
  ctx: AppContext,
  actor: Actor,
  taskForceId: string,
  raw: z.input<typeof addMemberInput>,
): Promise<void> {
  const input = addMemberInput.parse(raw);
  const { entry } = await managedTaskForce(ctx, actor, taskForceId, "task_force.add_member");
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const membership = await trx
      .selectFrom("memberships")
      .select("id")
      .where("id", "=", input.membershipId)
      .executeTakeFirst();
    if (!membership) throw badRequest("No such membership.", "membershipId");
    const already = await trx
      .selectFrom("task_force_members")
      .select("membership_id")
      .where("task_force_id", "=", taskForceId)
      .where("membership_id", "=", input.membershipId)
      .executeTakeFirst();
    if (!already)
      await trx
        .insertInto("task_force_members")
        .values({
          task_force_id: taskForceId,
          membership_id: input.membershipId,
          added_at: ctx.clock.now().toISOString(),
        })
        .execute();
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      { ...entry, outcome: "allowed", detail: { membershipId: input.membershipId } },
    ]);
  });
}

/** Puts a member on call for a period; RAT offers go to those on call first. */
export async function addOnCallShift(
  ctx: AppContext,
  actor: Actor,
  taskForceId: string,
  raw: z.input<typeof addShiftInput>,
): Promise<{ id: string }> {
  const input = addShiftInput.parse(raw);
  const { entry } = await managedTaskForce(ctx, actor, taskForceId, "task_force.add_shift");
  const id = newId();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const member = await trx
      .selectFrom("task_force_members")
      .select("membership_id")
      .where("task_force_id", "=", taskForceId)
      .where("membership_id", "=", input.membershipId)
      .executeTakeFirst();
    if (!member) throw badRequest("This person is not a member of the task force.", "membershipId");
    await trx
      .insertInto("on_call_shifts")
      .values({
        id,
        task_force_id: taskForceId,
        membership_id: input.membershipId,
        starts_at: new Date(input.startsAt).toISOString(),
        ends_at: new Date(input.endsAt).toISOString(),
      })
      .execute();
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      { ...entry, outcome: "allowed", detail: { shiftId: id } },
    ]);
  });
  return { id };
}

/** The task force with its members, their certifications and who is on call now. */
export async function getTaskForce(ctx: AppContext, actor: Actor, taskForceId: string) {
  const { tf } = await managedTaskForce(ctx, actor, taskForceId, "task_force.read");
  const now = ctx.clock.now().toISOString();
  const members = await taskForceMembers(ctx.db.kysely, taskForceId);
  const shifts = await ctx.db.kysely
    .selectFrom("on_call_shifts")
    .select(["id", "membership_id as membershipId", "starts_at as startsAt", "ends_at as endsAt"])
    .where("task_force_id", "=", taskForceId)
    .where("ends_at", ">", now)
    .orderBy("starts_at")
    .execute();
  const certs =
    members.length === 0
      ? []
      : await ctx.db.kysely
          .selectFrom("certifications")
          .select(["user_id", "kind", "issued_on as issuedOn", "expires_on as expiresOn"])
          .where(
            "user_id",
            "in",
            members.map((m) => m.userId),
          )
          .execute();
  return {
    id: tf.id,
    name: tf.name,
    agencyId: tf.agency_id,
    members: members.map((m) => ({
      ...m,
      onCall: shifts.some((s) => s.membershipId === m.membershipId && s.startsAt <= now),
      certifications: certs
        .filter((c) => c.user_id === m.userId)
        .map(({ kind, issuedOn, expiresOn }) => ({ kind, issuedOn, expiresOn })),
    })),
    shifts,
  };
}

import type { Transaction } from "kysely";
import { type Actor, auditContextFor } from "../access/actor.ts";
import type { CaseAbilities } from "../access/policy.ts";
import {
  caseEventVisible,
  caseFileEntryVisible,
  mayCloseObligation,
  planDisclosureBasis,
  planItemVisible,
  referralVisible,
} from "../access/policy.ts";
import { appendAudit } from "../audit/audit-log.ts";
import type { AppContext } from "../context.ts";
import type { Database } from "../db/schema.ts";
import { caseForAction } from "../repositories/case-access.ts";
import { listCaseEvents } from "../repositories/cases.ts";
import { openJson, openOptional, openText } from "../repositories/sealed-text.ts";
import { documentName } from "./case-documents.ts";

/** One audited read of a part of the case file: scope and ability first, then the read. */
async function readPart<T extends unknown[]>(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  action: string,
  ability: keyof CaseAbilities,
  read: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  await caseForAction(ctx, ctx.db.kysely, actor, caseId, action, ability);
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const rows = await read(trx);
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      {
        action,
        recordType: "case",
        recordId: caseId,
        outcome: "allowed",
        detail: { count: rows.length },
      },
    ]);
    return rows;
  });
}

/**
 * The events on the case the caller may see, oldest first. Event data never holds personal
 * data, but an event about a note, document, plan item or referral tells that it exists: it is
 * left out, in the SQL, for a caller who may not see that record.
 */
export function getCaseTimeline(ctx: AppContext, actor: Actor, caseId: string) {
  const nowIso = ctx.clock.now().toISOString();
  return readPart(ctx, actor, caseId, "case.timeline", "read", async (trx) => {
    const events = await listCaseEvents(trx, caseId, caseEventVisible(actor, nowIso));
    const ids = [...new Set(events.map((e) => e.actor_user_id).filter((id) => id !== null))];
    const names = new Map(
      ids.length === 0
        ? []
        : (
            await trx
              .selectFrom("users")
              .select(["id", "display_name"])
              .where("id", "in", ids)
              .execute()
          ).map((u) => [u.id, u.display_name]),
    );
    return events.map((e) => ({
      id: e.id,
      kind: e.kind,
      occurredAt: e.occurred_at,
      actorUserId: e.actor_user_id,
      actorName: e.actor_user_id === null ? null : (names.get(e.actor_user_id) ?? null),
      data: e.data,
    }));
  });
}

/**
 * Service plans with the items the caller may read (needs and goals decrypted). A plan another
 * victim-services agency holds is listed with its basis: under `consent`, the items of the
 * consented categories; under `statutory_report` (CPS, a child's report), its kind and status
 * only; under `none`, only that the agency holds one. Hidden items never leave the database.
 */
export function listServicePlans(ctx: AppContext, actor: Actor, caseId: string) {
  const nowIso = ctx.clock.now().toISOString();
  return readPart(ctx, actor, caseId, "plan.list", "readCaseFile", async (trx) => {
    const plans = await trx
      .selectFrom("service_plans")
      .selectAll()
      .select(planDisclosureBasis(actor, nowIso).as("disclosure_basis"))
      .where("case_id", "=", caseId)
      .orderBy("created_at")
      .execute();
    const items =
      plans.length === 0
        ? []
        : await trx
            .selectFrom("plan_items")
            .selectAll()
            .where(
              "plan_id",
              "in",
              plans.map((p) => p.id),
            )
            .where(planItemVisible(actor, nowIso))
            .orderBy("created_at")
            .orderBy("id")
            .execute();
    return plans.map((p) => {
      const basis = p.disclosure_basis;
      const fields = basis === "own_agency" || basis === "consent";
      return {
        id: p.id,
        personId: p.person_id,
        agencyId: p.agency_id,
        disclosureBasis: basis,
        kind: fields || basis === "statutory_report" ? p.kind : null,
        status: fields || basis === "statutory_report" ? p.status : null,
        createdAt: fields ? p.created_at : null,
        version: fields ? p.version : null,
        items: items
          .filter((i) => fields && i.plan_id === p.id)
          .map((i) => ({
            id: i.id,
            domain: i.domain,
            need: openText(ctx.keyring, "plan_items", "need", i.id, i.need),
            goal:
              i.goal === null ? null : openText(ctx.keyring, "plan_items", "goal", i.id, i.goal),
            service: openText(ctx.keyring, "plan_items", "service", i.id, i.service),
            providerAgencyId: i.provider_agency_id,
            startsOn: i.starts_on,
            endsOn: i.ends_on,
            status: i.status,
            version: i.version,
          })),
      };
    });
  });
}

/**
 * The case's referrals the caller may see: to whom, for what, and on what basis identity went
 * with them. One sent by another victim-services agency is left out unless the caller's agency
 * received it or the person consented (`referralVisible`): its service tells what they need.
 */
export function listCaseReferrals(ctx: AppContext, actor: Actor, caseId: string) {
  const nowIso = ctx.clock.now().toISOString();
  return readPart(ctx, actor, caseId, "referral.list", "read", async (trx) =>
    (
      await trx
        .selectFrom("referrals")
        .innerJoin("agencies", "agencies.id", "referrals.to_agency_id")
        .select([
          "referrals.id",
          "referrals.person_id as personId",
          "referrals.to_agency_id as toAgencyId",
          "agencies.name as toAgencyName",
          "referrals.domain",
          "referrals.service",
          "referrals.status",
          "referrals.reason",
          "referrals.disclosure_basis as disclosureBasis",
          "referrals.statute",
          "referrals.consent_id as consentId",
          "referrals.sent_at as sentAt",
          "referrals.version",
        ])
        .where("referrals.case_id", "=", caseId)
        .where(referralVisible(actor, nowIso))
        .orderBy("referrals.sent_at")
        .execute()
    ).map((r) => ({
      ...r,
      service: openText(ctx.keyring, "referrals", "service", r.id, r.service),
      reason: openOptional(ctx.keyring, "referrals", "reason", r.id, r.reason),
    })),
  );
}

/** Documents the caller may see (confidential ones of other agencies are left out). */
export function listCaseDocuments(ctx: AppContext, actor: Actor, caseId: string) {
  const nowIso = ctx.clock.now().toISOString();
  return readPart(ctx, actor, caseId, "document.list", "readCaseFile", async (trx) =>
    (
      await trx
        .selectFrom("case_documents")
        .select([
          "id",
          "file_name",
          "media_type",
          "size_bytes",
          "sha256",
          "scan_status",
          "confidential",
          "agency_id",
          "created_at",
        ])
        .where("case_id", "=", caseId)
        .where(caseFileEntryVisible(actor, nowIso, "case_documents"))
        .orderBy("created_at")
        .execute()
    ).map((d) => ({
      id: d.id,
      fileName: documentName(ctx, d),
      mediaType: d.media_type,
      sizeBytes: d.size_bytes,
      sha256: d.sha256,
      scanStatus: d.scan_status,
      confidential: d.confidential === 1,
      agencyId: d.agency_id,
      createdAt: d.created_at,
    })),
  );
}

/** The case's obligations: what the law requires, of whom, by when, and what was done. */
export function listCaseObligations(ctx: AppContext, actor: Actor, caseId: string) {
  return readPart(ctx, actor, caseId, "obligation.list", "read", async (trx) =>
    (
      await trx
        .selectFrom("obligations")
        .selectAll()
        .where("case_id", "=", caseId)
        .orderBy("due_at")
        .orderBy("action_id")
        .execute()
    ).map((o) => ({
      id: o.id,
      actionId: o.action_id,
      ownerRole: o.owner_role,
      status: o.status,
      dueAt: o.due_at,
      closedAt: o.closed_at,
      reason: openOptional(ctx.keyring, "obligations", "reason", o.id, o.reason),
      evidence: openJson(ctx.keyring, "obligations", "evidence", o.id, o.evidence),
      version: o.version,
      mayClose: o.status === "open" && mayCloseObligation(actor, o),
    })),
  );
}

/** What a member of the public wrote with their tip, if anything (for those who read the file). */
export async function getTipMessage(ctx: AppContext, actor: Actor, caseId: string) {
  const [message] = await readPart(ctx, actor, caseId, "tip.read", "readCaseFile", async (trx) => {
    const row = await trx
      .selectFrom("tip_messages")
      .selectAll()
      .where("case_id", "=", caseId)
      .executeTakeFirst();
    if (!row) return [];
    const open = (column: "narrative" | "contact") => {
      const v = row[column];
      return v === null ? null : openText(ctx.keyring, "tip_messages", column, caseId, v);
    };
    return [{ narrative: open("narrative"), contact: open("contact"), receivedAt: row.created_at }];
  });
  return message ?? null;
}

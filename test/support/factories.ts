import type { FastifyInstance } from "fastify";
import type { OpenCaseInput } from "../../src/contract/intake/inputs.ts";
import type { ActionId } from "../../src/domain/assessment/vocabulary.ts";
import type { AgencyKind } from "../../src/domain/catalogues.ts";
import type { ObligationOwner } from "../../src/domain/obligations.ts";
import type { ConsentCategory, Role } from "../../src/domain/roles.ts";
import type { Actor } from "../../src/server/access/actor.ts";
import { createSession, SESSION_COOKIE } from "../../src/server/auth/sessions.ts";
import { newTotpSecret } from "../../src/server/auth/totp.ts";
import { fixedClock } from "../../src/server/clock.ts";
import type { AppContext } from "../../src/server/context.ts";
import type { Db } from "../../src/server/db/database.ts";
import type { AgencyRow } from "../../src/server/db/schema.ts";
import { newId } from "../../src/server/ids.ts";
import { ObligationsRepository } from "../../src/server/repositories/obligations/obligations.ts";
import { hashPassword } from "../../src/server/security/passwords.ts";
import { createUser } from "../../src/server/use-cases/accounts/create-user.ts";
import { authenticate } from "../../src/server/use-cases/auth/authenticate.ts";
import { recordConsent } from "../../src/server/use-cases/consent/record-consent.ts";
import { addCaseTeamMember } from "../../src/server/use-cases/coordination/add-case-team-member.ts";
import { addOnCallShift } from "../../src/server/use-cases/coordination/add-on-call-shift.ts";
import { addTaskForceMember } from "../../src/server/use-cases/coordination/add-task-force-member.ts";
import { createTaskForce } from "../../src/server/use-cases/coordination/create-task-force.ts";
import { openCase } from "../../src/server/use-cases/intake/open-case.ts";
import { findCaseById } from "./case-rows.ts";
import { testContext } from "./context.ts";
import { sessionClient, signedIn, type TestClient } from "./http-client.ts";

/** Each test builds its own agency, so tests never depend on one another's data. */
export async function buildAgency(db: Db, overrides: Partial<AgencyRow> = {}): Promise<AgencyRow> {
  const row: AgencyRow = {
    id: newId(),
    name: `Test agency ${Math.random().toString(36).slice(2, 8)}`,
    kind: "cps" satisfies AgencyKind,
    county_fips: "28049",
    created_at: new Date().toISOString(),
    ...overrides,
  };
  await db.kysely.insertInto("agencies").values(row).execute();
  return row;
}

export async function buildCase(db: Db, overrides: Partial<OpenCaseInput> = {}) {
  const agencyId = overrides.agencyId ?? (await buildAgency(db)).id;
  return openCase(testContext(db, fixedClock(new Date("2026-03-01T15:00:00Z"))), {
    source: "cps_hotline",
    countyFips: "28049",
    ...overrides,
    agencyId,
  });
}

export const TEST_PASSWORD = "correct horse battery staple 42";

export interface BuiltUser {
  userId: string;
  membershipId: string;
  email: string;
  password: string;
  /** The enrolled authenticator's secret, when built with `mfa`. */
  secret?: string;
}

/** A user with one membership; with `mfa`, an authenticator already enrolled (secret returned). */
export async function buildUser(
  ctx: AppContext,
  options: { agencyId: string; role: Role; mfa?: boolean },
): Promise<BuiltUser> {
  const email = `${options.role}.${newId().slice(-12)}@test.waypoint.invalid`;
  const { userId, membershipId } = await createUser(
    ctx,
    {
      email,
      displayName: `Test ${options.role}`,
      password: TEST_PASSWORD,
      agencyId: options.agencyId,
      role: options.role,
    },
    null,
    { passwordHash: await testPasswordHash() },
  );
  const user = { userId, membershipId, email, password: TEST_PASSWORD };
  if (!options.mfa) return user;
  const secret = newTotpSecret();
  await ctx.db.kysely
    .updateTable("users")
    .set({
      mfa_secret: ctx.keyring.encrypt(secret, `users.mfa_secret.${userId}`),
      mfa_enabled_at: ctx.clock.now().toISOString(),
    })
    .where("id", "=", userId)
    .execute();
  return { ...user, secret };
}

let passwordHash: Promise<string> | undefined;
/** argon2 is deliberately slow: tests hash the shared password once. */
function testPasswordHash(): Promise<string> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
}

/** A staff member ready to act: as an Actor for use cases, or as a signed-in HTTP client. */
export interface Member extends BuiltUser {
  agencyId: string;
  /** The caller exactly as a request from this member's session authenticates. */
  actor: Actor;
  /** A client already past sign-in and MFA: a fresh session, no password or TOTP round trip. */
  session(app: FastifyInstance): Promise<TestClient>;
  /** A client signed in through the real endpoints (password, then TOTP if built with `mfa`). */
  signIn(app: FastifyInstance): Promise<TestClient>;
}

/**
 * The one way tests get someone signed in as a role: a user with a membership in `agency` (a
 * fresh agency of that kind, or an existing one by id), whose Actor comes from authenticating a
 * session of theirs, the way a request's does.
 */
export async function signedInAs(
  ctx: AppContext,
  role: Role,
  agency: AgencyKind | { id: string },
  options: { mfa?: boolean } = {},
): Promise<Member> {
  const agencyId =
    typeof agency === "string" ? (await buildAgency(ctx.db, { kind: agency })).id : agency.id;
  const user = await buildUser(ctx, { agencyId, role, mfa: options.mfa ?? false });
  const session = await createSession(ctx.db.kysely, ctx.clock, {
    userId: user.userId,
    membershipId: user.membershipId,
    mfaPassed: true,
    clientIp: null,
  });
  const { actor } = await authenticate(ctx, { cookie: `${SESSION_COOKIE}=${session.token}` }, null);
  if (!actor) throw new Error(`a fresh ${role} session did not authenticate`);
  return {
    ...user,
    agencyId,
    actor,
    session: (app) => sessionClient(app, ctx.db.kysely, ctx.clock, user),
    signIn: (app) => signedIn(app, user, ctx.clock),
  };
}

/**
 * A task force made by its lead through the use cases, with `members` added and `onCall` (who
 * must be among the members) on call from now for a day. The lead is a fresh task-force lead of
 * a law-enforcement agency unless given.
 */
export async function buildTaskForce(
  ctx: AppContext,
  options: { lead?: Member; name?: string; members?: Member[]; onCall?: Member[] } = {},
): Promise<{ id: string; lead: Member }> {
  const lead = options.lead ?? (await signedInAs(ctx, "task_force_lead", "law_enforcement"));
  const name = options.name ?? `Test task force ${newId().slice(-6)}`;
  const { id } = await createTaskForce(ctx, lead.actor, { name });
  for (const m of options.members ?? [])
    await addTaskForceMember(ctx, lead.actor, id, { membershipId: m.membershipId });
  const now = ctx.clock.now().getTime();
  for (const m of options.onCall ?? [])
    await addOnCallShift(ctx, lead.actor, id, {
      membershipId: m.membershipId,
      startsAt: new Date(now).toISOString(),
      endsAt: new Date(now + 24 * 3_600_000).toISOString(),
    });
  return { id, lead };
}

/**
 * Someone added to a case's team through the use case, by someone who runs the case (by default
 * a CPS investigator of the case's agency). Without a case, a fresh one is opened; without a
 * member, a fresh medical provider is added.
 */
export async function buildTeamMember(
  ctx: AppContext,
  options: { caseId?: string; member?: Member; by?: Member } = {},
): Promise<{ caseId: string; member: Member; by: Member }> {
  const caseId = options.caseId ?? (await buildCase(ctx.db)).id;
  const held = await findCaseById(ctx.db.kysely, caseId);
  if (!held) throw new Error(`no case ${caseId}`);
  const by = options.by ?? (await signedInAs(ctx, "cps_investigator", { id: held.agency_id }));
  const member = options.member ?? (await signedInAs(ctx, "medical", "medical"));
  await addCaseTeamMember(ctx, by.actor, caseId, { userId: member.userId });
  return { caseId, member, by };
}

/**
 * A consent recorded through the use case by the holding agency's advocate. Without a person, a
 * fresh victim-services agency, advocate and adult victim's case are made; the recipient is a
 * fresh CPS agency unless given; the victim gives their own consent unless `givenByPersonId`.
 */
export async function buildConsent(
  ctx: AppContext,
  options: {
    advocate?: Member;
    personId?: string;
    recipientAgencyId?: string;
    givenByPersonId?: string;
    categories?: ConsentCategory[];
    expiresAt?: string;
  } = {},
): Promise<{ id: string; personId: string; advocate: Member; recipientAgencyId: string }> {
  const advocate =
    options.advocate ?? (await signedInAs(ctx, "victim_advocate", "victim_services"));
  const personId = options.personId ?? (await victimOfNewCase(ctx, advocate.agencyId));
  const recipientAgencyId =
    options.recipientAgencyId ?? (await buildAgency(ctx.db, { kind: "cps" })).id;
  const { id } = await recordConsent(ctx, advocate.actor, personId, {
    recipientAgencyId,
    givenByPersonId: options.givenByPersonId ?? personId,
    categories: options.categories ?? ["identity"],
    purpose: "Coordinated services with the team",
    form: "signed_form",
    expiresAt:
      options.expiresAt ?? new Date(ctx.clock.now().getTime() + 90 * 86_400_000).toISOString(),
  });
  return { id, personId, advocate, recipientAgencyId };
}

async function victimOfNewCase(ctx: AppContext, agencyId: string): Promise<string> {
  const opened = await openCase(ctx, {
    agencyId,
    source: "shelter",
    persons: [{ part: "victim", givenName: "Synthetic", ageYears: 24 }],
  });
  const victim = await ctx.db.kysely
    .selectFrom("case_persons")
    .select("person_id")
    .where("case_id", "=", opened.id)
    .where("part", "=", "victim")
    .executeTakeFirstOrThrow();
  return victim.person_id;
}

/**
 * One open obligation stored the way an assessment stores them (its reminder and escalation
 * jobs scheduled when it has a due time). Without a case, a fresh one is opened.
 */
export async function buildObligation(
  ctx: AppContext,
  options: {
    caseId?: string;
    actionId?: ActionId;
    owner?: ObligationOwner;
    dueAt?: string | null;
    receivedAt?: string;
  } = {},
): Promise<{ id: string; caseId: string }> {
  const caseId = options.caseId ?? (await buildCase(ctx.db)).id;
  const now = ctx.clock.now();
  // The repository intake uses, with no caller: the obligation's clocks start as intake's do.
  const [id] = await ctx.db.kysely.transaction().execute((trx) =>
    new ObligationsRepository({
      trx,
      actor: null,
      keyring: ctx.keyring,
      clock: ctx.clock,
      now,
      nowIso: now.toISOString(),
    }).plan(
      caseId,
      [
        {
          actionId: options.actionId ?? "document_everything",
          owner: options.owner ?? "victim_advocate",
          dueAt: options.dueAt ?? null,
        },
      ],
      options.receivedAt ?? now.toISOString(),
    ),
  );
  return { id: id as string, caseId };
}

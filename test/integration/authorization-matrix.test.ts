import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { after, before, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { ROLES, type Role } from "../../src/domain/roles.ts";
import { fixedClock } from "../../src/server/clock.ts";
import type { AppContext } from "../../src/server/context.ts";
import { newId } from "../../src/server/ids.ts";
import { openCase } from "../../src/server/use-cases/intake/open-case.ts";
import { testApp, testContext } from "../support/context.ts";
import { describeOnEachDatabase } from "../support/databases.ts";
import { buildAgency, signedInAs } from "../support/factories.ts";

/**
 * Every route × every role × every relation to the record, compared with the checked-in table
 * test/authorization/matrix.json. A route the table does not know fails the suite: new routes
 * get a reviewed policy entry. Regenerate with UPDATE_AUTHZ_MATRIX=1 and review the diff.
 */
const EXPECTED = fileURLToPath(new URL("../authorization/matrix.json", import.meta.url));
const RELATIONS = [
  "own_case_team",
  "same_agency",
  "other_agency",
  "no_consent",
  "expired_consent",
] as const;
type Relation = (typeof RELATIONS)[number];

const HOME: Record<Role, string> = {
  screener: "other",
  cps_investigator: "cps",
  ht_investigator: "law_enforcement",
  victim_advocate: "victim_services",
  medical: "medical",
  shelter_staff: "shelter",
  task_force_lead: "law_enforcement",
  state_coordinator: "mbi",
  analyst: "attorney_general",
  agency_admin: "cps",
  system_admin: "other",
};

interface Fixture {
  userId: string;
  obligationId: string;
  caseId: string;
  personId: string;
  consentId: string | null;
  agencyId: string;
}

describeOnEachDatabase("authorization matrix", (t) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  const clock = fixedClock(new Date("2026-09-01T15:00:00Z"));
  const routes: { method: string; url: string }[] = [];

  before(async () => {
    ctx = testContext(t.db, clock);
    app = await testApp(ctx);
    await app.ready();
  });
  after(async () => {
    await app.close();
  });

  it("matches the checked-in table for every route, role and relation", async () => {
    // Reads first, then writes, and signing out last: a write may change what a later read sees.
    // Break-glass widens the caller's scope, so it runs after every other write it would affect.
    const rank = (r: { method: string; url: string }) =>
      r.url.endsWith("/logout")
        ? 3
        : r.url.endsWith("/break-glass")
          ? 2
          : r.method === "GET"
            ? 0
            : 1;
    routes.push(
      ...[...app.routeTable].sort(
        (a, b) => rank(a) - rank(b) || `${a.method} ${a.url}`.localeCompare(`${b.method} ${b.url}`),
      ),
    );
    const homes: Record<string, string> = {};
    for (const kind of new Set(Object.values(HOME)))
      homes[kind] = (await buildAgency(t.db, { kind })).id;
    const actual: Record<string, Record<string, Record<Relation, string>>> = {};
    for (const role of ROLES) {
      const agencyId = homes[HOME[role]] as string;
      const user = await signedInAs(ctx, role, { id: agencyId });
      for (const relation of RELATIONS) {
        const fixture = await fixtureFor(relation, user.userId, agencyId, role);
        for (const route of routes) {
          const key = `${route.method} ${route.url}`;
          const client = await user.session(app);
          const url =
            route.url
              .replace(":id", idFor(route.url, fixture))
              .replace(":personId", fixture.personId) + queryFor(route.url, fixture);
          const before = await auditRows();
          const res = await client.request(
            route.method as "GET",
            url,
            bodyFor(route, user, fixture),
          );
          const rows = (await auditRows()) - before;
          let outcome = `${res.statusCode}`;
          if (route.url === "/api/v1/cases/:id" && res.statusCode === 200) {
            const victim = res.json().persons.find((p: { part: string }) => p.part === "victim");
            outcome += Object.keys(victim.identity).length > 0 ? " identity" : " no-identity";
          }
          outcome += ` audit:${rows}`;
          actual[key] ??= {};
          (actual[key] as Record<string, Record<Relation, string>>)[role] ??= {} as Record<
            Relation,
            string
          >;
          (
            (actual[key] as Record<string, Record<Relation, string>>)[role] as Record<
              Relation,
              string
            >
          )[relation] = outcome;
        }
      }
    }
    if (process.env.UPDATE_AUTHZ_MATRIX === "1" && t.dialect === "sqlite") {
      writeFileSync(EXPECTED, `${JSON.stringify(actual, null, 2)}\n`);
    }
    assert.ok(
      existsSync(EXPECTED),
      "no checked-in matrix: run with UPDATE_AUTHZ_MATRIX=1 and review it",
    );
    const expected = JSON.parse(readFileSync(EXPECTED, "utf8")) as typeof actual;
    for (const key of Object.keys(actual)) {
      assert.ok(
        expected[key],
        `route ${key} has no entry in test/authorization/matrix.json: add its policy`,
      );
    }
    for (const key of Object.keys(expected))
      assert.ok(actual[key], `matrix lists ${key}, which no longer exists`);
    assert.deepEqual(actual, expected);
  });

  async function auditRows(): Promise<number> {
    return Number(
      (
        await t.db.kysely
          .selectFrom("audit_log")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  }

  async function fixtureFor(
    relation: Relation,
    userId: string,
    agencyId: string,
    role: Role,
  ): Promise<Fixture> {
    const holderKind =
      relation === "no_consent" || relation === "expired_consent" ? "victim_services" : "other";
    const holder =
      relation === "same_agency" ? agencyId : (await buildAgency(t.db, { kind: holderKind })).id;
    const opened = await openCase(ctx, {
      agencyId: holder,
      source: "other",
      persons: [{ part: "victim", givenName: "Matrix", familyName: "Person", ageYears: 30 }],
    });
    const personId = (
      await t.db.kysely
        .selectFrom("case_persons")
        .select("person_id")
        .where("case_id", "=", opened.id)
        .executeTakeFirstOrThrow()
    ).person_id;
    if (relation !== "same_agency" && relation !== "other_agency") {
      await t.db.kysely
        .insertInto("case_team")
        .values({ case_id: opened.id, user_id: userId, added_at: clock.now().toISOString() })
        .execute();
    }
    let consentId: string | null = null;
    if (relation === "expired_consent") {
      consentId = newId();
      await t.db.kysely
        .insertInto("consents")
        .values({
          id: consentId,
          person_id: personId,
          holder_agency_id: holder,
          recipient_agency_id: agencyId,
          given_by_person_id: personId,
          categories: JSON.stringify(["identity", "contact_and_location"]),
          purpose: "matrix",
          form: "signed_form",
          expires_at: new Date(clock.now().getTime() - 60_000).toISOString(),
          revoked_at: null,
          recorded_by_user_id: userId,
          created_at: clock.now().toISOString(),
        })
        .execute();
    }
    // An obligation owned by the role this user holds, on the relation's case.
    const obligationId = newId();
    await t.db.kysely
      .insertInto("obligations")
      .values({
        id: obligationId,
        case_id: opened.id,
        action_id: "document_everything",
        owner_role: role,
        owner_user_id: null,
        queue_agency_id: holder,
        status: "open",
        due_at: null,
        created_at: clock.now().toISOString(),
        closed_at: null,
        closed_by_user_id: null,
        evidence: null,
        reason: null,
        version: 1,
      })
      .execute();
    return { caseId: opened.id, personId, consentId, agencyId, obligationId, userId };
  }
});

/** Routes whose query string is required (from the relation's fixture where it names records). */
const QUERIES: Record<string, string | ((f: Fixture) => string)> = {
  "/api/v1/cases/:id/rat/candidates": "?seat=cps_investigator",
  "/api/v1/cases/:id/consent-step": (f) =>
    `?personId=${f.personId}&recipientAgencyId=${f.agencyId}`,
};

function queryFor(url: string, f: Fixture): string {
  const q = QUERIES[url];
  return typeof q === "function" ? q(f) : (q ?? "");
}

function idFor(url: string, f: Fixture): string {
  if (url.startsWith("/api/v1/cases/")) return f.caseId;
  if (url.startsWith("/api/v1/persons/")) return f.personId;
  if (url.startsWith("/api/v1/consents/"))
    return f.consentId ?? "01900000-0000-7000-8000-000000000000";
  if (url.startsWith("/api/v1/obligations/")) return f.obligationId;
  if (url.startsWith("/api/v1/users/")) return f.userId;
  // Records of other kinds the fixture does not make: every role must get the same 404.
  if (url.includes(":id")) return "01900000-0000-7000-8000-00000000abcd";
  return "";
}

function bodyFor(
  route: { method: string; url: string },
  user: { email: string; password: string },
  f: Fixture,
): object | undefined {
  if (route.method === "GET") return undefined;
  switch (route.url) {
    case "/api/v1/auth/login":
      return { email: user.email, password: user.password };
    case "/api/v1/auth/mfa":
    case "/api/v1/auth/mfa/enrol/confirm":
      return { code: "000000" };
    case "/api/v1/cases/:id/break-glass":
      return { reason: "An emergency that needs this case right now" };
    case "/api/v1/persons/:id/consents":
      return {
        recipientAgencyId: f.agencyId,
        givenByPersonId: f.personId,
        categories: ["identity"],
        purpose: "Matrix check",
        form: "attested",
        expiresAt: "2026-09-02T15:00:00Z",
      };
    case "/api/v1/cases/:id/assessments":
      return {
        version: 1,
        facts: { subject: { age: 15 }, sex: { act: true, valueExchanged: true } },
        reason: "Matrix check",
      };
    case "/api/v1/obligations/:id/close":
      return { version: 1, status: "done" };
    case "/api/v1/cases":
      return { source: "other" };
    case "/api/v1/screening/next":
      return { answers: {} };
    case "/api/v1/tips":
      return { narrative: "Matrix tip: something seen at a truck stop" };
    case "/api/v1/cases/:id/rat":
      return { taskForceId: "no-such-task-force" };
    case "/api/v1/cases/:id/rat/seats":
      return { seat: "cps_investigator", membershipId: "no-such-membership" };
    case "/api/v1/rat-seats/:id/respond":
      return { response: "accepted" };
    case "/api/v1/task-forces":
      return { name: "Matrix task force" };
    case "/api/v1/task-forces/:id/members":
      return { membershipId: "no-such-membership" };
    case "/api/v1/task-forces/:id/on-call":
      return {
        membershipId: "no-such-membership",
        startsAt: "2026-09-01T12:00:00Z",
        endsAt: "2026-09-02T12:00:00Z",
      };
    case "/api/v1/users/:id/certifications":
      return { kind: "ht_investigator", issuedOn: "2026-01-01", expiresOn: "2027-01-01" };
    case "/api/v1/cases/:id/plans":
      return { personId: f.personId };
    case "/api/v1/plans/:id/items":
      return { domain: "health", need: "Matrix need", service: "physical exam" };
    case "/api/v1/plans/:id/items/:itemId":
      return { version: 1, status: "in_progress" };
    case "/api/v1/cases/:id/referrals":
      return {
        personId: f.personId,
        toAgencyId: f.agencyId,
        domain: "health",
        service: "physical exam",
        disclosesIdentity: false,
      };
    case "/api/v1/referrals/:id/respond":
      return { version: 1, status: "accepted" };
    case "/api/v1/referrals/:id/withdraw":
      return { version: 1 };
    case "/api/v1/cases/:id/notes":
      return { body: "Matrix note" };
    case "/api/v1/cases/:id/people":
      return { part: "guardian", language: "Matrix language" };
    case "/api/v1/cases/:id/people/:personId":
      // The edit is made; the removal names a version the person is not at (409 once allowed),
      // so the fixture's victim stays on the case for the routes after it.
      return route.method === "PATCH"
        ? { version: 1, language: "Matrix language" }
        : { version: 2, reason: "Matrix check" };
    case "/api/v1/cases/:id/status":
      return { version: 1, status: "closed", outcome: "services_provided" };
    case "/api/v1/me":
      return { language: "es" };
    case "/api/v1/cases/:id/team":
      return { userId: f.userId };
    case "/api/v1/agencies":
      return { name: "Matrix agency", kind: "other" };
    case "/api/v1/users":
      return {
        email: `matrix.${newId()}@test.waypoint.invalid`,
        displayName: "Matrix person",
        password: user.password,
        agencyId: f.agencyId,
        role: "screener",
      };
    default:
      return {};
  }
}

import assert from "node:assert/strict";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Role } from "../../src/domain/roles.ts";
import type { Clock } from "../../src/server/clock.ts";
import type { AppContext } from "../../src/server/context.ts";
import type { Db } from "../../src/server/db/database.ts";
import { buildAgency, buildObligation, type Member, signedInAs } from "./factories.ts";

export interface FuzzFixture {
  /** Real records by kind: case, person, agency, user, membership, consent, plan, … */
  ids: Record<string, string>;
  /** A request as `role` (a fresh session each time: the fuzz signs out too). */
  send(role: Role, method: string, url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

/**
 * One signed-in user per role and a case with the records routes refer to (consent, plan and
 * item, task force with a member, referral, obligation), made through the API where it can be.
 */
export async function buildFuzzFixture(
  db: Db,
  ctx: AppContext,
  app: FastifyInstance,
  clock: Clock,
  roles: Role[],
): Promise<FuzzFixture> {
  const users = new Map<Role, Member>();
  const ids: Record<string, string> = {};
  const now = () => clock.now().toISOString();
  const send: FuzzFixture["send"] = async (role, method, url, body) => {
    const session = await (users.get(role) as Member).session(app);
    const upload = method === "POST" && /\/documents(\?|$)/.test(url);
    return app.inject({
      method: method as "GET",
      url,
      headers: {
        cookie: session.cookie as string,
        "x-csrf-token": session.csrf as string,
        ...(upload ? { "content-type": "text/plain" } : {}),
      },
      ...(upload ? { payload: "hello" } : body === undefined ? {} : { payload: body as object }),
    });
  };
  const vs = (await buildAgency(db, { kind: "victim_services" })).id;
  const cps = (await buildAgency(db, { kind: "cps" })).id;
  const home: Record<string, string> = {
    victim_advocate: vs,
    agency_admin: vs,
    cps_investigator: cps,
    task_force_lead: (await buildAgency(db, { kind: "law_enforcement" })).id,
    state_coordinator: (await buildAgency(db, { kind: "mbi" })).id,
    system_admin: (await buildAgency(db, { kind: "other" })).id,
  };
  for (const role of roles)
    users.set(role, await signedInAs(ctx, role, { id: home[role] as string }));
  const created = async (role: Role, url: string, body: object) => {
    const res = await send(role, "POST", url, body);
    assert.ok(res.statusCode < 300, `fixture ${url}: ${res.statusCode} ${res.body}`);
    return res.body ? res.json() : {};
  };
  const opened = await created("victim_advocate", "/api/v1/cases", {
    source: "other",
    persons: [
      { part: "victim", givenName: "Fuzz", familyName: "Person", ageYears: 30 },
      { part: "suspected_trafficker", givenName: "Other" },
    ],
  });
  ids.case = opened.caseId;
  const persons = await db.kysely
    .selectFrom("case_persons")
    .select(["person_id", "part"])
    .where("case_id", "=", ids.case as string)
    .execute();
  ids.person = persons.find((p) => p.part === "victim")?.person_id as string;
  for (const role of ["cps_investigator", "task_force_lead"] as const)
    await db.kysely
      .insertInto("case_team")
      .values({
        case_id: ids.case as string,
        user_id: users.get(role)?.userId as string,
        added_at: now(),
      })
      .execute();
  ids.agency = cps;
  ids.user = users.get("cps_investigator")?.userId as string;
  ids.membership = users.get("victim_advocate")?.membershipId as string;
  const consent = await created("victim_advocate", `/api/v1/persons/${ids.person}/consents`, {
    recipientAgencyId: cps,
    givenByPersonId: ids.person,
    categories: ["identity"],
    purpose: "Fuzz check",
    form: "attested",
    expiresAt: "2026-12-01T15:00:00Z",
  });
  ids.consent = consent.id;
  const plan = await created("victim_advocate", `/api/v1/cases/${ids.case}/plans`, {
    personId: ids.person,
    items: [{ domain: "health", need: "Fuzz need", service: "physical exam" }],
  });
  ids.plan = plan.id;
  ids.planItem = plan.itemIds[0];
  ids.taskForce = (
    await created("task_force_lead", "/api/v1/task-forces", { name: "Fuzz task force" })
  ).id;
  await created("task_force_lead", `/api/v1/task-forces/${ids.taskForce}/members`, {
    membershipId: ids.membership,
  });
  ids.referral = (
    await created("victim_advocate", `/api/v1/cases/${ids.case}/referrals`, {
      personId: ids.person,
      toAgencyId: cps,
      domain: "health",
      service: "physical exam",
      disclosesIdentity: false,
    })
  ).id;
  ids.obligation = (
    await buildObligation(ctx, {
      caseId: ids.case as string,
      actionId: "document_everything",
      owner: "victim_advocate",
      dueAt: null,
    })
  ).id;
  return { ids, send };
}

import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { fixedClock } from "../../src/server/clock.ts";
import type { AppContext } from "../../src/server/context.ts";
import { Keyring, readKeyFile, writeKeyFile } from "../../src/server/security/keyring.ts";
import { rotateKeys } from "../../src/server/use-cases/operations/rotate-keys.ts";
import { TEST_KEY_FILE, TEST_KEYRING, testApp, testContext } from "../support/context.ts";
import { describeOnEachDatabase } from "../support/databases.ts";
import { buildAgency, type Member, signedInAs } from "../support/factories.ts";
import type { TestClient } from "../support/http-client.ts";
import { storedText } from "../support/stored-text.ts";

/** Canaries for values changed after intake: none may reach storage, the audit or the timeline. */
const CANARY = {
  language: "Languagecanary Kaqchikel",
  givenName: "Givencanary Rosalba",
  reason: "Reasoncanary entered on the wrong case",
  guardian: "Guardiancanary Ofelia",
};

interface Person {
  id: string;
  part: string;
  version: number;
  ageYears: number | null;
  language: string | null;
  identity: Record<string, string>;
}

/**
 * Issue 13: the people on a case are changed, added and taken off after intake, with history:
 * the timeline and the audit name fields, never values; the ages must agree as at intake; a
 * role without `editPeople` is refused, and a case out of scope answers like a missing one.
 */
describeOnEachDatabase("people on a case after intake", (t) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  let advocateMember: Member;
  let advocate: TestClient;
  let caseId: string;

  const view = async () => (await advocate.get(`/api/v1/cases/${caseId}`)).json();
  const personOf = async (part: string): Promise<Person> =>
    (await view()).persons.find((p: Person) => p.part === part);
  const timeline = async () =>
    (await advocate.get(`/api/v1/cases/${caseId}/timeline`)).json().events as {
      kind: string;
      data: Record<string, unknown>;
    }[];
  const auditOf = (action: string) =>
    t.db.kysely
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", action)
      .orderBy("seq", "desc")
      .execute();

  before(async () => {
    ctx = testContext(t.db, fixedClock(new Date("2026-10-05T16:00:00Z")));
    app = await testApp(ctx);
    const agency = await buildAgency(t.db, { kind: "victim_services", county_fips: "28049" });
    advocateMember = await signedInAs(ctx, "victim_advocate", { id: agency.id }, { mfa: true });
    advocate = await advocateMember.signIn(app);
    const res = await advocate.post("/api/v1/cases", {
      source: "shelter",
      persons: [
        { part: "victim", givenName: "Ana", ageYears: 15, birthDate: "2011-03-01" },
        { part: "guardian", nonOffending: true },
        { part: "suspected_trafficker", givenName: "Rex" },
      ],
      facts: { subject: { age: 15 }, sex: { act: true, valueExchanged: true } },
    });
    assert.equal(res.statusCode, 201, res.body);
    caseId = res.json().caseId;
  });
  after(async () => {
    await app.close();
  });

  it("offers the ability to those who run the case", async () => {
    assert.equal((await view()).abilities.editPeople, true);
  });

  it("changes the stored values, and the timeline and audit name the fields only", async () => {
    const victim = await personOf("victim");
    const res = await advocate.request("PATCH", `/api/v1/cases/${caseId}/people/${victim.id}`, {
      version: victim.version,
      language: CANARY.language,
      givenName: CANARY.givenName,
      ageYears: 15,
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), {
      version: victim.version + 1,
      fields: ["givenName", "language"],
    });
    const after = await personOf("victim");
    assert.equal(after.language, CANARY.language);
    assert.equal(after.identity.givenName, CANARY.givenName);
    assert.equal(after.identity.birthDate, "2011-03-01", "untouched fields are kept");
    assert.equal(after.version, victim.version + 1);
    const event = (await timeline()).find((e) => e.kind === "person_updated");
    assert.deepEqual(event?.data, { personId: victim.id, fields: ["givenName", "language"] });
    const [audit] = await auditOf("person.update");
    assert.equal(audit?.outcome, "allowed");
    assert.deepEqual(JSON.parse(audit?.fields ?? "[]"), ["givenName", "language"]);
    const trail = JSON.stringify({
      audit: await t.db.kysely.selectFrom("audit_log").selectAll().execute(),
      events: await t.db.kysely.selectFrom("case_events").selectAll().execute(),
    });
    for (const canary of [CANARY.language, CANARY.givenName])
      assert.ok(!trail.includes(canary), `${canary} reached the audit or the timeline`);
  });

  it("answers 409 to a stale version, and changes nothing", async () => {
    const victim = await personOf("victim");
    const res = await advocate.request("PATCH", `/api/v1/cases/${caseId}/people/${victim.id}`, {
      version: victim.version - 1,
      language: "Spanish",
    });
    assert.equal(res.statusCode, 409, res.body);
    assert.equal((await personOf("victim")).language, CANARY.language);
  });

  it("refuses an age that contradicts the birth date, naming the field, changing nothing", async () => {
    const victim = await personOf("victim");
    const events = (await timeline()).length;
    const res = await advocate.request("PATCH", `/api/v1/cases/${caseId}/people/${victim.id}`, {
      version: victim.version,
      ageYears: 16,
      language: "Spanish",
    });
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().error.field, "ageYears");
    assert.match(res.json().error.message, /does not match the birth date/);
    const unchanged = await personOf("victim");
    assert.deepEqual(
      [unchanged.ageYears, unchanged.language, unchanged.version],
      [15, CANARY.language, victim.version],
    );
    assert.equal((await timeline()).length, events);
  });

  it("refuses a birth date that makes the victim disagree with the screening", async () => {
    const victim = await personOf("victim");
    const res = await advocate.request("PATCH", `/api/v1/cases/${caseId}/people/${victim.id}`, {
      version: victim.version,
      birthDate: "2000-01-01",
      clear: ["ageYears"],
    });
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().error.field, "birthDate");
    assert.match(res.json().error.message, /screening recorded the victim as 15/);
  });

  it("marks only a guardian non-offending", async () => {
    const suspect = await personOf("suspected_trafficker");
    const res = await advocate.request("PATCH", `/api/v1/cases/${caseId}/people/${suspect.id}`, {
      version: suspect.version,
      nonOffending: true,
    });
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().error.field, "nonOffending");
  });

  it("adds a person in a part, checked and sealed as at intake", async () => {
    const refused = await advocate.post(`/api/v1/cases/${caseId}/people`, {
      part: "guardian",
      birthDate: "2030-01-01",
    });
    assert.equal(refused.statusCode, 400, refused.body);
    assert.equal(refused.json().error.field, "birthDate");
    const res = await advocate.post(`/api/v1/cases/${caseId}/people`, {
      part: "guardian",
      givenName: CANARY.guardian,
      nonOffending: false,
    });
    assert.equal(res.statusCode, 201, res.body);
    const { id } = res.json();
    const added = (await view()).persons.find((p: Person) => p.id === id);
    assert.equal(added.identity.givenName, CANARY.guardian);
    const event = (await timeline()).find((e) => e.kind === "person_added");
    assert.deepEqual(event?.data, {
      personId: id,
      part: "guardian",
      fields: ["givenName", "nonOffending"],
    });
    const [audit] = await auditOf("person.add");
    assert.deepEqual(JSON.parse(audit?.fields ?? "[]"), ["givenName", "nonOffending"]);
  });

  it("refuses a role without the ability, as the policy refuses elsewhere", async () => {
    const shelter = await signedInAs(ctx, "shelter_staff", { id: advocateMember.agencyId });
    // Only CPS and a task-force lead add to a team; the row is what their addition writes.
    await t.db.kysely
      .insertInto("case_team")
      .values({ case_id: caseId, user_id: shelter.userId, added_at: ctx.clock.now().toISOString() })
      .execute();
    const client = await shelter.session(app);
    const read = (await client.get(`/api/v1/cases/${caseId}`)).json();
    assert.equal(read.abilities.editPeople, false);
    const victim = await personOf("victim");
    const url = `/api/v1/cases/${caseId}/people/${victim.id}`;
    for (const res of [
      await client.request("PATCH", url, { version: victim.version, language: "Spanish" }),
      await client.post(`/api/v1/cases/${caseId}/people`, { part: "guardian" }),
      await client.request("DELETE", url, { version: victim.version, reason: "not mine" }),
    ]) {
      assert.equal(res.statusCode, 403, res.body);
      assert.equal(res.json().error.code, "forbidden");
    }
    const [denied] = await auditOf("person.update");
    assert.equal(denied?.outcome, "denied");
  });

  it("answers a case out of scope exactly like a missing one", async () => {
    const elsewhere = await signedInAs(ctx, "victim_advocate", "victim_services");
    const client = await elsewhere.session(app);
    const victim = await personOf("victim");
    const body = { version: victim.version, language: "Spanish" };
    const hidden = await client.request(
      "PATCH",
      `/api/v1/cases/${caseId}/people/${victim.id}`,
      body,
    );
    const missing = await client.request(
      "PATCH",
      `/api/v1/cases/019a0000-0000-7000-8000-000000000000/people/${victim.id}`,
      body,
    );
    assert.equal(hidden.statusCode, 404, hidden.body);
    assert.deepEqual(hidden.json(), missing.json());
    assert.equal((await personOf("victim")).language, CANARY.language);
  });

  it("takes a person off the case with a reason, keeping the record and the history", async () => {
    const suspect = await personOf("suspected_trafficker");
    const url = `/api/v1/cases/${caseId}/people/${suspect.id}`;
    const noReason = await advocate.request("DELETE", url, { version: suspect.version });
    assert.equal(noReason.statusCode, 400, noReason.body);
    assert.equal(noReason.json().error.field, "reason");
    const res = await advocate.request("DELETE", url, {
      version: suspect.version,
      reason: CANARY.reason,
    });
    assert.equal(res.statusCode, 204, res.body);
    const shown = (await view()).persons.map((p: Person) => p.id);
    assert.ok(!shown.includes(suspect.id), "a removed person no longer shows on the case");
    const link = await t.db.kysely
      .selectFrom("case_persons")
      .selectAll()
      .where("person_id", "=", suspect.id)
      .executeTakeFirstOrThrow();
    assert.ok(link.removed_at, "the link is kept, marked removed");
    const removal = await t.db.kysely
      .selectFrom("case_person_removals")
      .selectAll()
      .where("person_id", "=", suspect.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      [removal.case_id, removal.removed_by_user_id, removal.removed_at],
      [caseId, advocateMember.userId, link.removed_at],
    );
    assert.equal(
      TEST_KEYRING.decrypt(removal.reason, `case_person_removals.reason.${removal.id}`),
      CANARY.reason,
      "the reason is sealed, bound to its removal",
    );
    const record = await t.db.kysely
      .selectFrom("persons")
      .select(["given_name"])
      .where("id", "=", suspect.id)
      .executeTakeFirstOrThrow();
    assert.ok(record.given_name, "the sealed record is kept");
    const event = (await timeline()).find((e) => e.kind === "person_removed");
    assert.deepEqual(event?.data, { personId: suspect.id, parts: ["suspected_trafficker"] });
    assert.ok(
      (await timeline()).some((e) => e.kind === "case_opened"),
      "history is kept",
    );
    const [audit] = await auditOf("person.remove");
    assert.deepEqual(JSON.parse(audit?.fields ?? "[]"), ["reason"]);
    const again = await advocate.request("DELETE", url, {
      version: suspect.version + 1,
      reason: CANARY.reason,
    });
    assert.equal(again.statusCode, 404, again.body);
    const note = await advocate.post(`/api/v1/cases/${caseId}/notes`, {
      body: "About the removed person",
      aboutPersonId: suspect.id,
    });
    assert.equal(note.statusCode, 400, "a removed person can no longer be named on the case");
  });

  it("keeps every changed value sealed at rest, and key rotation reaches the reason", async () => {
    const haystack = await storedText(t);
    const plain = Object.entries(CANARY).filter(([, v]) => haystack.includes(v));
    assert.deepEqual(plain, [], `stored in plain text: ${plain.map(([k]) => k).join(", ")}`);
    const path = join(mkdtempSync(join(tmpdir(), "waypoint-keys-")), "k.json");
    writeKeyFile(path, TEST_KEY_FILE);
    await rotateKeys(t.db, path);
    const rotated = new Keyring(readKeyFile(path));
    const removals = await t.db.kysely.selectFrom("case_person_removals").selectAll().execute();
    assert.ok(removals.length > 0);
    for (const r of removals) {
      assert.equal(Keyring.keyIdOf(r.reason), rotated.currentKeyId, "re-encrypted");
      assert.equal(rotated.decrypt(r.reason, `case_person_removals.reason.${r.id}`), CANARY.reason);
    }
  });
});

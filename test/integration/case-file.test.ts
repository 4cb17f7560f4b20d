import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { Role } from "../../src/domain/roles.ts";
import { type Clock, fixedClock } from "../../src/server/clock.ts";
import type { AppContext } from "../../src/server/context.ts";
import { Keyring, readKeyFile, writeKeyFile } from "../../src/server/security/keyring.ts";
import { rotateKeys } from "../../src/server/use-cases/operations/rotate-keys.ts";
import { TEST_KEY_FILE, testApp, testContext } from "../support/context.ts";
import { describeOnEachDatabase } from "../support/databases.ts";
import { buildAgency, signedInAs } from "../support/factories.ts";
import { TestClient } from "../support/http-client.ts";

const PDF = Buffer.from("%PDF-1.4\n% synthetic test document ZEBRA-CANARY-7731\n%%EOF\n");

describeOnEachDatabase("the shared case file", (t) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  const clock: Clock = fixedClock(new Date("2026-10-05T16:00:00Z"));
  const c: Record<string, TestClient> = {};
  const agencies: Record<string, string> = {};
  let adultCase: { id: string; victimId: string };
  let minorCase: { id: string; victimId: string };

  const as = (name: string) => c[name] as TestClient;
  async function upload(who: string, caseId: string, type: string, body: Buffer, name = "a.pdf") {
    const client = as(who);
    return app.inject({
      method: "POST",
      url: `/api/v1/cases/${caseId}/documents?name=${encodeURIComponent(name)}`,
      headers: {
        cookie: client.cookie as string,
        "x-csrf-token": client.csrf as string,
        "content-type": type,
      },
      payload: body,
    });
  }
  async function intake(who: string, age: number, facts: object) {
    const res = await as(who).post("/api/v1/cases", {
      source: "shelter",
      countyFips: "28049",
      persons: [{ part: "victim", givenName: "Synthetic", familyName: "Person", ageYears: age }],
      facts,
    });
    assert.equal(res.statusCode, 201, res.body);
    const view = await as(who).get(`/api/v1/cases/${res.json().caseId}`);
    return { id: res.json().caseId as string, victimId: view.json().persons[0].id as string };
  }

  before(async () => {
    ctx = testContext(t.db, clock);
    app = await testApp(ctx, { maxUploadBytes: 4096 });
    for (const kind of ["victim_services", "law_enforcement", "medical", "cps"])
      agencies[kind] = (await buildAgency(t.db, { kind, county_fips: "28049" })).id;
    const user = async (name: string, kind: string, role: Role) => {
      const agencyId = agencies[kind] as string;
      c[name] = await (await signedInAs(ctx, role, { id: agencyId }, { mfa: true })).signIn(app);
    };
    await user("advocate", "victim_services", "victim_advocate");
    await user("ht", "law_enforcement", "ht_investigator");
    await user("nurse", "medical", "medical");
    await user("cps", "cps", "cps_investigator");
    adultCase = await intake("advocate", 24, {
      subject: { age: 24 },
      labor: { performed: true },
      means: { force: true },
    });
    minorCase = await intake("advocate", 15, {
      subject: { age: 15 },
      sex: { act: true, valueExchanged: true },
    });
    // The HT investigator joins the adult's case team (as a Rapid Assessment Team seat would).
    const htUser = await t.db.kysely
      .selectFrom("memberships")
      .select("user_id")
      .where("agency_id", "=", agencies.law_enforcement as string)
      .executeTakeFirstOrThrow();
    await t.db.kysely
      .insertInto("case_team")
      .values({
        case_id: adultCase.id,
        user_id: htUser.user_id,
        added_at: clock.now().toISOString(),
      })
      .execute();
  });
  after(async () => {
    await app.close();
  });

  const notesSeenBy = async (who: string) =>
    (
      (await as(who).get(`/api/v1/cases/${adultCase.id}/notes`)).json().notes as { body: string }[]
    ).map((n) => n.body);
  const consent = (recipient: string, categories: string[]) =>
    as("advocate").post(`/api/v1/persons/${adultCase.victimId}/consents`, {
      recipientAgencyId: agencies[recipient],
      givenByPersonId: adultCase.victimId,
      categories,
      purpose: "Coordinated services with the task force",
      form: "signed_form",
      expiresAt: "2027-03-01T00:00:00Z",
    });

  it("keeps an advocate's notes from the HT investigator until the victim consents", async () => {
    const mine = await as("advocate").post(`/api/v1/cases/${adultCase.id}/notes`, {
      body: "Advocate note: safety plan discussed",
      aboutPersonId: adultCase.victimId,
    });
    assert.equal(mine.statusCode, 201, mine.body);
    assert.equal(
      mine.json().confidential,
      true,
      "victim-services notes are confidential by default",
    );
    assert.equal((await as("advocate").get("/api/v1/me")).json().confidentialNotesByDefault, true);
    assert.equal((await as("ht").get("/api/v1/me")).json().confidentialNotesByDefault, false);
    const theirs = await as("ht").post(`/api/v1/cases/${adultCase.id}/notes`, {
      body: "Investigator note: interview scheduled",
    });
    assert.equal(theirs.json().confidential, false);
    assert.deepEqual(await notesSeenBy("ht"), ["Investigator note: interview scheduled"]);
    assert.equal((await notesSeenBy("advocate")).length, 2);

    const given = await consent("law_enforcement", ["case_notes"]);
    assert.equal(given.statusCode, 201, given.body);
    assert.equal((await notesSeenBy("ht")).length, 2, "consent opens the advocate's note");
    const listed = (
      await as("advocate").get(`/api/v1/persons/${adultCase.victimId}/consents`)
    ).json();
    assert.deepEqual(
      listed.consents.map((x: { id: string; valid: boolean }) => [x.id, x.valid]),
      [[given.json().id, true]],
    );
    assert.equal(
      (await as("ht").get(`/api/v1/persons/${adultCase.victimId}/consents`)).statusCode,
      404,
    );
    const revoked = await as("advocate").post(`/api/v1/consents/${given.json().id}/revoke`, {});
    assert.equal(revoked.statusCode, 204, revoked.body);
    assert.equal((await notesSeenBy("ht")).length, 1, "revoking closes it again");

    const stored = await t.db.kysely.selectFrom("case_notes").select("body").execute();
    assert.ok(
      stored.every((n) => !n.body.includes("safety plan")),
      "note bodies are encrypted",
    );
  });

  it("blocks a referral that discloses identity without consent, and allows it with consent", async () => {
    const referral = (disclosesIdentity: boolean) =>
      as("advocate").post(`/api/v1/cases/${adultCase.id}/referrals`, {
        personId: adultCase.victimId,
        toAgencyId: agencies.medical,
        domain: "health",
        service: "forensic exam (SANE)",
        disclosesIdentity,
      });
    const blocked = await referral(true);
    assert.equal(blocked.statusCode, 422, blocked.body);
    assert.equal(blocked.json().error.code, "consent_required");
    assert.equal(blocked.json().error.field, "disclosesIdentity");
    const anonymous = await referral(false);
    assert.equal(anonymous.statusCode, 201, anonymous.body);
    assert.equal(anonymous.json().disclosureBasis, "none");

    const given = await consent("medical", ["identity"]);
    assert.equal(given.statusCode, 201, given.body);
    const allowed = await referral(true);
    assert.equal(allowed.statusCode, 201, allowed.body);
    assert.equal(allowed.json().disclosureBasis, "consent");
    assert.equal(allowed.json().consentId, given.json().id);

    const incoming = (await as("nurse").get("/api/v1/me/referrals")).json().referrals as {
      id: string;
      identity: { givenName?: string };
      version: number;
    }[];
    assert.equal(incoming.length, 2);
    const named = incoming.find((r) => r.id === allowed.json().id);
    const unnamed = incoming.find((r) => r.id === anonymous.json().id);
    assert.equal(named?.identity.givenName, "Synthetic");
    assert.deepEqual(unnamed?.identity, {});

    const accept = await as("nurse").post(`/api/v1/referrals/${named?.id}/respond`, {
      version: 1,
      status: "accepted",
    });
    assert.equal(accept.statusCode, 200, accept.body);
    const stale = await as("nurse").post(`/api/v1/referrals/${named?.id}/respond`, {
      version: 1,
      status: "completed",
    });
    assert.equal(stale.statusCode, 409);
    const decline = await as("nurse").post(`/api/v1/referrals/${unnamed?.id}/respond`, {
      version: 1,
      status: "declined",
      reason: "No SANE on duty this week; try the forensic clinic",
    });
    assert.equal(decline.statusCode, 200, decline.body);
    const notMine = await as("ht").post(`/api/v1/referrals/${named?.id}/respond`, {
      version: 2,
      status: "completed",
    });
    assert.equal(notMine.statusCode, 404, "another agency's referral does not exist for them");
  });

  it("sends a child's identity to CPS on the statutory basis, and names the statute", async () => {
    const body = {
      personId: minorCase.victimId,
      domain: "legal",
      service: "report of a child victim",
      disclosesIdentity: true,
      statutoryBasis: "cps_report_minor",
    };
    const toCps = await as("advocate").post(`/api/v1/cases/${minorCase.id}/referrals`, {
      ...body,
      toAgencyId: agencies.cps,
    });
    assert.equal(toCps.statusCode, 201, toCps.body);
    assert.equal(toCps.json().disclosureBasis, "cps_report_minor");
    const listed = (await as("advocate").get(`/api/v1/cases/${minorCase.id}/referrals`)).json();
    assert.match(listed.referrals[0].statute, /43-21-353/);
    const toClinic = await as("advocate").post(`/api/v1/cases/${minorCase.id}/referrals`, {
      ...body,
      toAgencyId: agencies.medical,
    });
    assert.equal(toClinic.statusCode, 422);
    assert.equal(toClinic.json().error.code, "statutory_basis_not_met");
  });

  it("builds a service plan in the four domains, encrypted, with 409 on a stale edit", async () => {
    const res = await as("advocate").post(`/api/v1/cases/${adultCase.id}/plans`, {
      personId: adultCase.victimId,
      items: [
        { domain: "health", need: "Needs a physical exam", service: "physical exam" },
        {
          domain: "legal",
          need: "Wants to understand T visa options",
          service: "immigration relief",
        },
      ],
    });
    assert.equal(res.statusCode, 201, res.body);
    const [healthItem] = res.json().itemIds;
    const bad = await as("advocate").post(`/api/v1/plans/${res.json().id}/items`, {
      domain: "housing",
      need: "x",
      service: "y",
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.field, "domain");
    const url = `/api/v1/plans/${res.json().id}/items/${healthItem}`;
    const first = await as("advocate").request("PATCH", url, { version: 1, status: "in_progress" });
    assert.equal(first.statusCode, 200, first.body);
    const stale = await as("advocate").request("PATCH", url, { version: 1, status: "completed" });
    assert.equal(stale.statusCode, 409);
    const plans = (await as("advocate").get(`/api/v1/cases/${adultCase.id}/plans`)).json().plans;
    assert.equal(plans[0].items[0].need, "Needs a physical exam");
    assert.equal(plans[0].items[0].status, "in_progress", "the stale edit changed nothing");
    const stored = await t.db.kysely.selectFrom("plan_items").select("need").execute();
    assert.ok(stored.every((i) => !i.need.includes("physical exam")));
  });

  it("lets only CPS write a minor's specialized plan, which meets its obligation", async () => {
    const body = { personId: minorCase.victimId, kind: "cps_specialized_plan" };
    const byAdvocate = await as("advocate").post(`/api/v1/cases/${minorCase.id}/plans`, body);
    assert.equal(byAdvocate.statusCode, 403);
    const byCps = await as("cps").post(`/api/v1/cases/${minorCase.id}/plans`, body);
    assert.equal(byCps.statusCode, 201, byCps.body);
    const obligations = (await as("cps").get(`/api/v1/cases/${minorCase.id}/obligations`)).json()
      .obligations as { actionId: string; status: string }[];
    assert.equal(obligations.find((o) => o.actionId === "cps_specialized_plan")?.status, "done");
  });

  it("stores documents encrypted, refuses other types and sizes, and hides confidential ones", async () => {
    const ok = await upload("advocate", adultCase.id, "application/pdf", PDF, "intake form.pdf");
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal(ok.json().scanStatus, "not_scanned");
    const html = await upload("advocate", adultCase.id, "text/html", Buffer.from("<script>"));
    assert.equal(html.statusCode, 415, html.body);
    const fake = await upload(
      "advocate",
      adultCase.id,
      "application/pdf",
      Buffer.from("MZ\x90\x00"),
    );
    assert.equal(fake.statusCode, 415);
    assert.equal(fake.json().error.code, "content_mismatch");
    const big = await upload("advocate", adultCase.id, "text/plain", Buffer.alloc(5000, 0x41));
    assert.equal(big.statusCode, 413, big.body);

    const rows = await t.db.kysely
      .selectFrom("case_documents")
      .select(["content", "file_name"])
      .execute();
    assert.equal(rows.length, 1);
    assert.ok(!Buffer.from(rows[0]?.content ?? "").includes("ZEBRA-CANARY"));
    assert.ok(!rows[0]?.file_name.includes("intake"));

    const download = await app.inject({
      method: "GET",
      url: `/api/v1/documents/${ok.json().id}`,
      headers: { cookie: as("advocate").cookie as string },
    });
    assert.equal(download.statusCode, 200);
    assert.deepEqual(download.rawPayload, PDF);
    assert.match(
      String(download.headers["content-disposition"]),
      /^attachment; filename\*=UTF-8''intake%20form\.pdf/,
    );
    const listed = (await as("ht").get(`/api/v1/cases/${adultCase.id}/documents`)).json().documents;
    assert.deepEqual(listed, [], "the advocate's document is confidential to victim services");
    const byHt = await as("ht").get(`/api/v1/documents/${ok.json().id}`);
    assert.equal(byHt.statusCode, 404);
  });

  it("closes a case with an outcome once nothing is open, refusing a stale version, and keeps a timeline", async () => {
    const url = `/api/v1/cases/${adultCase.id}/status`;
    const { version } = (await as("advocate").get(`/api/v1/cases/${adultCase.id}`)).json();
    const noOutcome = await as("advocate").post(url, { version, status: "closed" });
    assert.equal(noOutcome.statusCode, 400);
    assert.equal(noOutcome.json().error.field, "outcome");
    // Issue 13: a case closes only once each open obligation is met or retired with a reason.
    const withOpenWork = await as("advocate").post(url, {
      version,
      status: "closed",
      outcome: "services_provided",
    });
    assert.equal(withOpenWork.statusCode, 409, withOpenWork.body);
    assert.equal(withOpenWork.json().error.code, "case_has_open_work");
    const open = (
      (await as("advocate").get(`/api/v1/cases/${adultCase.id}/obligations`)).json()
        .obligations as { id: string; status: string }[]
    ).filter((o) => o.status === "open");
    const closed = await as("advocate").post(url, {
      version,
      status: "closed",
      outcome: "services_provided",
      retire: open.map((o) => ({ obligationId: o.id, reason: "Services delivered; case ends" })),
    });
    assert.equal(closed.statusCode, 200, closed.body);
    const stale = await as("advocate").post(url, { version, status: "open" });
    assert.equal(stale.statusCode, 409);
    const byHt = await as("ht").post(url, { version: version + 1, status: "open" });
    assert.equal(byHt.statusCode, 403);
    const view = (await as("advocate").get(`/api/v1/cases/${adultCase.id}`)).json();
    assert.equal(view.status, "closed");
    assert.equal(view.outcome, "services_provided");
    const kinds = (await as("advocate").get(`/api/v1/cases/${adultCase.id}/timeline`))
      .json()
      .events.map((e: { kind: string }) => e.kind);
    const events = (await as("advocate").get(`/api/v1/cases/${adultCase.id}/timeline`)).json()
      .events as { kind: string; actorName: string | null }[];
    assert.ok(
      events.some((e) => e.kind === "note_added" && e.actorName === "Test victim_advocate"),
    );
    for (const kind of [
      "case_opened",
      "note_added",
      "referral_sent",
      "plan_created",
      "document_added",
      "case_closed",
    ])
      assert.ok(kinds.includes(kind), `timeline has ${kind}`);
  });
  // Last: the app keeps the old keyring, which cannot read what the rotation re-encrypted.
  it("key rotation re-encrypts notes, plan items and documents, which stay readable", async () => {
    const tip = await new TestClient(app).post("/api/v1/tips", { narrative: "Seen at the motel" });
    assert.equal(tip.statusCode, 201, tip.body);
    const path = join(mkdtempSync(join(tmpdir(), "waypoint-keys-")), "k.json");
    writeKeyFile(path, TEST_KEY_FILE);
    await rotateKeys(t.db, path);
    const rotated = new Keyring(readKeyFile(path));
    const notes = await t.db.kysely.selectFrom("case_notes").select(["id", "body"]).execute();
    const docs = await t.db.kysely.selectFrom("case_documents").select(["id", "content"]).execute();
    assert.ok(notes.length > 0 && docs.length > 0);
    for (const n of notes) {
      assert.equal(Keyring.keyIdOf(n.body), rotated.currentKeyId);
      assert.ok(rotated.decrypt(n.body, `case_notes.body.${n.id}`).includes("note"));
    }
    for (const d of docs)
      assert.deepEqual(rotated.decryptBytes(d.content, `case_documents.content.${d.id}`), PDF);
    const items = await t.db.kysely.selectFrom("plan_items").select(["id", "need"]).execute();
    for (const i of items) assert.equal(Keyring.keyIdOf(i.need), rotated.currentKeyId);
    const tips = await t.db.kysely.selectFrom("tip_messages").selectAll().execute();
    assert.equal(tips.length, 1);
    for (const m of tips)
      assert.equal(
        rotated.decrypt(m.narrative as string, `tip_messages.narrative.${m.case_id}`),
        "Seen at the motel",
      );
  });
});

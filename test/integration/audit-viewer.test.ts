import assert from "node:assert/strict";
import { before, it } from "node:test";
import type { FastifyInstance } from "fastify";
import type { AuditRow } from "../../src/contract/audit/replies.ts";
import { fixedClock } from "../../src/server/clock.ts";
import type { AppContext } from "../../src/server/context.ts";
import { testApp, testContext } from "../support/context.ts";
import { describeOnEachDatabase } from "../support/databases.ts";
import { buildAgency, buildCase, type Member, signedInAs } from "../support/factories.ts";
import type { TestClient } from "../support/http-client.ts";

/** A display name a spreadsheet would run as a formula, if the export did not defuse it. */
const FORMULA_NAME = '=HYPERLINK("http://x.invalid","Ann, \'Q\'")';

describeOnEachDatabase("audit viewer", (t) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  const clock = fixedClock(new Date("2026-07-01T15:00:00Z"));
  let cps: Member;
  let otherCps: Member;
  let caseNumber: string;
  const clients: Record<string, TestClient> = {};

  const rowsOf = async (who: string, query = "") => {
    const res = await clients[who]?.get(`/api/v1/audit?limit=500${query}`);
    assert.equal(res?.statusCode, 200, res?.body);
    return (res?.json() as { rows: AuditRow[] } | undefined)?.rows ?? [];
  };

  before(async () => {
    ctx = testContext(t.db, clock);
    app = await testApp(ctx);
    const cpsAgency = await buildAgency(t.db, { kind: "cps" });
    const otherAgency = await buildAgency(t.db, { kind: "cps" });
    cps = await signedInAs(ctx, "cps_investigator", { id: cpsAgency.id });
    otherCps = await signedInAs(ctx, "cps_investigator", { id: otherAgency.id });
    const admin = await signedInAs(ctx, "agency_admin", { id: cpsAgency.id });
    const coordinator = await signedInAs(ctx, "state_coordinator", "mbi");
    const analyst = await signedInAs(ctx, "analyst", "attorney_general");
    await t.db.kysely
      .updateTable("users")
      .set({ display_name: "Rosa Delgado" })
      .where("id", "=", cps.userId)
      .execute();
    await t.db.kysely
      .updateTable("users")
      .set({ display_name: FORMULA_NAME })
      .where("id", "=", otherCps.userId)
      .execute();
    const opened = await buildCase(t.db, {
      agencyId: cpsAgency.id,
      persons: [
        { part: "victim", givenName: "Zebediah", familyName: "Quillfeather", ageYears: 15 },
      ],
    });
    caseNumber = opened.caseNumber;
    const otherCase = await buildCase(t.db, { agencyId: otherAgency.id });
    for (const [key, m] of Object.entries({ cps, otherCps, admin, coordinator, analyst }))
      clients[key] = await m.session(app);
    assert.equal((await clients.cps?.get(`/api/v1/cases/${opened.id}`))?.statusCode, 200);
    assert.equal((await clients.otherCps?.get(`/api/v1/cases/${otherCase.id}`))?.statusCode, 200);
  });

  it("names the person and the case, never an id or a victim's name", async () => {
    const rows = await rowsOf("coordinator");
    const read = rows.find((r) => r.action === "case.read" && r.actorUserId === cps.userId);
    assert.ok(read, "the CPS investigator's case read is in the state's trail");
    assert.equal(read.actorName, "Rosa Delgado");
    assert.equal(read.actorRole, "cps_investigator");
    assert.equal(read.caseNumber, caseNumber);
    assert.equal(read.outcome, "allowed");
    const opened = rows.find((r) => r.action === "case.create" && r.caseNumber === caseNumber);
    assert.ok(opened, "the case's opening is named by case number");
    assert.equal(opened.actorName, null, "opened with no one signed in");
    const person = rows.find((r) => r.action === "person.create" && r.caseNumber === caseNumber);
    assert.ok(person, "a person added with the case is named by the case's number");
    const body = JSON.stringify(rows);
    assert.ok(!body.includes("Zebediah") && !body.includes("Quillfeather"), "no victim's name");
    assert.ok(!body.includes("clientIp"), "no client address");
    const fields = rows.flatMap((r) => r.fields);
    assert.ok(fields.includes("person.givenName"), fields.join());
    assert.ok(!fields.some((f) => /[0-9a-f]{8}-[0-9a-f]{4}/.test(f)), "field names carry no ids");
  });

  it("filters by person, case, action and date range", async () => {
    const byPerson = await rowsOf("coordinator", `&actor=${cps.userId}`);
    assert.ok(byPerson.length > 0);
    assert.ok(byPerson.every((r) => r.actorUserId === cps.userId));
    const byCase = await rowsOf("coordinator", `&caseNumber=${encodeURIComponent(caseNumber)}`);
    assert.ok(byCase.length >= 2);
    assert.ok(byCase.every((r) => r.caseNumber === caseNumber));
    const byAction = await rowsOf("coordinator", "&action=case.read");
    assert.ok(byAction.length >= 2 && byAction.every((r) => r.action === "case.read"));
    assert.ok((await rowsOf("coordinator", "&from=2026-07-01&to=2026-07-01")).length > 0);
    assert.equal((await rowsOf("coordinator", "&from=2026-07-02")).length, 0);
    // The cases were opened in March (the case factory's clock); everything else on July 1.
    const untilJune = await rowsOf("coordinator", "&to=2026-06-30");
    assert.ok(untilJune.length > 0 && untilJune.every((r) => r.at < "2026-07-01"));
    const bad = await clients.coordinator?.get("/api/v1/audit?from=July");
    assert.equal(bad?.statusCode, 400);
  });

  it("pages by sequence number, newest first, without repeats", async () => {
    const all = await rowsOf("coordinator");
    const page1 = (await clients.coordinator?.get("/api/v1/audit?limit=3"))?.json()
      .rows as AuditRow[];
    const last = page1[page1.length - 1] as AuditRow;
    const page2 = (
      await clients.coordinator?.get(`/api/v1/audit?limit=3&before=${last.seq}`)
    )?.json().rows as AuditRow[];
    const seqs = [...page1, ...page2].map((r) => r.seq);
    assert.deepEqual(
      seqs,
      [...seqs].sort((a, b) => b - a),
    );
    assert.equal(new Set(seqs).size, seqs.length);
    assert.ok(all.length >= seqs.length);
  });

  it("gives the state coordinator every agency, an agency administrator only its own, and refuses others", async () => {
    const state = await rowsOf("coordinator");
    assert.ok(state.some((r) => r.actorUserId === cps.userId));
    assert.ok(state.some((r) => r.actorUserId === otherCps.userId));
    const agency = await rowsOf("admin");
    assert.ok(agency.some((r) => r.actorUserId === cps.userId));
    assert.ok(!agency.some((r) => r.actorUserId === otherCps.userId));
    for (const who of ["analyst", "cps"]) {
      assert.equal((await clients[who]?.get("/api/v1/audit"))?.statusCode, 403);
      assert.equal((await clients[who]?.get("/api/v1/audit/export.csv"))?.statusCode, 403);
    }
  });

  it("exports CSV with the filters, escaped, formulas defused, and audits the export", async () => {
    const res = await clients.coordinator?.get(
      `/api/v1/audit/export.csv?action=case.read&actor=${otherCps.userId}`,
    );
    assert.equal(res?.statusCode, 200, res?.body);
    assert.match(String(res?.headers["content-type"]), /^text\/csv/);
    assert.match(String(res?.headers["content-disposition"]), /^attachment; filename\*=UTF-8''/);
    const lines = (res?.body ?? "").split("\r\n").filter((l) => l !== "");
    assert.equal(lines[0], "when,who,role,action,case,fields,result,reason");
    assert.equal(lines.length, 2, "one case read by that person");
    assert.ok(
      lines[1]?.includes(`"'=HYPERLINK(""http://x.invalid"",""Ann, 'Q'"")"`),
      `formula defused and quoted: ${lines[1]}`,
    );
    const exports = await rowsOf("coordinator", "&action=audit.export");
    const audited = exports[0];
    assert.ok(audited, "the export is in the trail");
    assert.equal(audited.actorName, "Test state_coordinator");
    const row = await t.db.kysely
      .selectFrom("audit_log")
      .select("detail")
      .where("seq", "=", audited.seq)
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(row.detail), {
      filterActor: otherCps.userId,
      filterAction: "case.read",
      count: 1,
      complete: true,
    });
  });

  it("streams a long export page by page, every row once", async () => {
    const res = await clients.coordinator?.get("/api/v1/audit/export.csv");
    const lines = (res?.body ?? "").split("\r\n").filter((l) => l !== "");
    const inTrail = await t.db.kysely
      .selectFrom("audit_log")
      .select((e) => e.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    // The trail grew by this export's own audit row after the file was written.
    assert.equal(lines.length - 1, Number(inTrail.n) - 1);
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  closingProblem,
  missingReportEvidence,
  needsReportEvidence,
  reportCitation,
  reportsMadeByIntake,
} from "../../src/domain/closing.ts";
import type { Actor } from "../../src/server/access/actor.ts";
import { caseAbilities, refusedBecauseClosed } from "../../src/server/access/policy.ts";

describe("obligations that tell the truth (issue 13)", () => {
  it("counts CPS's own hotline intake as the report to CPS (§ 43-21-353), nobody else's", () => {
    const made = reportsMadeByIntake(["report_cps", "report_mbi_ht_coordinator"], "cps");
    assert.deepEqual(made, [
      { actionId: "report_cps", evidence: { madeBy: "intake", statute: "Miss. Code § 43-21-353" } },
    ]);
    assert.deepEqual(reportsMadeByIntake(["report_cps"], "other"), []);
    assert.deepEqual(reportsMadeByIntake(["report_cps"], "victim_services"), []);
    assert.deepEqual(reportsMadeByIntake(["rapid_assessment_team"], "cps"), []);
  });

  it("asks a report to another agency for its reference, whom and when", () => {
    for (const a of [
      "report_cps",
      "report_mbi_ht_coordinator",
      "report_attorney_general",
      "notify_cps_minor_in_custody",
      "notify_fbi",
    ]) {
      assert.ok(needsReportEvidence(a), a);
      assert.ok(reportCitation(a));
    }
    assert.ok(!needsReportEvidence("document_everything"));
    assert.equal(reportCitation("rapid_assessment_team"), null);
    assert.deepEqual(missingReportEvidence("report_cps", "done", undefined), [
      "reference",
      "spokeWith",
      "at",
    ]);
    assert.deepEqual(
      missingReportEvidence("report_cps", "done", { reference: " ", spokeWith: "Intake desk" }),
      ["reference", "at"],
    );
    assert.deepEqual(missingReportEvidence("report_cps", "not_applicable", undefined), []);
    assert.deepEqual(missingReportEvidence("national_hotline", "done", undefined), []);
  });
});

describe("closing a case safely (issue 13)", () => {
  it("lets a case close only with nothing open, saying what is left in plain words", () => {
    assert.equal(closingProblem({ openObligations: 0, pendingReferrals: 0 }), null);
    assert.match(
      closingProblem({ openObligations: 1, pendingReferrals: 0 }) ?? "",
      /1 open obligation \(/,
    );
    const both = closingProblem({ openObligations: 3, pendingReferrals: 2 }) ?? "";
    assert.match(both, /3 open obligations/);
    assert.match(both, /2 referrals still waiting/);
  });
});

describe("a closed case takes no writes (issue 13, one rule in the policy)", () => {
  const cps: Actor = {
    userId: "u1",
    membershipId: "m1",
    agencyId: "a1",
    agencyKind: "cps",
    role: "cps_investigator",
    via: "session",
    clientIp: null,
  };
  it("keeps reading and reopening, and turns every writing ability off", () => {
    const open = caseAbilities(cps, { agency_id: "a1", status: "open" }, true);
    const closed = caseAbilities(cps, { agency_id: "a1", status: "closed" }, true);
    assert.equal(open.writeNote, true);
    for (const kept of ["read", "readIdentity", "readCaseFile", "changeStatus"] as const)
      assert.equal(closed[kept], open[kept], kept);
    for (const write of [
      "writeNote",
      "uploadDocument",
      "sendReferral",
      "formRat",
      "reassess",
    ] as const)
      assert.equal(closed[write], false, write);
    assert.ok(refusedBecauseClosed(cps, { agency_id: "a1", status: "closed" }, "writeNote"));
    assert.ok(!refusedBecauseClosed(cps, { agency_id: "a1", status: "open" }, "writeNote"));
    assert.ok(!refusedBecauseClosed(cps, { agency_id: "a1", status: "closed" }, "changeStatus"));
  });
});

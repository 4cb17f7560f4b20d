import assert from "node:assert/strict";
import { before, it } from "node:test";
import type { CaseloadQuery } from "../../src/contract/cases/inputs.ts";
import { ACTION_CATALOGUE } from "../../src/domain/assessment/actions.ts";
import type { ActionId } from "../../src/domain/assessment/vocabulary.ts";
import type { Actor } from "../../src/server/access/actor.ts";
import type { AppContext } from "../../src/server/context.ts";
import { newId } from "../../src/server/ids.ts";
import { listCases } from "../../src/server/use-cases/case-file/list-cases.ts";
import { fakeClockContext } from "../support/context.ts";
import { describeOnEachDatabase } from "../support/databases.ts";
import {
  buildAgency,
  buildCase,
  buildObligation,
  buildTaskForce,
  type Member,
  signedInAs,
} from "../support/factories.ts";

const IMMEDIATE = Object.values(ACTION_CATALOGUE).find((a) => a.deadline.kind === "immediately")
  ?.id as ActionId;

const ANA = { givenName: "Ana", familyName: "Testcase", birthDate: "2012-04-05" };
const BEA = { givenName: "Bea", familyName: "Elsewhere", birthDate: "2011-01-02" };

/** The caseload (issue 13): filters, search, the duplicate bit, the cursor, and scope. */
describeOnEachDatabase("caseload", (t) => {
  let ctx: AppContext;
  let cps: Member;
  const ids: Record<string, string> = {};
  const list = (a: Actor, q: Partial<CaseloadQuery> = {}) =>
    listCases(ctx, a, { limit: 50, ...q } as CaseloadQuery);

  before(async () => {
    ctx = fakeClockContext(t.db, new Date("2026-03-10T15:00:00Z")).ctx;
    const agencyId = (await buildAgency(t.db, { kind: "cps" })).id;
    const otherId = (await buildAgency(t.db, { kind: "cps" })).id;
    cps = await signedInAs(ctx, "cps_investigator", { id: agencyId });
    const open = async (name: string, extra: object = {}) => {
      ids[name] = (await buildCase(t.db, { agencyId, ...extra })).id;
    };
    await open("ana", {
      persons: [{ part: "victim", ...ANA }],
      countyFips: "28049",
      determination: "sex_trafficking",
    });
    await open("overdue", { countyFips: "28035" });
    await buildObligation(ctx, {
      caseId: ids.overdue,
      actionId: "rapid_assessment_team",
      owner: "cps_investigator",
      dueAt: "2026-03-09T00:00:00Z",
    });
    // Due "immediately" half an hour ago: still within its grace, so due now, not overdue.
    await open("dueNow");
    await buildObligation(ctx, {
      caseId: ids.dueNow,
      actionId: IMMEDIATE,
      owner: "cps_investigator",
      dueAt: "2026-03-10T14:30:00Z",
    });
    await open("later");
    await buildObligation(ctx, {
      caseId: ids.later,
      actionId: "rapid_assessment_team",
      owner: "cps_investigator",
      dueAt: "2026-03-20T00:00:00Z",
    });
    await open("mine");
    await t.db.kysely
      .updateTable("cases")
      .set({ assigned_user_id: cps.userId })
      .where("id", "=", ids.mine as string)
      .execute();
    await open("closed");
    await t.db.kysely
      .updateTable("cases")
      .set({ status: "closed" })
      .where("id", "=", ids.closed as string)
      .execute();
    await open("ratFormed");
    const tf = await buildTaskForce(ctx);
    await t.db.kysely
      .insertInto("rat_teams")
      .values({
        id: newId(),
        case_id: ids.ratFormed as string,
        task_force_id: tf.id,
        requested_at: "2026-03-01T15:00:00Z",
        requested_by_user_id: tf.lead.userId,
        formed_at: "2026-03-01T16:00:00Z",
        formation_ms: 3_600_000,
      })
      .execute();
    // Held by another agency: out of this investigator's scope, with Bea (and Ana, see below).
    ids.elsewhere = (
      await buildCase(t.db, {
        agencyId: otherId,
        persons: [{ part: "victim", ...BEA }],
      })
    ).id;
    for (let i = 0; i < 7; i++) await open(`filler${i}`);
  });

  const idsOf = (page: { cases: { id: string }[] }) => page.cases.map((c) => c.id);

  it("shows only the caller's cases, most urgent first, never one out of scope", async () => {
    const page = await list(cps.actor);
    assert.equal(page.cases.length, 14);
    assert.ok(!idsOf(page).includes(ids.elsewhere as string));
    assert.deepEqual(idsOf(page).slice(0, 3), [ids.overdue, ids.dueNow, ids.later]);
    const byId = new Map(page.cases.map((c) => [c.id, c]));
    assert.equal(byId.get(ids.overdue as string)?.dueState, "overdue");
    assert.equal(byId.get(ids.dueNow as string)?.dueState, "due_now");
    assert.equal(byId.get(ids.later as string)?.dueState, "due");
    assert.equal(byId.get(ids.ana as string)?.dueState, "no_deadline");
    assert.equal(byId.get(ids.later as string)?.openObligations, 1);
    assert.equal(!!byId.get(ids.mine as string)?.assignedWorker?.length, true);
    assert.equal(byId.get(ids.ratFormed as string)?.ratFormed, true);
    assert.equal(page.nextCursor, null);
    assert.equal(page.possibleDuplicateElsewhere, false);
  });

  it("filters by status, county, determination, assignment, overdue and RAT", async () => {
    assert.deepEqual(idsOf(await list(cps.actor, { status: "closed" })), [ids.closed]);
    assert.deepEqual(idsOf(await list(cps.actor, { countyFips: "28035" })), [ids.overdue]);
    assert.deepEqual(idsOf(await list(cps.actor, { determination: "sex_trafficking" })), [ids.ana]);
    assert.deepEqual(idsOf(await list(cps.actor, { assignedToMe: true })), [ids.mine]);
    assert.deepEqual(idsOf(await list(cps.actor, { overdue: true })), [ids.overdue]);
    const notFormed = idsOf(await list(cps.actor, { ratNotFormed: true }));
    assert.equal(notFormed.length, 13);
    assert.ok(!notFormed.includes(ids.ratFormed as string));
  });

  it("finds a case by its number, and a person by name and birth date", async () => {
    const all = await list(cps.actor);
    const number = all.cases.find((c) => c.id === ids.later)?.caseNumber as string;
    assert.deepEqual(idsOf(await list(cps.actor, { caseNumber: number })), [ids.later]);
    const other = await list(cps.actor, {
      caseNumber: (
        await ctx.db.kysely
          .selectFrom("cases")
          .select("case_number")
          .where("id", "=", ids.elsewhere as string)
          .executeTakeFirstOrThrow()
      ).case_number,
    });
    assert.deepEqual(idsOf(other), [], "a case number out of scope finds nothing");
    const ana = await list(cps.actor, { ...ANA, givenName: "  ANA " });
    assert.deepEqual(idsOf(ana), [ids.ana]);
    assert.equal(ana.possibleDuplicateElsewhere, false, "in scope only: no warning");
    const nobody = await list(cps.actor, { ...ANA, birthDate: "2012-04-06" });
    assert.deepEqual(idsOf(nobody), []);
    assert.equal(nobody.possibleDuplicateElsewhere, false);
  });

  it("warns, and only warns, when the person is on a case out of scope", async () => {
    const bea = await list(cps.actor, BEA);
    assert.deepEqual(bea.cases, []);
    assert.equal(bea.possibleDuplicateElsewhere, true);
    assert.deepEqual(Object.keys(bea).sort(), [
      "cases",
      "nextCursor",
      "possibleDuplicateElsewhere",
    ]);
  });

  it("pages with the cursor without gaps or repeats", async () => {
    const all = idsOf(await list(cps.actor));
    const seen: string[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await list(cps.actor, { limit: 4, after });
      seen.push(...idsOf(page));
      if (page.nextCursor === null) break;
      after = page.nextCursor;
    }
    assert.deepEqual(seen, all);
    await assert.rejects(list(cps.actor, { after: "bm90LWEtY3Vyc29y" }), { code: "invalid_input" });
  });
});

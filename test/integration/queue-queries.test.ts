import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { KyselyPlugin } from "kysely";
import type { Actor } from "../../src/server/access/actor.ts";
import type { AppContext } from "../../src/server/context.ts";
import { type Db, openDatabase } from "../../src/server/db/database.ts";
import { listCases } from "../../src/server/use-cases/case-file/list-cases.ts";
import { listMyObligations } from "../../src/server/use-cases/obligations/list-my-obligations.ts";
import { listOpenCases } from "../../src/server/use-cases/obligations/list-open-cases.ts";
import { listOverdue } from "../../src/server/use-cases/obligations/list-overdue.ts";
import { fakeClockContext } from "../support/context.ts";
import { describeOnEachDatabase } from "../support/databases.ts";
import {
  buildAgency,
  buildCase,
  buildObligation,
  buildTeamMember,
  type Member,
  signedInAs,
} from "../support/factories.ts";

/**
 * Every list and queue asks the database the same number of statements whatever the number of
 * rows (issue 12: no per-row queries), on both databases, for each kind of scope: team (an HT
 * investigator), agency (CPS), agency with its task force's teams (the lead), statewide.
 */
describeOnEachDatabase("queries per request of the lists and queues", (t) => {
  let ctx: AppContext;
  let counted: Db;
  let statements = 0;
  let cps: Member;
  let ht: Member;
  let lead: Member;
  let coordinator: Member;
  let agencyId: string;
  let built = 0;

  before(async () => {
    const counter: KyselyPlugin = {
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        statements++;
        return args.result;
      },
    };
    const base = fakeClockContext(t.db, new Date("2026-03-10T15:00:00Z")).ctx;
    // A second connection whose every statement passes the counter, units of work included
    // (db.transact runs them on the Db's own Kysely instance).
    counted = openDatabase(t.target, { plugins: [counter] });
    ctx = { ...base, db: counted };
    agencyId = (await buildAgency(t.db, { kind: "cps" })).id;
    cps = await signedInAs(ctx, "cps_investigator", { id: agencyId });
    ht = await signedInAs(ctx, "ht_investigator", "law_enforcement");
    lead = await signedInAs(ctx, "task_force_lead", "law_enforcement");
    coordinator = await signedInAs(ctx, "state_coordinator", "mbi");
  });

  after(() => counted.close());

  /** Cases held by the CPS agency, the HT investigator on each team, two obligations each. */
  async function growTo(cases: number) {
    for (; built < cases; built++) {
      const { id: caseId } = await buildCase(t.db, { agencyId });
      await buildTeamMember(ctx, { caseId, member: ht, by: cps });
      await buildObligation(ctx, {
        caseId,
        owner: "cps_investigator",
        dueAt: "2026-03-05T00:00:00Z",
      });
      await buildObligation(ctx, { caseId, owner: "cps_investigator", dueAt: null });
    }
  }

  const lists: [string, () => [Actor, (a: Actor) => Promise<unknown[]>][]][] = [
    [
      "case list",
      () =>
        [cps, ht, lead, coordinator].map((m) => [
          m.actor,
          async (a) => (await listCases(ctx, a, { limit: 200 })).cases,
        ]),
    ],
    [
      "my work",
      () =>
        [cps, ht, lead, coordinator].map((m) => [m.actor, (a) => listMyObligations(ctx, a, 500)]),
    ],
    ["overdue", () => [lead, coordinator].map((m) => [m.actor, (a) => listOverdue(ctx, a, 1000)])],
    [
      "open cases",
      () => [cps, lead, coordinator].map((m) => [m.actor, (a) => listOpenCases(ctx, a, 1000)]),
    ],
  ];

  async function measure() {
    const found = new Map<string, { statements: number; rows: number }>();
    for (const [name, callers] of lists)
      for (const [actor, list] of callers()) {
        const start = statements;
        const rows = await list(actor);
        found.set(`${name} as ${actor.role}`, {
          statements: statements - start,
          rows: rows.length,
        });
      }
    return found;
  }

  it("asks the same number of statements at 5 and at 50 cases", async () => {
    await growTo(5);
    const few = await measure();
    await growTo(50);
    const many = await measure();
    for (const [name, small] of few) {
      const large = many.get(name);
      assert.ok(large, name);
      assert.ok(small.statements > 0, `${name}: the counter sees the unit's statements`);
      assert.equal(large.statements, small.statements, `${name}: statements per request`);
    }
    // The lists did grow, so the counts above compare something.
    assert.equal(many.get("case list as cps_investigator")?.rows, 50);
    assert.equal(many.get("case list as ht_investigator")?.rows, 50);
    assert.equal(many.get("my work as cps_investigator")?.rows, 100);
    assert.equal(many.get("open cases as cps_investigator")?.rows, 50);
    assert.ok((many.get("overdue as state_coordinator")?.rows ?? 0) >= 50);
    assert.equal(few.get("case list as ht_investigator")?.rows, 5);
  });

  it("pages a team's case list with the cursor, most urgent first, each case once", async () => {
    await growTo(50);
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await listCases(ctx, ht.actor, { limit: 20, after });
      seen.push(...page.cases.map((c) => c.id));
      if (page.nextCursor === null) break;
      after = page.nextCursor;
    }
    const all = (await listCases(ctx, ht.actor, { limit: 200 })).cases.map((c) => c.id);
    assert.equal(seen.length, 50);
    assert.deepEqual(seen, all);
    assert.equal(new Set(seen).size, 50);
  });

  it("sorts My work soonest due first, undated last, across the caller's own and the role's", async () => {
    await growTo(50);
    const work = await listMyObligations(ctx, cps.actor, 500);
    const dated = work.filter((o) => o.dueAt !== null);
    assert.equal(dated.length, 50);
    assert.ok(
      work.slice(0, 50).every((o) => o.dueAt !== null),
      "dated before undated",
    );
    const ids = work.slice(50).map((o) => o.id);
    assert.deepEqual([...ids].sort(), ids, "undated by id");
    const cut = await listMyObligations(ctx, cps.actor, 60);
    assert.deepEqual(
      cut.map((o) => o.id),
      work.slice(0, 60).map((o) => o.id),
    );
  });
});

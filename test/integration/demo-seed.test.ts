import assert from "node:assert/strict";
import { before, it } from "node:test";
import { caseloadQuery } from "../../src/contract/cases/inputs.ts";
import { ROLE_POLICIES, ROLES } from "../../src/domain/roles.ts";
import { fixedClock } from "../../src/server/clock.ts";
import type { AppContext } from "../../src/server/context.ts";
import { DemoPeople } from "../../src/server/demo/demo-people.ts";
import { seedDemo } from "../../src/server/demo/seed-demo.ts";
import { listCases } from "../../src/server/use-cases/case-file/list-cases.ts";
import { listIncomingReferrals } from "../../src/server/use-cases/case-file/list-incoming-referrals.ts";
import { listMySeatOffers } from "../../src/server/use-cases/coordination/list-my-seat-offers.ts";
import { listMyObligations } from "../../src/server/use-cases/obligations/list-my-obligations.ts";
import { listOverdue } from "../../src/server/use-cases/obligations/list-overdue.ts";
import { TEST_KEYRING, testContext } from "../support/context.ts";
import { describeOnEachDatabase } from "../support/databases.ts";

/**
 * Issue 13, item 11: the demo shows the product. Its cases are lived through the use cases, so
 * they stand at every stage, their obligations have owners, and every demo account that works
 * cases opens the app onto something to do.
 */
/** Every role that works cases (its case scope is not "none"), from the role table. */
const CASE_ROLES = ROLES.filter((r) => ROLE_POLICIES[r].caseScope !== "none");

describeOnEachDatabase("the demo seed", (t) => {
  let ctx: AppContext;
  let people: DemoPeople;
  const clock = fixedClock(new Date("2026-10-05T16:00:00Z"));
  const CASES = 14; // every stage twice

  before(async () => {
    ctx = testContext(t.db, clock);
    await seedDemo(t.db, clock, {
      cases: CASES,
      production: false,
      keyring: TEST_KEYRING,
      seed: 7,
    });
    people = await DemoPeople.load(t.db);
  });

  it("has cases at every stage: new, team forming, team formed, plans, referrals, closed", async () => {
    const k = t.db.kysely;
    const cases = await k.selectFrom("cases").select(["status", "received_at"]).execute();
    assert.equal(cases.length, CASES);
    assert.ok(cases.some((c) => c.status === "closed"));
    const recent = cases.filter(
      (c) => Date.parse(c.received_at) > clock.now().getTime() - 3_600_000,
    );
    assert.ok(recent.length > 0, "a case came in within the hour");
    const rats = await k.selectFrom("rat_teams").select("formed_at").execute();
    assert.ok(
      rats.some((r) => r.formed_at === null),
      "a team is forming",
    );
    assert.ok(
      rats.some((r) => r.formed_at !== null),
      "a team has formed",
    );
    assert.ok((await k.selectFrom("service_plans").select("id").execute()).length > 0);
    const referrals = await k.selectFrom("referrals").select("status").execute();
    assert.ok(referrals.some((r) => r.status === "sent"));
    assert.ok(referrals.some((r) => r.status === "accepted"));
  });

  it("gives every open obligation on an open case exactly one owner: a person or a role's queue", async () => {
    const open = await t.db.kysely
      .selectFrom("obligations")
      .innerJoin("cases", "cases.id", "obligations.case_id")
      .select(["obligations.id", "obligations.owner_user_id"])
      .where("obligations.status", "=", "open")
      .where("cases.status", "=", "open")
      .execute();
    assert.ok(open.length > 0);
    const seen = new Map<string, { claimed: number; queued: Set<string> }>();
    for (const role of CASE_ROLES)
      for (let n = 0; people.first(role, n); n++) {
        const me = people.first(role, n)?.actor;
        if (!me) continue;
        for (const o of await listMyObligations(ctx, me, 500)) {
          const s = seen.get(o.id) ?? { claimed: 0, queued: new Set() };
          if (o.claimed) s.claimed++;
          else s.queued.add(`${me.agencyId}/${role}`);
          seen.set(o.id, s);
        }
      }
    for (const o of open) {
      const s = seen.get(o.id);
      assert.ok(s, `obligation ${o.id} is in someone's work`);
      if (o.owner_user_id) assert.equal(s.claimed, 1, "a claimed one is in its owner's work only");
      else assert.equal(s.queued.size, 1, "an unclaimed one is in one role's queue");
    }
  });

  it("opens every demo account that works cases onto something to do", async () => {
    const coordinator = people.first("state_coordinator")?.actor;
    assert.ok(coordinator);
    assert.ok((await listOverdue(ctx, coordinator, 200)).length > 0, "overdue items");
    for (const role of CASE_ROLES) {
      const me = people.first(role)?.actor;
      assert.ok(me, role);
      // A list the role does not have is refused: it counts as nothing to do there.
      const count = (list: Promise<unknown[]>) => list.then((l) => l.length).catch(() => 0);
      const work = await count(listMyObligations(ctx, me, 100));
      const offers = await count(listMySeatOffers(ctx, me));
      const referrals = await count(listIncomingReferrals(ctx, me));
      const cases = await count(
        listCases(ctx, me, caseloadQuery.parse({})).then((page) => page.cases),
      );
      assert.ok(work + offers + referrals + cases > 0, `${role} has a first screen with work`);
    }
  });
});

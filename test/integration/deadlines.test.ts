import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { after, before, it } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { intakeInput } from "../../src/contract/intake/inputs.ts";
import type { Role } from "../../src/domain/roles.ts";
import { fixedClock } from "../../src/server/clock.ts";
import type { AppContext } from "../../src/server/context.ts";
import { LEASE_MS, leaseDueJobs } from "../../src/server/jobs/job-queue.ts";
import { runDueJobs } from "../../src/server/jobs/worker.ts";
import { type Mailer, smtpMailer } from "../../src/server/mail/mailer.ts";
import { takeIntake } from "../../src/server/use-cases/intake/take-intake.ts";
import { testContext } from "../support/context.ts";
import { describeOnEachDatabase } from "../support/databases.ts";
import { buildAgency, signedInAs } from "../support/factories.ts";
import { startSmtpServer } from "../support/smtp.ts";

const HOUR = 3_600_000;
const run = promisify(execFile);
const worker = fileURLToPath(new URL("../support/job-worker.ts", import.meta.url));

describeOnEachDatabase("deadline engine", (t) => {
  let ctx: AppContext;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let mailer: Mailer;
  const clock = fixedClock(new Date("2026-11-02T15:00:00Z"));
  const emails: Record<string, string> = {};

  before(async () => {
    ctx = testContext(t.db, clock);
    smtp = await startSmtpServer();
    mailer = smtpMailer({
      host: "127.0.0.1",
      port: smtp.port,
      from: "Waypoint <no-reply@waypoint.invalid>",
      insecure: true,
    });
  });
  after(async () => {
    mailer.close();
    await smtp.close();
  });

  const staff = async (agencyId: string, role: Role) => {
    const u = await signedInAs(ctx, role, { id: agencyId });
    emails[role] = u.email;
    return u;
  };

  it("reminds at 50 % and 75 % of the window and escalates when overdue, by e-mail and in the app", async () => {
    const cps = await buildAgency(t.db, { kind: "cps" });
    const investigator = await staff(cps.id, "cps_investigator");
    await staff(cps.id, "task_force_lead");
    await staff((await buildAgency(t.db, { kind: "mbi" })).id, "state_coordinator");
    const start = clock.now().getTime();
    const intake = await takeIntake(
      ctx,
      investigator.actor,
      intakeInput.parse({
        source: "cps_hotline",
        receivedAt: new Date(start).toISOString(),
        facts: { subject: { age: 14 }, sex: { act: true, valueExchanged: true } },
      }),
    );
    const rat = intake.obligations.find((o) => o.actionId === "rapid_assessment_team");
    assert.ok(rat);
    // Close every "immediately" obligation so only the 24-hour and plan clocks remain.
    await t.db.kysely
      .updateTable("obligations")
      .set({ status: "done", closed_at: clock.now().toISOString() })
      .where("case_id", "=", intake.caseId)
      .where("action_id", "not in", [
        "rapid_assessment_team",
        "cps_in_person_contact_24h",
        "cps_specialized_plan",
      ])
      .execute();
    const subjects = () => smtp.received.map((m) => m.raw.match(/^Subject: (.*)$/m)?.[1] ?? "");

    clock.set(new Date(start + 11 * HOUR));
    await runDueJobs(ctx, mailer, "w1");
    assert.equal(smtp.received.length, 0, "nothing before half the window");

    clock.set(new Date(start + 12 * HOUR));
    await runDueJobs(ctx, mailer, "w1");
    assert.equal(smtp.received.length, 2, subjects().join(" | "));
    assert.ok(subjects().every((s) => s.startsWith("Reminder (50% of the time used)")));
    assert.ok(smtp.received.every((m) => m.to.includes(emails.cps_investigator as string)));

    clock.set(new Date(start + 18 * HOUR));
    await runDueJobs(ctx, mailer, "w1");
    assert.equal(smtp.received.filter((m) => m.raw.includes("75% of the time used")).length, 2);

    // The investigator makes contact: that obligation stops reminding.
    await t.db.kysely
      .updateTable("obligations")
      .set({ status: "done" })
      .where("case_id", "=", intake.caseId)
      .where("action_id", "=", "cps_in_person_contact_24h")
      .execute();
    smtp.received.length = 0;
    clock.set(new Date(start + 24 * HOUR));
    await runDueJobs(ctx, mailer, "w1");
    const overdue = smtp.received.filter((m) => m.raw.includes("Subject: Overdue"));
    assert.equal(overdue.length, 2, "the lead and the coordinator, for the team only");
    const to = overdue.flatMap((m) => m.to).sort();
    assert.deepEqual(to, [emails.state_coordinator, emails.task_force_lead].sort());
    assert.ok(overdue.every((m) => m.raw.includes(intake.caseNumber)));
    const inApp = await t.db.kysely
      .selectFrom("notifications")
      .select("kind")
      .where("kind", "=", "obligation.escalation")
      .execute();
    assert.equal(inApp.length, 2);
  });

  it("never loses a job to a crash: an expired lease is taken over", async () => {
    const agency = await buildAgency(t.db, { kind: "cps" });
    const u = await staff(agency.id, "cps_investigator");
    const startAt = clock.now().getTime();
    await takeIntake(
      ctx,
      u.actor,
      intakeInput.parse({
        source: "cps_hotline",
        receivedAt: new Date(startAt).toISOString(),
        facts: { subject: { age: 12 }, sex: { act: true, valueExchanged: true } },
      }),
    );
    clock.set(new Date(startAt + 12 * HOUR));
    const taken = await leaseDueJobs(ctx.db, clock, "crashed-worker", 100);
    assert.ok(taken.length > 0);
    // The worker dies here. Another one finds nothing until the lease runs out…
    assert.equal(await runDueJobs(ctx, mailer, "w2"), 0);
    clock.set(new Date(startAt + 12 * HOUR + LEASE_MS + 1));
    assert.equal(await runDueJobs(ctx, mailer, "w2"), taken.length, "…then runs every one of them");
  });

  it("fires each job exactly once with two worker processes working the same queue", async () => {
    const agency = await buildAgency(t.db, { kind: "cps" });
    const u = await staff(agency.id, "cps_investigator");
    const startAt = clock.now().getTime();
    for (let i = 0; i < 15; i++) {
      await takeIntake(
        ctx,
        u.actor,
        intakeInput.parse({
          source: "cps_hotline",
          receivedAt: new Date(startAt).toISOString(),
          facts: { subject: { age: 15 }, sex: { act: true, valueExchanged: true } },
        }),
      );
    }
    const at = new Date(startAt + 30 * HOUR).toISOString();
    const due = await t.db.kysely
      .selectFrom("jobs")
      .select("id")
      .where("status", "=", "pending")
      .where("run_at", "<=", at)
      .execute();
    assert.ok(due.length >= 60, `${due.length} jobs due`);
    const outputs = await Promise.all(
      ["a", "b"].map((name) => run(process.execPath, ["--import", "tsx", worker, t.url, at, name])),
    );
    const [ranByA, ranByB] = outputs.map((o) => Number(o.stdout.trim())) as [number, number];
    assert.equal(ranByA + ranByB, due.length, `a ran ${ranByA}, b ran ${ranByB}`);
    const leftovers = await t.db.kysely
      .selectFrom("jobs")
      .select(["id", "attempts"])
      .where(
        "id",
        "in",
        due.map((d) => d.id),
      )
      .execute();
    assert.ok(
      leftovers.every((j) => Number(j.attempts) === 1),
      "no job was taken twice",
    );
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  deadlineEvents,
  IMMEDIATE_GRACE_MS,
  planObligations,
  RECEIVED_AT_FUTURE_TOLERANCE_MS,
  receivedAtProblem,
} from "../../src/domain/obligations.ts";

describe("obligation clocks", () => {
  const received = new Date("2026-03-01T10:00:00Z");
  const intake = new Date("2026-03-01T11:30:00Z");

  it("due immediately at intake, 24 hours from the tip, or the plan's default", () => {
    const plans = planObligations(
      [
        "report_cps",
        "rapid_assessment_team",
        "cps_specialized_plan",
        "offer_law_enforcement_contact",
      ],
      {
        receivedAt: received,
        intakeAt: intake,
        specializedPlanHours: 72,
      },
    );
    assert.deepEqual(
      plans.map((p) => [p.actionId, p.owner, p.dueAt]),
      [
        ["report_cps", "reporter", "2026-03-01T11:30:00.000Z"],
        ["rapid_assessment_team", "cps_investigator", "2026-03-02T10:00:00.000Z"],
        ["cps_specialized_plan", "cps_investigator", "2026-03-04T10:00:00.000Z"],
        ["offer_law_enforcement_contact", "victim_advocate", null],
      ],
    );
  });

  it("reminds at half and three quarters of the window, escalates at the due time", () => {
    assert.deepEqual(deadlineEvents(received, new Date("2026-03-02T10:00:00Z")), [
      { kind: "obligation.reminder", at: "2026-03-01T22:00:00.000Z", percent: 50 },
      { kind: "obligation.reminder", at: "2026-03-02T04:00:00.000Z", percent: 75 },
      { kind: "obligation.escalation", at: "2026-03-02T10:00:00.000Z" },
    ]);
  });

  it("escalates an immediate obligation after a short grace, with no reminders", () => {
    assert.deepEqual(deadlineEvents(intake, intake), [
      {
        kind: "obligation.escalation",
        at: new Date(intake.getTime() + IMMEDIATE_GRACE_MS).toISOString(),
      },
    ]);
  });
});

describe("received time", () => {
  const now = new Date("2026-03-01T10:00:00Z");
  const ahead = (ms: number) => new Date(now.getTime() + ms);

  it("allows a clock running up to the tolerance fast, and refuses a millisecond more", () => {
    assert.equal(RECEIVED_AT_FUTURE_TOLERANCE_MS, 5 * 60_000);
    assert.equal(receivedAtProblem(ahead(-86_400_000), now), null);
    assert.equal(receivedAtProblem(ahead(RECEIVED_AT_FUTURE_TOLERANCE_MS), now), null);
    assert.match(
      receivedAtProblem(ahead(RECEIVED_AT_FUTURE_TOLERANCE_MS + 1), now) ?? "",
      /must not be in the future/,
    );
  });
});

import assert from "node:assert/strict";
import type { TaskForceDetail, TaskForceSummary } from "../../src/web/api/coordination-types.ts";
import type { StaffSession } from "./staff-session.ts";

const HOUR_MS = 3_600_000;

/**
 * A child's case taken in by the advocate's agency in the county of the CPS investigator's
 * office: it is routed to that office (the reporter stays on the team) and the victim's record
 * stays held by victim services, so sharing it needs consent.
 */
export async function takeChildCase(advocate: StaffSession, cps: StaffSession) {
  const { agencies } = await cps.api<{ agencies: { id: string; countyFips: string | null }[] }>(
    "GET",
    "/api/v1/agencies",
  );
  const countyFips = agencies.find((a) => a.id === cps.me.agencyId)?.countyFips;
  assert.ok(countyFips, "the demo CPS office has a county");
  const intake = await advocate.api<{
    caseId: string;
    caseNumber: string;
    routedToAgencyId: string;
  }>("POST", "/api/v1/cases", {
    source: "shelter",
    countyFips,
    persons: [{ part: "victim", ageYears: 15, givenName: "Rosa", familyName: "Example" }],
    facts: { subject: { age: 15 }, sex: { act: true, valueExchanged: true } },
  });
  assert.equal(intake.routedToAgencyId, cps.me.agencyId, "routed to the CPS investigator's office");
  const detail = await advocate.api<{ persons: { id: string; part: string }[] }>(
    "GET",
    `/api/v1/cases/${intake.caseId}`,
  );
  const victimId = detail.persons.find((p) => p.part === "victim")?.id;
  assert.ok(victimId);
  return { caseId: intake.caseId, caseNumber: intake.caseNumber, victimId };
}

/**
 * A task force of the CPS office (a CPS investigator lists only their own agency's), set up by
 * the state coordinator with members taken from the demo task force: the CPS investigator, the
 * HT investigator (on call now), the advocate, and the HT investigator whose certification has
 * lapsed (so offering them a seat is refused).
 */
export async function setUpCpsTaskForce(
  coordinator: StaffSession,
  members: { cps: StaffSession; ht: StaffSession; advocate: StaffSession },
  name: string,
) {
  const { taskForces } = await coordinator.api<{ taskForces: TaskForceSummary[] }>(
    "GET",
    "/api/v1/task-forces",
  );
  const demo = await coordinator.api<TaskForceDetail>(
    "GET",
    `/api/v1/task-forces/${taskForces[0]?.id}`,
  );
  const membership = (session: StaffSession) => {
    const found = demo.members.find((m) => m.userId === session.me.userId);
    assert.ok(found, `${session.me.role} is in the demo task force`);
    return found.membershipId;
  };
  const lapsed = demo.members.find(
    (m) => m.role === "ht_investigator" && m.userId !== members.ht.me.userId,
  );
  assert.ok(lapsed, "the demo has a second HT investigator");
  const { id } = await coordinator.api<{ id: string }>("POST", "/api/v1/task-forces", {
    name,
    agencyId: members.cps.me.agencyId,
  });
  const ids = [members.cps, members.ht, members.advocate].map(membership);
  for (const membershipId of [...ids, lapsed.membershipId])
    await coordinator.api("POST", `/api/v1/task-forces/${id}/members`, { membershipId });
  const now = Date.now();
  await coordinator.api("POST", `/api/v1/task-forces/${id}/on-call`, {
    membershipId: membership(members.ht),
    startsAt: new Date(now - HOUR_MS).toISOString(),
    endsAt: new Date(now + 24 * HOUR_MS).toISOString(),
  });
  return { taskForceId: id, lapsedName: lapsed.displayName };
}

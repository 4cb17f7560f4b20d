import assert from "node:assert/strict";
import type { StaffMember } from "../../src/contract/accounts/replies.ts";
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
 * A task force led by the task-force lead's own agency (a law-enforcement office, not the CPS
 * office: the task-force directory lists every one, so the CPS investigator can still convene
 * it). The lead adds, through the API, the CPS investigator, the HT investigator (on call now)
 * and the HT investigator whose certification has lapsed, each found by name in the staff
 * directory; the advocate is left out, for the lead to add in the page.
 */
export async function setUpTaskForce(
  lead: StaffSession,
  coordinator: StaffSession,
  members: { cps: StaffSession; ht: StaffSession },
  name: string,
) {
  const { staff } = await lead.api<{ staff: StaffMember[] }>("GET", "/api/v1/staff");
  const membership = (session: StaffSession) => {
    const found = staff.find((s) => s.userId === session.me.userId);
    assert.ok(found, `${session.me.role} is in the staff directory`);
    return found.membershipId;
  };
  // The demo's lapsed HT investigator: every certification they hold ended before today (the
  // coordinator, who records certifications, may read anyone's).
  const today = new Date().toISOString().slice(0, 10);
  let lapsed: StaffMember | undefined;
  for (const s of staff.filter((s) => s.role === "ht_investigator")) {
    const { certifications } = await coordinator.api<{ certifications: { expiresOn: string }[] }>(
      "GET",
      `/api/v1/users/${s.userId}/certifications`,
    );
    if (certifications.length > 0 && certifications.every((c) => c.expiresOn < today)) lapsed = s;
  }
  assert.ok(lapsed, "the demo has an HT investigator whose certification lapsed");
  const { id } = await lead.api<{ id: string }>("POST", "/api/v1/task-forces", { name });
  for (const membershipId of [membership(members.cps), membership(members.ht), lapsed.membershipId])
    await lead.api("POST", `/api/v1/task-forces/${id}/members`, { membershipId });
  const now = Date.now();
  await lead.api("POST", `/api/v1/task-forces/${id}/on-call`, {
    membershipId: membership(members.ht),
    startsAt: new Date(now - HOUR_MS).toISOString(),
    endsAt: new Date(now + 24 * HOUR_MS).toISOString(),
  });
  return { taskForceId: id, lapsedName: lapsed.displayName };
}

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import type { TaskForceDetail, TaskForceSummary } from "../../src/web/api/coordination-types.ts";
import {
  artifactPath,
  collectProblems,
  launchBrowser,
  seriousA11yViolations,
  VIEWPORTS,
} from "../support/browser.ts";
import { type RunningServer, startServer } from "../support/server-process.ts";
import { demoLogins, type StaffSession, signInStaff } from "../support/staff-session.ts";

async function assertAccessible(page: Page, what: string) {
  assert.deepEqual(await seriousA11yViolations(page), [], `axe on ${what}`);
}

/** Refusals the test provokes on purpose (the 422 of a lapsed certification) are not problems. */
const unexpected = (problems: string[]) =>
  problems.filter((p) => !/the server responded with a status of (401|422)/.test(p));

const DAY_MS = 86_400_000;
const NOTE = "Met at the clinic; prefers afternoon calls.";

/**
 * Case coordination in the browser on a fresh demo database: a CPS investigator convenes the
 * Rapid Assessment Team for a child's case, the three members accept their seats from My work
 * and the case page shows the team formed; an advocate's confidential note stays hidden from the
 * HT investigator on the team until the advocate records a case-notes consent for that agency.
 * Set-up (the case, a task force of the CPS office) goes through the API; what the brief asks
 * to see happens in the pages, each state checked with axe.
 */
describe("case coordination in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  let cps: StaffSession;
  let ht: StaffSession;
  let advocate: StaffSession;
  let coordinator: StaffSession;
  let caseId = "";
  let caseNumber = "";
  let victimId = "";
  const caseUrl = () => new URL(`/cases/${caseId}`, server.url).href;

  before(async () => {
    server = await startServer({ WAYPOINT_DEMO_CASES: "3" });
    browser = await launchBrowser();
    // The first demo HT investigator holds a valid certification; the last one's has lapsed.
    [advocate, cps, ht, coordinator] = await Promise.all([
      signInStaff(browser, server, demoLogins(server, "victim_advocate")[0] as string),
      signInStaff(browser, server, demoLogins(server, "cps_investigator")[0] as string),
      signInStaff(browser, server, demoLogins(server, "ht_investigator")[0] as string),
      signInStaff(browser, server, demoLogins(server, "state_coordinator")[0] as string),
    ]);

    // A child's case taken in by the advocate's agency, in the county of the CPS investigator's
    // office: it is routed to that office, and the victim's record stays with victim services.
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
    assert.equal(intake.routedToAgencyId, cps.me.agencyId);
    ({ caseId, caseNumber } = intake);
    const detail = await advocate.api<{ persons: { id: string; part: string }[] }>(
      "GET",
      `/api/v1/cases/${caseId}`,
    );
    victimId = detail.persons.find((p) => p.part === "victim")?.id as string;

    // The CPS office's own task force (a CPS investigator lists only their agency's), set up by
    // the state coordinator from the demo task force's members; the HT investigator is on call.
    const { taskForces } = await coordinator.api<{ taskForces: TaskForceSummary[] }>(
      "GET",
      "/api/v1/task-forces",
    );
    const demo = await coordinator.api<TaskForceDetail>(
      "GET",
      `/api/v1/task-forces/${taskForces[0]?.id}`,
    );
    const membership = (userId: string) =>
      demo.members.find((m) => m.userId === userId)?.membershipId as string;
    const lapsed = demo.members.find(
      (m) => m.role === "ht_investigator" && m.userId !== ht.me.userId,
    );
    const { id: taskForceId } = await coordinator.api<{ id: string }>(
      "POST",
      "/api/v1/task-forces",
      {
        name: "Rapid response, CPS office (e2e)",
        agencyId: cps.me.agencyId,
      },
    );
    for (const membershipId of [
      membership(cps.me.userId),
      membership(ht.me.userId),
      membership(advocate.me.userId),
      lapsed?.membershipId as string,
    ])
      await coordinator.api("POST", `/api/v1/task-forces/${taskForceId}/members`, { membershipId });
    const now = Date.now();
    await coordinator.api("POST", `/api/v1/task-forces/${taskForceId}/on-call`, {
      membershipId: membership(ht.me.userId),
      startsAt: new Date(now - DAY_MS / 24).toISOString(),
      endsAt: new Date(now + DAY_MS).toISOString(),
    });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("a CPS investigator convenes the team; the three members accept; the team is formed", async () => {
    const page = cps.page;
    const problems = collectProblems(page);
    await page.goto(caseUrl());
    const rat = page.locator(".panel-rat");
    await rat.getByText("No Rapid Assessment Team has been convened").waitFor();
    await assertAccessible(page, "case page before the team");
    await rat.getByLabel("Task force").selectOption({ label: "Rapid response, CPS office (e2e)" });
    await rat.getByRole("button", { name: "Convene the team" }).click();
    await rat.getByText("Waiting for answers").waitFor();
    for (const seat of ["cps_investigator", "ht_investigator", "victim_advocate"])
      await rat.locator(`tr[data-seat="${seat}"]`).getByText("Waiting for an answer").waitFor();
    assert.match(
      (await rat.locator('tr[data-seat="ht_investigator"]').textContent()) ?? "",
      new RegExp(ht.me.displayName),
    );
    await assertAccessible(page, "team convened");

    // The state coordinator offers the HT seat by hand to the member whose certification has
    // lapsed: the refusal is said beside the person field, and nothing changes.
    const lead = coordinator.page;
    const leadProblems = collectProblems(lead);
    await lead.goto(caseUrl());
    const offer = lead.locator(".panel-rat form.offer-seat");
    await offer.getByLabel("Seat").selectOption({ label: "Certified HT investigator" });
    const person = offer.getByLabel("Person");
    const lapsedOption = person.locator("option", { hasNotText: ht.me.displayName }).filter({
      hasText: "HT investigator",
    });
    await person.selectOption({ label: (await lapsedOption.first().textContent()) ?? "" });
    await offer.getByRole("button", { name: "Offer the seat" }).click();
    await offer.getByText("certification for this seat is not valid today").waitFor();
    assert.equal(await person.getAttribute("aria-invalid"), "true");
    await assertAccessible(lead, "offer refused (lapsed certification)");
    assert.deepEqual(unexpected(leadProblems), []);

    for (const member of [cps, ht, advocate]) {
      const work = member.page;
      await work.goto(new URL("/work", server.url).href);
      const offers = work.getByRole("region", { name: "Seats offered to you" });
      const item = offers.locator("li.offer", { hasText: caseNumber });
      await item.waitFor();
      await assertAccessible(work, `seat offer for ${member.me.role}`);
      await item.getByRole("button", { name: "Accept the seat" }).click();
      await offers
        .getByText(`You joined the Rapid Assessment Team for case ${caseNumber}`)
        .waitFor();
    }
    await advocate.page.getByText("The team is now formed.").waitFor();

    await page.goto(caseUrl());
    await rat.getByText(/^Team formed in \d+ min$/).waitFor();
    assert.equal(await rat.getByText("Accepted").count(), 3);
    await assertAccessible(page, "team formed");
    await page.screenshot({ path: artifactPath("case-coordination-desktop.png"), fullPage: true });
    await page.setViewportSize(VIEWPORTS.phone);
    await assertAccessible(page, "case page on a phone");
    await page.screenshot({ path: artifactPath("case-coordination-phone.png"), fullPage: true });
    await page.setViewportSize(VIEWPORTS.desktop);
    assert.deepEqual(unexpected(problems), []);
  });

  it("an advocate's note reaches the HT investigator only after a case-notes consent", async () => {
    const page = advocate.page;
    const problems = collectProblems(page);
    await page.goto(caseUrl());
    const notes = page.locator(".panel-notes");
    await notes.getByLabel("Note", { exact: true }).fill(NOTE);
    await notes.getByLabel("About (optional)").selectOption(victimId);
    await assertAccessible(page, "note form");
    await notes.getByRole("button", { name: "Save the note" }).click();
    await notes.getByText("Note saved. It is confidential to your agency.").waitFor();
    await notes.getByText(NOTE).waitFor();

    const reader = ht.page;
    await reader.goto(caseUrl());
    const readerNotes = reader.locator(".panel-notes");
    await readerNotes.getByText("No notes you can read.").waitFor();
    assert.equal(await reader.getByText(NOTE).count(), 0);
    await assertAccessible(reader, "notes without consent");

    const consents = page.locator(".panel-consents");
    await consents.getByLabel("Shared with").selectOption(ht.me.agencyId);
    await consents.getByLabel("Case notes and documents").check();
    await consents.getByLabel("Purpose").fill("Coordinating the investigation");
    await consents.getByLabel("Signed form").check();
    await consents
      .getByLabel("Valid until")
      .fill(new Date(Date.now() + 30 * DAY_MS).toISOString().slice(0, 10));
    await consents.getByRole("button", { name: "Record the consent" }).click();
    await consents.getByText("Consent recorded.").waitFor();
    await consents.getByText("Valid", { exact: true }).waitFor();
    await assertAccessible(page, "consent recorded");

    await reader.reload();
    await readerNotes.getByText(NOTE).waitFor();
    await assertAccessible(reader, "notes with consent");
    assert.deepEqual(unexpected(problems), []);
  });
});

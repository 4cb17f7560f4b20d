import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import {
  artifactPath,
  collectProblems,
  launchBrowser,
  seriousA11yViolations,
  VIEWPORTS,
} from "../support/browser.ts";
import { type RunningServer, startServer } from "../support/server-process.ts";
import { demoLogins, type StaffSession, signInStaff } from "../support/staff-session.ts";

const DAY_MS = 86_400_000;

async function assertAccessible(page: Page, what: string) {
  assert.deepEqual(await seriousA11yViolations(page), [], `axe on ${what}`);
}

/** The 422 the test provokes on purpose (a referral with the name before consent) is expected. */
const unexpected = (problems: string[]) =>
  problems.filter((p) => !/the server responded with a status of 422/.test(p));

async function screenshots(page: Page, name: string) {
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: artifactPath(`${name}-${size}.png`), fullPage: false });
  }
  await page.setViewportSize(VIEWPORTS.desktop);
}

/**
 * Issue 13, item 6, in Chromium on a fresh demo database: on a child's case CPS holds, the
 * advocate seated on its team refers the child to the forensic clinic with the name; the refusal
 * says who records the consent, she records it from the referral form, the referral goes with
 * the name; the clinic accepts it from My work and then opens the case.
 */
describe("consent recorded from the referral, in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  let cps: StaffSession;
  let advocate: StaffSession;
  let nurse: StaffSession;
  let caseId = "";
  let caseNumber = "";

  before(async () => {
    server = await startServer({ WAYPOINT_DEMO_CASES: "3" });
    browser = await launchBrowser();
    [cps, advocate, nurse] = await Promise.all([
      signInStaff(browser, server, demoLogins(server, "cps_investigator")[0] as string),
      signInStaff(browser, server, demoLogins(server, "victim_advocate")[0] as string),
      signInStaff(browser, server, demoLogins(server, "medical")[0] as string),
    ]);
    // CPS takes the child in on its own hotline (CPS holds the record) and seats the advocate.
    const intake = await cps.api<{ caseId: string; caseNumber: string }>("POST", "/api/v1/cases", {
      source: "cps_hotline",
      persons: [{ part: "victim", ageYears: 15, givenName: "Lucia", familyName: "Sample" }],
      facts: { subject: { age: 15 }, sex: { act: true, valueExchanged: true } },
    });
    ({ caseId, caseNumber } = intake);
    await cps.api("POST", `/api/v1/cases/${caseId}/team`, { userId: advocate.me.userId });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("the advocate records the consent from the refused referral, and it goes with the name", async () => {
    const page = advocate.page;
    const problems = collectProblems(page);
    await page.goto(new URL(`/cases/${caseId}`, server.url).href);
    const referrals = page.locator(".panel-referrals");
    await referrals.getByRole("button", { name: "Send a referral" }).click();
    await referrals.getByLabel("To agency", { exact: true }).selectOption(nurse.me.agencyId);
    await referrals.getByLabel("Area", { exact: true }).selectOption({ label: "Health" });
    await referrals.getByLabel("Service", { exact: true }).fill("Forensic exam");
    await referrals.getByLabel("Share the person's name and birth date with the agency").check();
    await referrals.getByRole("button", { name: "Send the referral" }).click();

    const step = referrals.locator(".consent-step");
    await step.getByText("The person's consent is needed").waitFor();
    await step.getByText(/^An advocate at .* records the person's written consent/).waitFor();
    await step.locator(".alert").scrollIntoViewIfNeeded();
    await assertAccessible(page, "referral refused, consent step shown");
    await screenshots(page, "consent-step-refused");

    await step.getByRole("button", { name: "Record consent" }).click();
    // Pre-filled: the person, the clinic, the name; the advocate adds the date it runs to.
    const sharedWith = step.getByLabel("Shared with");
    await sharedWith.locator(`option[value="${nurse.me.agencyId}"]`).waitFor({ state: "attached" });
    assert.equal(await sharedWith.inputValue(), nurse.me.agencyId);
    assert.equal(await step.getByLabel("Name and birth date").isChecked(), true);
    await step
      .getByLabel("Valid until")
      .fill(new Date(Date.now() + 90 * DAY_MS).toISOString().slice(0, 10));
    await step.getByRole("button", { name: "Record the consent" }).click();
    await step.getByText("Consent recorded. Send the referral again").waitFor();
    await assertAccessible(page, "consent recorded from the referral");
    await screenshots(page, "consent-step-recorded");

    await referrals.getByRole("button", { name: "Send the referral" }).click();
    await referrals.getByText("The referral was sent.").waitFor();
    await referrals.locator("li.referral", { hasText: "Forensic exam" }).waitFor();
    assert.deepEqual(unexpected(problems), []);
  });

  it("the clinic accepts the referral and then opens the case", async () => {
    const page = nurse.page;
    const problems = collectProblems(page);
    const before = await page.request.get(new URL(`/api/v1/cases/${caseId}`, server.url).href);
    assert.equal(before.status(), 404, "a referral only sent does not open the case");
    await page.goto(new URL("/work", server.url).href);
    const item = page.locator("li.offer", { hasText: "Forensic exam" });
    await item.getByText("Lucia Sample").waitFor();
    await item.getByRole("button", { name: "Accept" }).click();
    await item.getByRole("link", { name: caseNumber }).click();
    await page.getByRole("heading", { level: 1, name: `Case ${caseNumber}` }).waitFor();
    await page.locator(".panel-people").getByText("Lucia").first().waitFor();
    await assertAccessible(page, "clinic opens the referred case");
    await screenshots(page, "consent-step-clinic-case");
    assert.deepEqual(problems, []);
  });
});

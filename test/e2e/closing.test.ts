import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import {
  artifactPath,
  collectProblems,
  launchBrowser,
  seriousA11yViolations,
  VIEWPORTS,
} from "../support/browser.ts";
import { closeCaseWithReasons } from "../support/closing-pages.ts";
import { type RunningServer, startServer } from "../support/server-process.ts";
import { demoLogins, type StaffSession, signInStaff } from "../support/staff-session.ts";

/**
 * Issue 13 items 4 and 5 in Chromium: a CPS investigator takes a child's report on CPS's own
 * hotline (the CPS report is recorded as made by that intake, the immediate duties read "Due
 * now"), then closes the case: the confirmation lists what stays open, each obligation is retired
 * with a reason, and the closed case shows no note form, only "Reopen it to add to it".
 */
describe("closing a case in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  let cps: StaffSession;
  let caseId = "";

  before(async () => {
    server = await startServer({ WAYPOINT_DEMO_CASES: "0" });
    browser = await launchBrowser();
    cps = await signInStaff(browser, server, demoLogins(server, "cps_investigator")[0] as string);
    const intake = await cps.api<{ caseId: string }>("POST", "/api/v1/cases", {
      source: "cps_hotline",
      persons: [{ part: "victim", ageYears: 14, givenName: "Lena", familyName: "Example" }],
      facts: { subject: { age: 14 }, sex: { act: true, valueExchanged: true } },
    });
    caseId = intake.caseId;
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("a CPS investigator closes a case after retiring what stays open, with reasons", async () => {
    const page = cps.page;
    const problems = collectProblems(page);
    await page.goto(new URL(`/cases/${caseId}`, server.url).href);
    const obligations = page.locator(".panel-obligations");
    const report = obligations.locator("li", { hasText: "Report to Child Protection Services" });
    await report.getByText(/Made by this intake: taken in by CPS itself/).waitFor();
    await obligations.getByText("Due now").first().waitFor();
    assert.equal(await obligations.getByText(/Overdue by/).count(), 0, "nothing is overdue yet");

    const retired = await (async () => {
      const status = page.locator(".panel-status");
      await status.getByLabel("Outcome").selectOption({ label: "Not trafficking" });
      await status.getByRole("button", { name: "Close the case" }).click();
      const confirmation = status.getByRole("region", { name: "Close this case?" });
      await confirmation.getByText(/^Open obligations \(\d+\)/).waitFor();
      assert.deepEqual(await seriousA11yViolations(page), [], "axe on the confirmation");
      await confirmation.screenshot({ path: artifactPath("closing-confirmation-desktop.png") });
      await page.setViewportSize(VIEWPORTS.phone);
      await page.screenshot({
        path: artifactPath("closing-confirmation-phone.png"),
        fullPage: true,
      });
      await page.setViewportSize(VIEWPORTS.desktop);
      await confirmation.getByRole("button", { name: "Keep it open" }).click();
      return closeCaseWithReasons(page, "Not trafficking", "Screened out after the interview");
    })();
    assert.ok(retired > 0, "the confirmation listed open obligations");

    await page.getByText("This case is closed. Reopen it to add to it.").waitFor();
    await page.locator(".panel-status").getByRole("button", { name: "Reopen the case" }).waitFor();
    assert.equal(await page.locator(".panel-notes").getByLabel("Note", { exact: true }).count(), 0);
    assert.equal(await obligations.getByRole("button", { name: /Record outcome/ }).count(), 0);
    assert.deepEqual(await seriousA11yViolations(page), [], "axe on the closed case");
    await page.screenshot({ path: artifactPath("closing-closed-desktop.png"), fullPage: true });
    await page.setViewportSize(VIEWPORTS.phone);
    await page.screenshot({ path: artifactPath("closing-closed-phone.png"), fullPage: true });
    await page.setViewportSize(VIEWPORTS.desktop);
    // Reopening (recorded on the timeline) brings the note form back.
    await page.locator(".panel-status").getByRole("button", { name: "Reopen the case" }).click();
    await page.locator(".panel-notes").getByLabel("Note", { exact: true }).waitFor();
    await page
      .locator(".panel-timeline")
      .getByText(/Case reopened/)
      .waitFor();
    assert.deepEqual(problems, []);
  });

  it("a referral nobody answered holds the close until its sender withdraws it", async () => {
    const page = cps.page;
    const problems = collectProblems(page);
    const { agencies } = await cps.api<{ agencies: { id: string; kind: string }[] }>(
      "GET",
      "/api/v1/agencies",
    );
    const medical = agencies.find((a) => a.kind === "medical");
    const view = await cps.api<{ persons: { id: string }[] }>("GET", `/api/v1/cases/${caseId}`);
    await cps.api("POST", `/api/v1/cases/${caseId}/referrals`, {
      personId: view.persons[0]?.id,
      toAgencyId: medical?.id,
      domain: "health",
      service: "physical exam",
      disclosesIdentity: false,
    });
    await page.goto(new URL(`/cases/${caseId}`, server.url).href);
    const status = page.locator(".panel-status");
    await status.getByLabel("Outcome").selectOption({ label: "Not trafficking" });
    await status.getByRole("button", { name: "Close the case" }).click();
    const confirmation = status.getByRole("region", { name: "Close this case?" });
    await confirmation.getByText(/^Referrals still waiting for an answer \(1\)/).waitFor();
    await confirmation.getByText(/withdrawn by the agency that sent it/).waitFor();
    await confirmation.getByRole("link", { name: "Go to the referrals to withdraw one" }).click();
    assert.match(page.url(), /#panel-referrals$/);
    const referrals = page.locator(".panel-referrals");
    await referrals
      .getByRole("button", { name: /^Withdraw the referral for physical exam/ })
      .click();
    await referrals.getByText(/no longer needs an answer/).waitFor();
    assert.deepEqual(await seriousA11yViolations(page), [], "axe on the withdrawal");
    await referrals.getByRole("button", { name: "Withdraw", exact: true }).click();
    await referrals.getByText("The referral was withdrawn.").waitFor();
    await referrals.getByText("Withdrawn by the sender").waitFor();
    await confirmation.getByRole("button", { name: "Keep it open" }).click();
    await closeCaseWithReasons(page, "Not trafficking", "Screened out after the interview");
    await page.getByText("This case is closed. Reopen it to add to it.").waitFor();
    assert.deepEqual(problems, []);
  });
});

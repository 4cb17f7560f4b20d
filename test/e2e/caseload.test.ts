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
import { type RunningServer, startServer } from "../support/server-process.ts";
import { demoLogins, type StaffSession, signInStaff } from "../support/staff-session.ts";

/**
 * Issue 13 item 1 in Chromium: a CPS investigator opens Cases from the menu, finds a case by a
 * person's name and birth date, filters the list, and reads the empty state.
 */
describe("the caseload in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  let cps: StaffSession;
  let caseNumber = "";

  // Fourteen, whatever day the test runs (intake checks the age against the birth date).
  const born = new Date();
  born.setUTCFullYear(born.getUTCFullYear() - 14);
  born.setUTCDate(born.getUTCDate() - 100);
  const BIRTH_DATE = born.toISOString().slice(0, 10);

  before(async () => {
    server = await startServer({ WAYPOINT_DEMO_CASES: "0" });
    browser = await launchBrowser();
    cps = await signInStaff(browser, server, demoLogins(server, "cps_investigator")[0] as string);
    const intake = await cps.api<{ caseId: string; caseNumber: string }>("POST", "/api/v1/cases", {
      source: "cps_hotline",
      persons: [
        {
          part: "victim",
          ageYears: 14,
          givenName: "Rosa",
          familyName: "Sample",
          birthDate: BIRTH_DATE,
        },
      ],
      facts: { subject: { age: 14 }, sex: { act: true, valueExchanged: true } },
    });
    caseNumber = intake.caseNumber;
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("searches by name and birth date, filters, and says when nothing matches", async () => {
    const page = cps.page;
    const problems = collectProblems(page);
    await page.goto(new URL("/work", server.url).href);
    await page.getByRole("link", { name: "Cases", exact: true }).first().click();
    await page.getByRole("heading", { name: "Cases", level: 1 }).waitFor();
    await page.getByRole("link", { name: caseNumber }).waitFor();

    await page.getByLabel("Given name").fill("rosa");
    await page.getByLabel("Family name").fill("Sample");
    await page.getByLabel("Birth date").fill(BIRTH_DATE);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.getByRole("link", { name: caseNumber }).waitFor();
    assert.equal(await page.getByText(/Another agency may hold a record/).count(), 0);
    assert.deepEqual(await seriousA11yViolations(page), [], "axe on the results");
    await page.screenshot({ path: artifactPath("caseload-desktop.png"), fullPage: true });
    await page.setViewportSize(VIEWPORTS.phone);
    await page.screenshot({ path: artifactPath("caseload-phone.png"), fullPage: true });
    await page.setViewportSize(VIEWPORTS.desktop);

    // A birth date alone is not a search: the three fields go together.
    await page.getByRole("button", { name: "Clear" }).click();
    await page.getByLabel("Birth date").fill(BIRTH_DATE);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.getByText("Give the given name, family name and birth date together.").waitFor();

    await page.getByRole("button", { name: "Clear" }).click();
    await page.getByLabel("Status").selectOption("closed");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.getByText("No cases match. Check the search or remove a filter.").waitFor();
    assert.deepEqual(await seriousA11yViolations(page), [], "axe on the empty state");
    assert.deepEqual(problems, []);
  });
});

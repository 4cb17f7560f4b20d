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

async function screenshots(page: Page, name: string) {
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: artifactPath(`${name}-${size}.png`), fullPage: false });
  }
  await page.setViewportSize(VIEWPORTS.desktop);
}

/**
 * Issue 13, item 8, in Chromium on a fresh demo database: a CPS investigator reads a case; the
 * state coordinator opens the audit trail from the menu, sees it in words (the investigator by
 * name, "Read a case", the case number), narrows it by person, case and action, and the Export
 * CSV link carries the same filters.
 */
describe("the audit trail in words, in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  let cps: StaffSession;
  let coordinator: StaffSession;
  let caseNumber = "";

  before(async () => {
    server = await startServer({ WAYPOINT_DEMO_CASES: "3" });
    browser = await launchBrowser();
    [cps, coordinator] = await Promise.all([
      signInStaff(browser, server, demoLogins(server, "cps_investigator")[0] as string),
      signInStaff(browser, server, demoLogins(server, "state_coordinator")[0] as string),
    ]);
    const intake = await cps.api<{ caseId: string; caseNumber: string }>("POST", "/api/v1/cases", {
      source: "cps_hotline",
      persons: [{ part: "victim", ageYears: 15, givenName: "Lucia", familyName: "Sample" }],
      facts: { subject: { age: 15 }, sex: { act: true, valueExchanged: true } },
    });
    caseNumber = intake.caseNumber;
    await cps.api("GET", `/api/v1/cases/${intake.caseId}`);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("the state coordinator reads who did what on which case, filters it, and exports it", async () => {
    const page = coordinator.page;
    const problems = collectProblems(page);
    await page.goto(new URL("/work", server.url).href);
    await page.getByRole("link", { name: "Audit", exact: true }).first().click();
    await page.getByRole("heading", { level: 1, name: "Audit trail" }).waitFor();
    const table = page.locator("table");
    await table.getByText("Read a case").first().waitFor();
    assert.equal(await table.getByText("Lucia").count(), 0, "no victim's name in the trail");
    await page.locator("form.audit-filters").scrollIntoViewIfNeeded();
    assert.deepEqual(await seriousA11yViolations(page), [], "axe on the audit trail");
    await screenshots(page, "audit-trail");

    // The CPS investigator, from the staff directory, on the case they opened.
    const person = page.getByLabel("Person", { exact: true });
    await person.locator(`option[value="${cps.me.userId}"]`).waitFor({ state: "attached" });
    await person.selectOption(cps.me.userId);
    await page.getByLabel("Case number", { exact: true }).fill(caseNumber);
    await page.getByLabel("Action", { exact: true }).selectOption("case.read");
    await page.getByRole("button", { name: "Show entries" }).click();
    const row = table.locator("tbody tr", { hasText: "Read a case" });
    await row.first().waitFor();
    await page.waitForFunction(
      (n) => document.querySelectorAll("table tbody tr").length === n,
      await row.count(),
    );
    for (const text of await table.locator("tbody tr").allInnerTexts()) {
      assert.ok(text.includes(cps.me.displayName), `by the investigator: ${text}`);
      assert.ok(text.includes(caseNumber), `on the case: ${text}`);
      assert.ok(text.includes("Allowed"), `allowed: ${text}`);
    }
    assert.deepEqual(await seriousA11yViolations(page), [], "axe on the filtered trail");
    await screenshots(page, "audit-trail-filtered");

    const href = await page
      .getByRole("link", { name: "Export CSV (these filters)" })
      .getAttribute("href");
    assert.ok(href?.startsWith("/api/v1/audit/export.csv?"), String(href));
    const url = new URL(href as string, server.url);
    assert.equal(url.searchParams.get("actor"), cps.me.userId);
    assert.equal(url.searchParams.get("caseNumber"), caseNumber);
    const csv = await page.request.get(url.href);
    assert.equal(csv.status(), 200);
    assert.match(csv.headers()["content-type"] ?? "", /^text\/csv/);
    const lines = (await csv.text()).split("\r\n").filter((l) => l !== "");
    assert.equal(lines[0], "when,who,role,action,case,fields,result,reason");
    assert.ok(lines.length >= 2 && lines.slice(1).every((l) => l.includes(caseNumber)));
    assert.deepEqual(problems, []);
  });

  it("the investigator has no Audit link and is refused the trail", async () => {
    await cps.page.goto(new URL("/work", server.url).href);
    assert.equal(await cps.page.getByRole("link", { name: "Audit", exact: true }).count(), 0);
    const res = await cps.page.request.get(new URL("/api/v1/audit", server.url).href);
    assert.equal(res.status(), 403);
  });
});

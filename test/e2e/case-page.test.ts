import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import {
  artifactPath,
  collectProblems,
  launchBrowser,
  seriousA11yViolations,
  VIEWPORTS,
} from "../support/browser.ts";
import { type RunningServer, startServer } from "../support/server-process.ts";
import { demoLogins, signInThroughPages } from "../support/staff-session.ts";

/**
 * Issue 13, item 8: the case page as a tool. Its header always says the status, what the case
 * is, the next deadline and who has it; a jump list reaches every section; on a phone the site
 * header scrolls away instead of holding the screen.
 */
describe("the case page in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  before(async () => {
    server = await startServer({ WAYPOINT_DEMO_CASES: "7" });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    page = await context.newPage();
    await signInThroughPages(page, server, demoLogins(server, "state_coordinator")[0] as string);
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it("shows status, determination, next deadline and worker, and jumps to each section", async () => {
    const problems = collectProblems(page);
    // The oldest overdue item on the first screen opens its case.
    await page.locator("#overdue-in-area ~ ul .obligation a").first().click();
    await page.getByRole("heading", { level: 1, name: /^Case MS-/ }).waitFor();
    const header = page.locator(".case-header");
    await header.getByText("Next deadline").waitFor();
    const text = (await header.textContent()) ?? "";
    assert.match(text, /Status/);
    assert.match(text, /Determination(Sex trafficking|Labor trafficking)/);
    assert.match(text, /Overdue by|Due now|Due in/);
    assert.match(text, /Assigned to/);
    assert.doesNotMatch(text, /No one yet/, "the demo's child case has a named worker");
    const jump = page.getByRole("navigation", { name: "Sections of this case" });
    await jump.getByRole("link", { name: "Timeline" }).click();
    assert.match(page.url(), /#panel-timeline$/);
    await page.locator("#panel-timeline").waitFor();
    assert.deepEqual(await seriousA11yViolations(page), [], "axe on the case page");
    await page.screenshot({ path: artifactPath("case-page-desktop.png") });
    assert.deepEqual(problems, []);
  });

  it("transfers the case to another agency, whose worker it names", async () => {
    const panel = page.locator("#panel-assignment");
    await panel.getByText(/answers for this case/).waitFor();
    const before = (await page.locator(".case-header").textContent()) ?? "";
    const select = panel.getByLabel("Or transfer it to another agency");
    const statewide = select.locator("option", { hasText: "statewide intake" });
    await select.selectOption({ value: (await statewide.getAttribute("value")) ?? "" });
    await panel.getByRole("button", { name: "Transfer" }).click();
    await panel.getByText("The case was transferred; the new worker has been told.").waitFor();
    // The case reloads behind the message: wait for the header to name the new worker.
    let after = before;
    for (let i = 0; i < 50 && after === before; i++) {
      await page.waitForTimeout(200);
      after = (await page.locator(".case-header").textContent()) ?? "";
    }
    assert.notEqual(after, before, "the header names the new worker");
    assert.deepEqual(await seriousA11yViolations(page), [], "axe after the transfer");
    await panel.screenshot({ path: artifactPath("case-assignment-desktop.png") });
  });

  it("changes a person's language from the people panel, and the timeline names the field", async () => {
    const panel = page.locator("#panel-people");
    const person = panel.locator("li.person").first();
    await person.getByRole("button", { name: "Edit", exact: true }).click();
    await person.getByLabel("Language they speak (optional)").fill("Kaqchikel");
    await person.getByRole("button", { name: "Save changes" }).click();
    await panel.getByText("The changes were saved.").waitFor();
    await panel.getByText(/· Kaqchikel/).waitFor();
    const timeline = page.locator("#panel-timeline");
    await timeline.getByText(/Person's record changed · Changed: language/).waitFor();
    assert.deepEqual(await seriousA11yViolations(page), [], "axe after the change");
    await panel.screenshot({ path: artifactPath("case-people-edited-desktop.png") });
  });

  it("says whose each open obligation is, and hands one to another worker", async () => {
    // The MBI's HT unit has two workers who may hold a case: hand the case there first, then
    // open the page afresh so the obligations are as the transfer left them.
    const assignment = page.locator("#panel-assignment");
    const agency = assignment.getByLabel("Or transfer it to another agency");
    const mbi = agency.locator("option", { hasText: "Bureau of Investigation" });
    await agency.selectOption({ value: (await mbi.getAttribute("value")) ?? "" });
    await assignment.getByRole("button", { name: "Transfer" }).click();
    await assignment.getByText("The case was transferred; the new worker has been told.").waitFor();
    await page.reload();
    const panel = page.locator("#panel-obligations");
    const first = panel.locator("li.obligation").first();
    await first.getByText(/^(Owner: |Unclaimed: )/).waitFor();
    await first.getByRole("button", { name: /^Reassign / }).click();
    const select = first.getByLabel(/^Hand “.+” to/);
    await select.waitFor();
    const choice = select.locator("option").nth(1);
    const value = (await choice.getAttribute("value")) ?? "";
    const name = ((await choice.textContent()) ?? "").replace(/ \(.*$/, "");
    assert.ok(value, "the holding agency has another worker");
    await select.selectOption({ value });
    await first.getByRole("button", { name: "Hand it over" }).click();
    await panel.getByText(`now belongs to ${name}; they are told.`, { exact: false }).waitFor();
    // Handed to the signed-in coordinator herself, it reads "Owner: you".
    await panel
      .getByText(new RegExp(`^Owner: (${name}|you) `))
      .first()
      .waitFor();
    assert.deepEqual(await seriousA11yViolations(page), [], "axe after the reassignment");
  });

  it("on a phone, the site header scrolls away and the case header stays compact", async () => {
    await page.setViewportSize(VIEWPORTS.phone);
    await page.evaluate(() => window.scrollTo(0, 0));
    const height = await page
      .locator(".site-header")
      .evaluate((e) => e.getBoundingClientRect().height);
    await page.evaluate(() => window.scrollTo(0, 1200));
    const top = await page
      .locator(".site-header")
      .evaluate((e) => e.getBoundingClientRect().bottom);
    assert.ok(top <= 0, `the site header (${height} px) has scrolled away`);
    // The case header stays in view, at the top, taking at most a fifth of the screen.
    const header = await page.locator(".case-header").evaluate((e) => ({
      top: e.getBoundingClientRect().top,
      height: e.getBoundingClientRect().height,
    }));
    const screen = VIEWPORTS.phone.height;
    await page.screenshot({ path: artifactPath("case-page-phone-scrolled.png") });
    assert.ok(Math.abs(header.top) < 2, `the case header is at the top (${header.top})`);
    assert.ok(header.height <= screen / 5, `the case header is ${header.height} of ${screen} px`);
    await page.evaluate(() => window.scrollTo(0, 0));
    assert.deepEqual(await seriousA11yViolations(page), [], "axe on the case page (phone)");
    await page.screenshot({ path: artifactPath("case-page-phone.png") });
  });
});

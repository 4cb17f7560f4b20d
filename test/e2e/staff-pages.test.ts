import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { totpAt } from "../../src/server/auth/totp.ts";
import { DEMO_PASSWORD } from "../../src/server/demo/seed-demo.ts";
import {
  artifactPath,
  collectProblems,
  launchBrowser,
  seriousA11yViolations,
  VIEWPORTS,
} from "../support/browser.ts";
import { type RunningServer, startServer } from "../support/server-process.ts";

const at = (server: RunningServer, path: string) => new URL(path, server.url).href;

/** The demo login the server printed for a role (first of that role). */
function demoLogin(server: RunningServer, role: string): string {
  const line = server
    .output()
    .split("\n")
    .find((l) => new RegExp(`@demo\\.waypoint\\.invalid\\s+${role}$`).test(l.trimEnd()));
  assert.ok(line, `no demo login printed for ${role}`);
  return line.trim().split(/\s+/)[0] as string;
}

async function assertAccessible(page: Page, what: string) {
  assert.deepEqual(await seriousA11yViolations(page), [], `axe on ${what}`);
}

/** Expected failed loads (a 401 before sign-in, the 409 we provoke) are not problems. */
const unexpected = (problems: string[]) =>
  problems.filter(
    (p) => !/Failed to load resource: the server responded with a status of (401|409)/.test(p),
  );

async function signIn(page: Page, server: RunningServer, role: string) {
  await page.goto(at(server, "/sign-in"));
  await page.getByLabel("E-mail").fill(demoLogin(server, role));
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** First sign-in of a role that needs TOTP: read the key off the page, confirm a code. */
async function enrolTotp(page: Page, screenshot?: string) {
  const secret = page.locator(".mfa-secret");
  await secret.waitFor();
  await assertAccessible(page, "MFA enrolment");
  if (screenshot) await page.screenshot({ path: artifactPath(screenshot), fullPage: true });
  await page
    .getByLabel("6-digit code")
    .fill(await totpAt((await secret.textContent()) ?? "", new Date()));
  await page.getByRole("button", { name: "Confirm" }).click();
  await page.getByRole("heading", { name: "Your recovery codes" }).waitFor();
  assert.equal(await page.locator(".recovery-codes li").count(), 10);
  await assertAccessible(page, "recovery codes");
  await page.getByRole("button", { name: "I have kept them, continue" }).click();
}

describe("staff pages in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  let screener: BrowserContext;
  let caseUrl = "";
  let caseNumber = "";
  before(async () => {
    server = await startServer({ WAYPOINT_DEMO_CASES: "3", WAYPOINT_PUBLIC_RATE_LIMIT: "1000" });
    browser = await launchBrowser();
    screener = await browser.newContext({ viewport: VIEWPORTS.desktop });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("a screener signs in and takes an intake that creates a case", async () => {
    const page = await screener.newPage();
    const problems = collectProblems(page);
    await page.goto(at(server, "/sign-in"));
    await assertAccessible(page, "sign-in");
    await page.screenshot({ path: artifactPath("sign-in-desktop.png"), fullPage: true });
    await signIn(page, server, "screener");
    await page.getByRole("heading", { level: 1, name: "My work" }).waitFor();
    await page.getByRole("link", { name: "New intake" }).click();
    await page.getByLabel("Age in years").fill("15");
    await page.getByRole("button", { name: "Next" }).click();
    // Wait for the age question to give way: on a loaded machine the server's answer can take a
    // moment, and the loop below must not pick the age question's own radios.
    await page.getByLabel("Age in years").waitFor({ state: "detached" });
    const live = page.locator(".live-assessment");
    // The server picks the next question; answer "yes" to sexual contact and something of
    // value, "I don't know" to anything else, until the determination is reached.
    const yes = new Set(["sex_act", "value_exchanged"]);
    for (let i = 0; i < 20; i++) {
      if (await live.getByText("Sex trafficking of a minor").isVisible()) break;
      const radio = page.locator('input[type="radio"][name^="q-"]').first();
      const name = (await radio.getAttribute("name")) as string;
      const group = page.locator("fieldset", { has: page.locator(`input[name="${name}"]`) });
      await group
        .getByText(yes.has(name.slice(2)) ? "Yes" : "I don't know", { exact: true })
        .click();
      await page.getByRole("button", { name: "Next" }).click();
      await page.locator(`input[name="${name}"]`).first().waitFor({ state: "detached" });
    }
    await live.getByText("Sex trafficking of a minor").waitFor();
    assert.match(
      (await live.locator('[data-action="report_cps"]').textContent()) ?? "",
      /1-800-222-8000/,
    );
    await assertAccessible(page, "intake screening");
    await page.screenshot({ path: artifactPath("intake-desktop.png"), fullPage: true });
    await page.getByRole("button", { name: "Continue to people and place" }).click();
    await page.getByLabel("How the report came in").selectOption({ label: "School" });
    await page.getByLabel("County").selectOption({ label: "Hinds" });
    await page.getByLabel("Age in years").fill("15");
    await assertAccessible(page, "intake details");
    await page.getByRole("button", { name: "Create the case" }).click();
    const heading = page.getByRole("heading", { level: 1, name: /^Case MS-\d{4}-\d+$/ });
    await heading.waitFor();
    caseNumber = ((await heading.textContent()) ?? "").replace("Case ", "");
    caseUrl = page.url();
    assert.match(new URL(caseUrl).pathname, /^\/cases\/[\w-]+$/);
    await page.getByText(`Case ${caseNumber} was created`).waitFor();
    const summary = page.locator(".panel-summary");
    await summary.getByText("Sex trafficking of a minor").waitFor();
    await summary.getByText("Hinds").waitFor();
    await page.locator(".panel-people").getByText("Victim").waitFor();
    await page.locator(".panel-obligations .obligation").first().waitFor();
    await assertAccessible(page, "case page");
    await page.screenshot({ path: artifactPath("case-desktop.png"), fullPage: true });
    assert.deepEqual(unexpected(problems), []);
    await page.close();
  });

  it("My work lists the reports due, closes one with evidence, and explains a 409", async () => {
    const page = await screener.newPage();
    await page.setViewportSize(VIEWPORTS.phone);
    const other = await screener.newPage();
    const problems = collectProblems(page);
    for (const p of [page, other]) {
      await p.goto(at(server, "/work"));
      await p.locator(".obligation").first().waitFor();
    }
    // The demo's own cases are in the screener's work too: this case's report, by its number.
    const cps = page
      .locator(".obligation", { hasText: "Report to Child Protection Services" })
      .filter({ hasText: caseNumber });
    // "Immediately" reads "Due now" during its grace, not "Overdue" the moment the case exists.
    await cps.getByText(/^Due now/).waitFor();
    assert.match((await cps.textContent()) ?? "", new RegExp(caseNumber));
    await assertAccessible(page, "My work");
    await page.screenshot({ path: artifactPath("my-work-phone.png"), fullPage: true });

    await cps.getByRole("button", { name: /^Record outcome/ }).click();
    await page.getByLabel("Reference number").fill("CPS-REF-1234");
    await page.getByLabel("Whom you spoke to").fill("CPS intake worker");
    // When the report was made: a minute ago, in the browser's local time.
    const minuteAgo = new Date(Date.now() - 60_000 - new Date().getTimezoneOffset() * 60_000);
    await page.getByLabel("When you made the report").fill(minuteAgo.toISOString().slice(0, 16));
    await assertAccessible(page, "close form");
    await page.getByRole("button", { name: "Save" }).click();
    await page
      .getByRole("status")
      .getByText(/^Recorded: Report to Child Protection Services/)
      .waitFor();
    assert.equal(await cps.count(), 0);

    // The other tab still shows the old version: closing it again is a conflict.
    const stale = other
      .locator(".obligation", { hasText: "Report to Child Protection Services" })
      .filter({ hasText: caseNumber });
    await stale.getByRole("button", { name: /^Record outcome/ }).click();
    await other.getByText("Does not apply").click();
    await other.getByLabel("Why it does not apply").fill("Checking the conflict message");
    await other.getByRole("button", { name: "Save" }).click();
    await other.getByText("Someone else changed this").waitFor();
    await other.getByRole("button", { name: "Reload" }).click();
    await other.locator(".obligation").first().waitFor();
    assert.equal(await stale.count(), 0);
    assert.deepEqual(unexpected(problems), []);
    await page.close();
    await other.close();
  });

  it("a public tip from a browser with a staff session is sent without that session", async () => {
    const page = await screener.newPage();
    const tips: { cookie: boolean }[] = [];
    page.on("request", (r) => {
      if (r.url().endsWith("/api/v1/tips")) tips.push({ cookie: "cookie" in r.headers() });
    });
    await page.goto(at(server, "/tip"));
    await page.getByText("Under 18", { exact: true }).click();
    await page.getByRole("button", { name: "Send the tip" }).click();
    await page.locator(".tip-received").waitFor();
    assert.deepEqual(tips, [{ cookie: false }]);
    await page.close();
  });

  it("the state coordinator enrols TOTP and sees the case on the overdue list", async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    const problems = collectProblems(page);
    await signIn(page, server, "state_coordinator");
    await enrolTotp(page, "mfa-enrolment-desktop.png");
    await page.getByRole("heading", { level: 1, name: "My work" }).waitFor();
    await page.getByRole("link", { name: "Overdue", exact: true }).click();
    // The demo's older cases have reports past their grace; the case just taken is due now,
    // so it is not overdue yet.
    await page
      .locator("tr", { hasText: /Overdue by/ })
      .first()
      .waitFor();
    assert.equal(await page.locator("tr", { hasText: caseNumber }).count(), 0);
    await assertAccessible(page, "overdue list");
    await page.screenshot({ path: artifactPath("overdue-desktop.png"), fullPage: true });
    await page.setViewportSize(VIEWPORTS.phone);
    await page.screenshot({ path: artifactPath("overdue-phone.png"), fullPage: true });

    // A deep link straight to the case opens it for the coordinator (statewide scope).
    await page.goto(caseUrl);
    await page.getByRole("heading", { level: 1, name: `Case ${caseNumber}` }).waitFor();
    await page.goto(at(server, "/cases/no-such-case"));
    await page.getByText(/Nothing was found here/).waitFor();

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { level: 1, name: "Staff sign-in" }).waitFor();
    await page.goto(at(server, "/work"));
    await page.getByRole("heading", { level: 1, name: "Staff sign-in" }).waitFor();
    assert.deepEqual(
      unexpected(problems).filter((p) => !/status of 404/.test(p)),
      [],
    );
    await context.close();
  });

  it("a system administrator reads the audit trail", async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    await signIn(page, server, "system_admin");
    await enrolTotp(page);
    await page.getByRole("link", { name: "Audit" }).click();
    await page.getByRole("heading", { level: 1, name: "Audit trail" }).waitFor();
    await page.locator("tbody tr").first().waitFor();
    // In words: the demo cases opened, by sentence, not by code.
    assert.match((await page.locator("tbody").textContent()) ?? "", /Opened a case/);
    await assertAccessible(page, "audit trail");
    await page.screenshot({ path: artifactPath("audit-desktop.png"), fullPage: true });
    // The system administrator's account form: every agency, and per agency the roles that fit.
    await page.getByRole("link", { name: "Accounts" }).click();
    const form = page.getByRole("form", { name: "Create an account" });
    const agency = form.getByLabel("Agency");
    // The choices arrive with the server's answer (role grants and the agency directory).
    await agency.locator("option").nth(3).waitFor({ state: "attached" });
    const names = (await agency.locator("option").allTextContents()).slice(1);
    assert.ok(names.length > 3, "a system administrator administers every agency");
    const offered = async (pattern: RegExp) => {
      await agency.selectOption({ label: names.find((n) => pattern.test(n)) as string });
      return (await form.getByLabel("Role").locator("option").allTextContents()).slice(1);
    };
    const mbi = await offered(/Bureau of Investigation/);
    assert.ok(mbi.includes("State coordinator") && mbi.includes("System administrator"), `${mbi}`);
    assert.ok(!(await offered(/Child Protection/)).includes("State coordinator"));
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({
      path: artifactPath("accounts-system-admin-desktop.png"),
      fullPage: true,
    });
    await page.getByRole("link", { name: "Audit" }).click();
    await page.getByRole("heading", { level: 1, name: "Audit trail" }).waitFor();
    // Spanish for staff: the preference goes to PATCH /api/v1/me when the server has it.
    await page.getByRole("button", { name: /Español/ }).click();
    await page.getByRole("heading", { level: 1, name: "Registro de auditoría" }).waitFor();
    await assertAccessible(page, "audit trail in Spanish");
    await context.close();
  });

  it("an agency administrator is offered only the roles the policy lets it give", async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.phone });
    const page = await context.newPage();
    const problems = collectProblems(page);
    await signIn(page, server, "agency_admin");
    await enrolTotp(page);
    await page.getByRole("link", { name: "Accounts" }).click();
    await page.getByRole("heading", { level: 1, name: "Accounts" }).waitFor();
    const form = page.getByRole("form", { name: "Create an account" });
    const role = form.getByLabel("Role");
    // No agency chosen yet: no role to pick.
    assert.deepEqual(await role.locator("option").allTextContents(), ["Choose the agency first"]);
    const agency = form.getByLabel("Agency");
    await agency.locator("option").nth(1).waitFor({ state: "attached" });
    const agencies = (await agency.locator("option").allTextContents()).slice(1);
    assert.equal(agencies.length, 1, "a CPS agency admin administers its own agency only");
    await agency.selectOption({ index: 1 });
    const offered = (await role.locator("option").allTextContents()).slice(1);
    assert.ok(offered.length > 0);
    for (const never of [
      /system admin/i,
      /state coordinator/i,
      /agency admin/i,
      /task force lead/i,
    ])
      assert.ok(!offered.some((o) => never.test(o)), `${never} must not be offered: ${offered}`);
    await form.getByLabel("E-mail").fill("new.investigator@demo.waypoint.invalid");
    await form.getByLabel("Name").fill("Morgan Example");
    await form.getByLabel("First password").fill("a long private demo passphrase");
    await role.selectOption({
      label: offered.find((o) => /CPS/.test(o)) ?? (offered[0] as string),
    });
    await form.getByRole("button", { name: "Create an account" }).click();
    await page.getByText("Account created for Morgan Example.").waitFor();
    await assertAccessible(page, "accounts page");
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: artifactPath("accounts-phone.png"), fullPage: true });
    await page.setViewportSize(VIEWPORTS.desktop);
    await page.screenshot({ path: artifactPath("accounts-desktop.png"), fullPage: true });
    assert.deepEqual(unexpected(problems), []);
    await context.close();
  });
});

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { ROLE_POLICIES, ROLES } from "../../src/domain/roles.ts";
import {
  artifactPath,
  collectProblems,
  launchBrowser,
  seriousA11yViolations,
  VIEWPORTS,
} from "../support/browser.ts";
import { type RunningServer, startServer } from "../support/server-process.ts";
import { demoLogins, signInThroughPages as signIn } from "../support/staff-session.ts";

/**
 * Issue 13: a caseworker's day. Each demo role's first screen, on first sign-in, has work; a
 * teacher's report of a child reaches a named CPS investigator's My work.
 */
/** Every role that works cases (its case scope is not "none"), from the role table. */
const CASE_ROLES = ROLES.filter((r) => ROLE_POLICIES[r].caseScope !== "none");

async function api<T>(page: Page, method: "GET" | "POST", path: string, body?: unknown) {
  const answer = await page.evaluate(
    async ({ method, path, body }) => {
      const me = await fetch("/api/v1/me").then((r) => r.json());
      const res = await fetch(path, {
        method,
        headers: {
          "content-type": "application/json",
          ...(method === "GET" ? {} : { "x-csrf-token": me.csrfToken }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, json: await res.json() };
    },
    { method, path, body },
  );
  assert.ok(answer.status < 300, `${method} ${path}: ${answer.status}`);
  return answer.json as T;
}

describe("a caseworker's day in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  /** The teacher's report and the investigator it reached, for the notification step. */
  let handedTo: { email: string; caseNumber: string } | undefined;
  /** Signed-in sessions by e-mail, kept for the day's later steps (TOTP is set up only once). */
  const sessions = new Map<string, BrowserContext>();
  const sessionOf = async (email: string) => {
    const kept = sessions.get(email);
    if (kept) return kept;
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    await signIn(await context.newPage(), server, email);
    sessions.set(email, context);
    return context;
  };
  before(async () => {
    // Seven cases: every stage of the demo once.
    server = await startServer({ WAYPOINT_DEMO_CASES: "7" });
    browser = await launchBrowser();
  });
  after(async () => {
    for (const c of sessions.values()) await c.close();
    await browser?.close();
    await server?.stop();
  });

  for (const role of CASE_ROLES)
    it(`the ${role.replaceAll("_", " ")}'s first screen has work (phone)`, async () => {
      const context = await browser.newContext({ viewport: VIEWPORTS.phone });
      const page = await context.newPage();
      const problems = collectProblems(page);
      const email = demoLogins(server, role)[0] as string;
      await signIn(page, server, email);
      sessions.set(email, context);
      // Obligations, seat offers and referrals waiting are all items of work on this screen.
      await page.locator(".obligation, .offer").first().waitFor();
      assert.deepEqual(await seriousA11yViolations(page), [], `axe on ${role}'s My work`);
      await page.screenshot({
        path: artifactPath(`first-screen-${role}-phone.png`),
        fullPage: true,
      });
      assert.deepEqual(
        problems.filter((p) => !/status of 401/.test(p)),
        [],
      );
    });

  it("a teacher's report of a child reaches a named CPS investigator's My work", async () => {
    const page = await (await sessionOf(demoLogins(server, "screener")[0] as string)).newPage();
    await page.goto(new URL("/work", server.url).href);
    const { agencies } = await api<{
      agencies: { id: string; kind: string; countyFips: string | null }[];
    }>(page, "GET", "/api/v1/agencies");
    const office = agencies.find((a) => a.kind === "cps" && a.countyFips !== null);
    assert.ok(office?.countyFips);
    const intake = await api<{ caseNumber: string; assignedUserId: string | null }>(
      page,
      "POST",
      "/api/v1/cases",
      {
        source: "school",
        countyFips: office.countyFips,
        persons: [{ part: "victim", ageYears: 14, givenName: "Tia", familyName: "Example" }],
        facts: { subject: { age: 14 }, sex: { act: true, valueExchanged: true } },
      },
    );
    assert.ok(intake.assignedUserId, "a named investigator has the case");
    await page.close();

    let found = 0;
    for (const email of demoLogins(server, "cps_investigator")) {
      const cps = await (await sessionOf(email)).newPage();
      await cps.goto(new URL("/work", server.url).href);
      await cps.getByRole("heading", { level: 1, name: "My work" }).waitFor();
      const me = await api<{ userId: string }>(cps, "GET", "/api/v1/me");
      const item = cps.locator(".obligation", { hasText: intake.caseNumber });
      if (me.userId === intake.assignedUserId) {
        await item.first().waitFor();
        assert.match((await item.first().textContent()) ?? "", /Yours/);
        await cps.screenshot({ path: artifactPath("teacher-report-cps-my-work-desktop.png") });
        handedTo = { email, caseNumber: intake.caseNumber };
        found++;
      } else {
        await cps
          .locator(".obligation")
          .first()
          .waitFor({ timeout: 5000 })
          .catch(() => undefined);
        assert.equal(await item.count(), 0, "another investigator does not hold it");
      }
      await cps.close();
    }
    assert.equal(found, 1, "exactly one investigator holds the case");
  });

  it("the investigator is told in the header, and the notice leads to the case", async () => {
    assert.ok(handedTo, "the report reached an investigator");
    const page = await (await sessionOf(handedTo.email)).newPage();
    const problems = collectProblems(page);
    await page.goto(new URL("/work", server.url).href);
    const bell = page.locator(".notification-bell");
    await bell.locator(".notification-count").waitFor();
    assert.match((await bell.textContent()) ?? "", /unread/);
    await bell.click();
    await page.getByRole("heading", { level: 1, name: "Notifications" }).waitFor();
    const notice = page.locator(".notification", {
      hasText: `Case ${handedTo.caseNumber} was assigned to you.`,
    });
    await notice.waitFor();
    assert.match((await notice.textContent()) ?? "", /New/);
    assert.deepEqual(await seriousA11yViolations(page), [], "axe on the notification centre");
    await page.screenshot({ path: artifactPath("notifications-desktop.png"), fullPage: true });
    await page.setViewportSize(VIEWPORTS.phone);
    await page.screenshot({ path: artifactPath("notifications-phone.png"), fullPage: true });
    await page.setViewportSize(VIEWPORTS.desktop);

    await notice.getByRole("link").click();
    await page.waitForURL(/\/cases\//);
    await page.getByRole("heading", { level: 1, name: new RegExp(handedTo.caseNumber) }).waitFor();
    await page.goBack();
    await notice.waitFor();
    assert.doesNotMatch((await notice.textContent()) ?? "", /New/, "followed means read");
    const markAll = page.getByRole("button", { name: "Mark all as read" });
    if (await markAll.isVisible()) {
      await markAll.click();
      await page.getByText("All your notifications are marked as read.").waitFor();
    }
    await bell.locator(".notification-count").waitFor({ state: "detached" });
    assert.deepEqual(problems, []);
    await page.close();
  });
});

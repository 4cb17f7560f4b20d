import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import {
  artifactPath,
  browserTraces,
  collectProblems,
  launchBrowser,
  seriousA11yViolations,
  VIEWPORTS,
} from "../support/browser.ts";
import { type RunningServer, startServer } from "../support/server-process.ts";

const NEUTRAL_SITE = "https://weather.com/";
const PREVIOUS_SITE = "https://search.example/";

const at = (server: RunningServer, path: string) => new URL(path, server.url).href;

/** The public pages leave nothing behind: no cookie, storage, database, cache or worker. */
async function assertNoTraces(page: Page) {
  assert.deepEqual(await browserTraces(page), {
    localStorage: [],
    sessionStorage: [],
    indexedDB: [],
    caches: [],
    serviceWorkers: 0,
    cookies: [],
  });
}

async function assertAccessible(page: Page, what: string) {
  assert.deepEqual(await seriousA11yViolations(page), [], `axe on ${what}`);
}

/** Answers the screening question on screen; returns false once the result is shown. */
async function answerCurrentQuestion(page: Page, answers: Record<string, string | number>) {
  const result = page.locator("#screening-result");
  const radio = page.locator('input[type="radio"][name^="q-"]').first();
  await Promise.race([result.waitFor(), radio.waitFor()]);
  if (await result.isVisible()) return false;
  const name = (await radio.getAttribute("name")) as string;
  const id = name.slice(2);
  const answer = answers[id] ?? "No";
  if (typeof answer === "number") {
    await page.getByLabel("Age in years").fill(String(answer));
  } else {
    const group = page.locator("fieldset", { has: page.locator(`input[name="${name}"]`) });
    const wanted = group.getByText(answer, { exact: true });
    // Questions with their own choices (citizenship) have no plain "No".
    if ((await wanted.count()) > 0) await wanted.click();
    else await group.getByText("I don't know", { exact: true }).click();
  }
  await page.getByRole("button", { name: "Next" }).click();
  // The next screen is another question (new radio name) or the result.
  await page.waitForFunction(
    (previous) =>
      document.querySelector("#screening-result") !== null ||
      document.querySelector(`input[type="radio"][name^="q-"]:not([name="${previous}"])`) !== null,
    name,
  );
  return true;
}

describe("public pages in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  before(async () => {
    server = await startServer({ WAYPOINT_DEMO_CASES: "0", WAYPOINT_PUBLIC_RATE_LIMIT: "1000" });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    it(`"Get help now" shows tap-to-call hotlines, accessibly (${size})`, async () => {
      const page = await browser.newPage({ viewport });
      const problems = collectProblems(page);
      await page.goto(server.url);
      await page.getByRole("heading", { level: 1, name: "Get help now" }).waitFor();
      const national = page.getByRole("link", { name: /National Human Trafficking Hotline/ });
      assert.equal(await national.getAttribute("href"), "tel:+18883737888");
      const cps = page.getByRole("link", { name: /Mississippi Child Protection Services/ });
      assert.equal(await cps.getAttribute("href"), "tel:+18002228000");
      // 911 is dialled as itself: "tel:+1911" does not connect on every phone.
      const emergency = page.getByRole("link", { name: /911/ });
      assert.equal(await emergency.getAttribute("href"), "tel:911");
      assert.ok(await page.getByRole("button", { name: "Quick exit" }).isVisible());
      await assertAccessible(page, `help page (${size})`);
      await page.screenshot({ path: artifactPath(`help-${size}.png`), fullPage: true });
      await assertNoTraces(page);
      assert.deepEqual(problems, []);
      await page.close();
    });
  }

  it("screening a minor's situation ends with the CPS and MBI reports, numbers and statutes", async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.phone });
    const problems = collectProblems(page);
    await page.goto(at(server, "/screening"));
    await page.getByRole("button", { name: "Start" }).click();
    await page.getByLabel("Age in years").waitFor();
    await assertAccessible(page, "screening question");
    await page.screenshot({ path: artifactPath("screening-question-phone.png"), fullPage: true });
    const answers = {
      age: 15,
      sex_act: "Yes",
      value_exchanged: "Yes",
      coercion_debt: "I don't know",
    };
    let steps = 0;
    while (await answerCurrentQuestion(page, answers)) {
      steps += 1;
      assert.ok(steps < 60, "the screening ends");
      // Answers are never put in the URL.
      assert.equal(new URL(page.url()).search, "");
    }
    await page.getByRole("heading", { name: "Sex trafficking of a minor" }).waitFor();
    const cps = page.locator('[data-action="report_cps"]');
    assert.match((await cps.textContent()) ?? "", /Report to Child Protection Services/);
    assert.match((await cps.textContent()) ?? "", /1-800-222-8000/);
    assert.match((await cps.textContent()) ?? "", /§ 43-21-353/);
    assert.equal(await cps.getByRole("link").getAttribute("href"), "tel:+18002228000");
    const mbi = page.locator('[data-action="report_mbi_ht_coordinator"]');
    assert.match((await mbi.textContent()) ?? "", /Mississippi Bureau of Investigation/);
    assert.match((await mbi.textContent()) ?? "", /§ 97-3-54\.1\(4\)/);
    // DOMAIN.md gives no number for the MBI coordinator: none is made up.
    assert.equal(await mbi.getByRole("link").count(), 0);
    // Sources are statutes or the issuing body by name, never a file of ours.
    const result = (await page.locator("main").textContent()) ?? "";
    assert.doesNotMatch(result, /DOMAIN|\.md\b/);
    assert.match(result, /Center for Violence Prevention/);
    await assertAccessible(page, "screening result");
    // From the top: a full-page shot taken scrolled down draws the sticky header over the result.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: artifactPath("screening-result-phone.png"), fullPage: true });
    await page.setViewportSize(VIEWPORTS.desktop);
    await page.screenshot({ path: artifactPath("screening-result-desktop.png"), fullPage: true });
    await assertNoTraces(page);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("an adult's not-indicated result lists where to get help, with no empty steps", async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.phone });
    const problems = collectProblems(page);
    await page.goto(at(server, "/screening"));
    await page.getByRole("button", { name: "Start" }).click();
    let steps = 0;
    while (await answerCurrentQuestion(page, { age: 30 })) {
      steps += 1;
      assert.ok(steps < 60, "the screening ends");
    }
    const result = page.locator("section.result");
    await result.getByRole("heading", { name: "Where to get help" }).waitFor();
    assert.equal(await result.getByRole("heading", { name: "What to do now" }).count(), 0);
    const help = page.getByRole("region", { name: "Where to get help" });
    await help.waitFor();
    assert.equal(
      await help.getByRole("link", { name: /Emergency/ }).getAttribute("href"),
      "tel:911",
    );
    assert.equal(
      await help
        .getByRole("link", { name: /National Human Trafficking Hotline/ })
        .getAttribute("href"),
      "tel:+18883737888",
    );
    assert.doesNotMatch((await result.textContent()) ?? "", /numbers above/);
    await assertAccessible(page, "not-indicated result");
    await page.screenshot({
      path: artifactPath("screening-not-indicated-phone.png"),
      fullPage: true,
    });
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("stopping early after saying the person is under 18 offers CPS and the hotlines", async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.phone });
    const problems = collectProblems(page);
    await page.goto(at(server, "/screening"));
    await page.getByRole("button", { name: "Start" }).click();
    await page.getByLabel("Age in years").fill("16");
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByRole("button", { name: "Stop here and see what to do" }).click();
    const cps = page.locator(".talk-to-cps", { hasText: "Call CPS to talk it through" });
    await cps.waitFor();
    assert.equal(await cps.getByRole("link").getAttribute("href"), "tel:+18002228000");
    assert.match((await cps.textContent()) ?? "", /1-800-222-8000/);
    const help = page.getByRole("region", { name: "Where to get help" });
    assert.equal(
      await help.getByRole("link", { name: /Emergency/ }).getAttribute("href"),
      "tel:911",
    );
    assert.doesNotMatch(
      (await page.locator("section.result").textContent()) ?? "",
      /numbers above/,
    );
    await assertAccessible(page, "stopped-early minor result");
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("an empty tip is refused with the message at the words field, which gets the focus", async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.phone });
    const problems = collectProblems(page);
    await page.goto(at(server, "/tip"));
    const words = page.getByLabel("What happened? (optional)");
    await words.fill("   ");
    const refusal = page.waitForResponse((r) => r.url().endsWith("/api/v1/tips"));
    await page.getByRole("button", { name: "Send the tip" }).click();
    assert.equal((await refusal).status(), 400);
    const message = page.locator(".field-error", { hasText: "The tip is empty." });
    await message.waitFor();
    assert.equal(await words.getAttribute("aria-invalid"), "true");
    const describedBy = ((await words.getAttribute("aria-describedby")) ?? "").split(" ");
    assert.ok(describedBy.includes((await message.getAttribute("id")) as string));
    assert.ok(await words.evaluate((el) => el === document.activeElement), "focus is on the field");
    await assertAccessible(page, "empty tip");
    await page.screenshot({ path: artifactPath("tip-empty-phone.png"), fullPage: true });
    // The refusal is an expected 400: only it may appear among the page's problems.
    assert.deepEqual(
      problems.filter((p) => !/400/.test(String(p))),
      [],
    );
    await page.close();
  });

  it("the tip form sends structured answers and says plainly it was received, storing nothing", async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
    const problems = collectProblems(page);
    await page.goto(at(server, "/tip"));
    await page.getByLabel("County").selectOption({ label: "Hinds" });
    await page.getByLabel("Where did it happen?").selectOption({ label: "Truck stop" });
    await page.getByText("Under 18", { exact: true }).click();
    // A child: a mandatory reporter is reminded the tip does not replace phoning CPS.
    const reminder = page.locator(".alert", { hasText: "mandatory reporters must also phone CPS" });
    await reminder.waitFor();
    assert.match((await reminder.textContent()) ?? "", /§ 43-21-353/);
    assert.match((await reminder.textContent()) ?? "", /§ 97-5-51/);
    assert.equal(await reminder.getByRole("link").getAttribute("href"), "tel:+18002228000");
    await page.getByText(/Has anyone had, or tried to set up, sexual contact/).click();
    await page
      .getByLabel("What happened? (optional)")
      .fill("A girl at the truck stop, late at night");
    await assertAccessible(page, "tip form");
    await page.screenshot({ path: artifactPath("tip-desktop.png"), fullPage: true });
    const tipRequest = page.waitForRequest((r) => r.url().endsWith("/api/v1/tips"));
    await page.getByRole("button", { name: "Send the tip" }).click();
    const received = page.locator(".tip-received");
    await received.waitFor();
    assert.match((await received.textContent()) ?? "", /^Your tip was received\./);
    // No receipt code: nothing takes one later, so none is shown or promised.
    assert.doesNotMatch((await page.locator("main").textContent()) ?? "", /receipt|refer to/i);
    // The sender's words go with the tip (storage and encryption: intake.test.ts).
    const sentTip = (await tipRequest).postDataJSON();
    assert.equal(sentTip.narrative, "A girl at the truck stop, late at night");
    assert.equal(sentTip.contact, undefined, "no contact unless the sender gives one");
    await assertAccessible(page, "tip received");
    await assertNoTraces(page);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("Spanish renders the questionnaire from the API's Spanish catalogue", async () => {
    const es = (await (await fetch(at(server, "/api/v1/questionnaire?lang=es"))).json()) as {
      title: string;
      questions: { id: string; text: string }[];
    };
    const page = await browser.newPage({ viewport: VIEWPORTS.phone });
    await page.goto(server.url);
    await page.getByRole("button", { name: /Español/ }).click();
    await page.getByRole("heading", { level: 1, name: "Ayuda inmediata" }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), "es");
    await page.getByRole("navigation").getByRole("link", { name: "Revisar una situación" }).click();
    await page.getByRole("heading", { level: 1, name: es.title }).waitFor();
    await page.getByRole("button", { name: "Empezar" }).click();
    const ageText = es.questions.find((q) => q.id === "age")?.text as string;
    await page.getByRole("heading", { name: ageText }).waitFor();
    await page.getByText("No sé", { exact: true }).click();
    await page.getByRole("button", { name: "Siguiente" }).click();
    await page.getByRole("button", { name: "Atrás" }).waitFor();
    await assertAccessible(page, "Spanish screening");
    await page.screenshot({ path: artifactPath("screening-es-phone.png"), fullPage: true });
    await assertNoTraces(page);
    await page.close();
  });

  for (const how of ["button", "Escape key"] as const) {
    it(`Quick exit (${how}) leaves for a neutral site without a history entry`, async () => {
      const page = await browser.newPage({ viewport: VIEWPORTS.phone });
      await page.route(`${PREVIOUS_SITE}**`, (r) =>
        r.fulfill({ contentType: "text/html", body: "<title>Search</title><p>results</p>" }),
      );
      await page.route(`${NEUTRAL_SITE}**`, (r) =>
        r.fulfill({ contentType: "text/html", body: "<title>Weather</title><p>sunny</p>" }),
      );
      await page.goto(PREVIOUS_SITE);
      await page.goto(server.url);
      await page.getByRole("navigation").getByRole("link", { name: "Check a situation" }).click();
      await page.getByRole("button", { name: "Start" }).click();
      await page.getByLabel("Age in years").fill("16");
      await page.getByRole("button", { name: "Next" }).click();
      await page.getByRole("button", { name: "Back" }).waitFor();
      const before = await page.evaluate(() => history.length);
      if (how === "button") await page.getByRole("button", { name: "Quick exit" }).click();
      else await page.keyboard.press("Escape");
      await page.waitForURL(`${NEUTRAL_SITE}**`);
      assert.equal(await page.evaluate(() => history.length), before);
      await page.goBack();
      assert.ok(page.url().startsWith(PREVIOUS_SITE), `back went to ${page.url()}`);
      await page.close();
    });
  }

  it("deep links load the app and unknown paths say so", async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.phone });
    await page.goto(at(server, "/screening"));
    await page.getByRole("button", { name: "Start" }).waitFor();
    await page.goto(at(server, "/no/such/page"));
    await page.getByRole("heading", { name: "This page does not exist" }).waitFor();
    await assertAccessible(page, "not found");
    await page.goto(at(server, "/cases/abc"));
    await page.getByRole("heading", { name: "Staff sign-in" }).waitFor();
    assert.equal(new URL(page.url()).searchParams.get("next"), "/cases/abc");
    await assertAccessible(page, "sign-in");
    await page.close();
  });
});

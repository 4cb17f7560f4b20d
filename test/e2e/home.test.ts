import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { artifactPath, launchBrowser, VIEWPORTS } from "../support/browser.ts";
import { type RunningServer, startServer } from "../support/server-process.ts";

describe("home page in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  before(async () => {
    server = await startServer({ WAYPOINT_DEMO_CASES: "3" });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    it(`shows tap-to-call hotlines without errors (${size})`, async () => {
      const page = await browser.newPage({ viewport });
      const problems: string[] = [];
      page.on("pageerror", (e) => problems.push(e.message));
      page.on("console", (m) => {
        if (m.type() === "error") problems.push(m.text());
      });
      await page.goto(server.url);
      await page.getByRole("heading", { name: "Waypoint" }).waitFor();
      const national = page.getByRole("link", { name: /National Human Trafficking Hotline/ });
      assert.equal(await national.getAttribute("href"), "tel:+18883737888");
      await page.screenshot({ path: artifactPath(`home-${size}.png`), fullPage: true });
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
});

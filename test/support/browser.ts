import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";

export const ARTIFACTS = fileURLToPath(new URL("../../test-artifacts", import.meta.url));

/** Debian's Chromium (installed by `npm test` when missing); no browser downloads work here. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

export function artifactPath(name: string): string {
  return join(ARTIFACTS, name);
}

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const;

/** WCAG 2.0–2.2 A and AA: the rules every page must pass (issue 6). */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

// Served at a same-origin URL the test intercepts, so the page's strict CSP (script-src 'self')
// lets axe in without turning CSP off for the test.
const AXE_PATH = "/__test__/axe.min.js";

/**
 * Runs axe-core on the page as it is now and returns its serious and critical violations, one
 * line each (rule, impact, the first few elements), for a readable assertion message.
 */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const axe = await import("axe-core");
  const source = (axe.default ?? axe).source;
  const origin = new URL(page.url()).origin;
  await page.route(`${origin}${AXE_PATH}`, (route) =>
    route.fulfill({ contentType: "text/javascript", body: source }),
  );
  const loaded = await page.evaluate(() => "axe" in window);
  if (!loaded) await page.addScriptTag({ url: `${origin}${AXE_PATH}` });
  const violations = await page.evaluate(async (tags) => {
    const w = window as unknown as {
      axe: {
        run(
          context: Document,
          options: object,
        ): Promise<{
          violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
        }>;
      };
    };
    const result = await w.axe.run(document, { runOnly: { type: "tag", values: tags } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)),
    }));
  }, AXE_TAGS);
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.targets.join(", ")}`);
}

/**
 * Everything a page could have left in the browser: cookies (including HttpOnly ones, from the
 * context), Web Storage, IndexedDB databases, Cache Storage and service workers.
 */
export async function browserTraces(page: Page) {
  const inPage = await page.evaluate(async () => ({
    localStorage: Object.keys(localStorage),
    sessionStorage: Object.keys(sessionStorage),
    indexedDB: (await indexedDB.databases()).map((d) => d.name ?? ""),
    caches: "caches" in window ? await caches.keys() : [],
    serviceWorkers: (await navigator.serviceWorker?.getRegistrations())?.length ?? 0,
  }));
  const cookies = (await page.context().cookies()).map((c) => c.name);
  return { ...inPage, cookies };
}

/** Page errors and console errors (CSP violations among them) seen while a test ran. */
export function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  return problems;
}

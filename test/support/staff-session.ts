import assert from "node:assert/strict";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { totpAt } from "../../src/server/auth/totp.ts";
import { DEMO_PASSWORD } from "../../src/server/demo/seed-demo.ts";
import { VIEWPORTS } from "./browser.ts";
import type { RunningServer } from "./server-process.ts";

/** Every demo login the server printed for a role, in the order it printed them. */
export function demoLogins(server: RunningServer, role: string): string[] {
  const logins = server
    .output()
    .split("\n")
    .filter((l) => new RegExp(`@demo\\.waypoint\\.invalid\\s+${role}$`).test(l.trimEnd()))
    .map((l) => l.trim().split(/\s+/)[0] as string);
  assert.ok(logins.length > 0, `no demo login printed for ${role}`);
  return logins;
}

/** Signs in through the pages; a role that sees identities sets up TOTP first, as a person would. */
export async function signInThroughPages(
  page: Page,
  server: RunningServer,
  email: string,
): Promise<void> {
  await page.goto(new URL("/sign-in", server.url).href);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  const secret = page.locator(".mfa-secret");
  const heading = page.getByRole("heading", { level: 1, name: "My work" });
  await Promise.race([secret.waitFor(), heading.waitFor()]).catch(() => undefined);
  if (await secret.isVisible()) {
    await page
      .getByLabel("6-digit code")
      .fill(await totpAt((await secret.textContent()) ?? "", new Date()));
    await page.getByRole("button", { name: "Confirm" }).click();
    await page.getByRole("button", { name: "I have kept them, continue" }).click();
  }
  await heading.waitFor();
}

export interface StaffSession {
  context: BrowserContext;
  page: Page;
  me: { userId: string; agencyId: string; displayName: string; role: string };
  /** Calls the API from inside the page (its session cookie, its CSRF token). */
  api<T = unknown>(method: "GET" | "POST", path: string, body?: unknown): Promise<T>;
}

/**
 * Signs a demo account in through the real pages in a fresh browser context: password, then
 * TOTP set-up (the key read off the page, as a person would scan it), then the recovery codes.
 */
export async function signInStaff(
  browser: Browser,
  server: RunningServer,
  email: string,
): Promise<StaffSession> {
  const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
  const page = await context.newPage();
  await page.goto(new URL("/sign-in", server.url).href);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  const secret = page.locator(".mfa-secret");
  await secret.waitFor();
  await page
    .getByLabel("6-digit code")
    .fill(await totpAt((await secret.textContent()) ?? "", new Date()));
  await page.getByRole("button", { name: "Confirm" }).click();
  await page.getByRole("button", { name: "I have kept them, continue" }).click();
  await page.getByRole("heading", { level: 1, name: "My work" }).waitFor();
  const api = async <T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> => {
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
        return { status: res.status, json: res.status === 204 ? null : await res.json() };
      },
      { method, path, body },
    );
    assert.ok(
      answer.status < 300,
      `${method} ${path}: ${answer.status} ${JSON.stringify(answer.json)}`,
    );
    return answer.json as T;
  };
  const me = await api<StaffSession["me"]>("GET", "/api/v1/me");
  return { context, page, me, api };
}

import { type AppDeps, buildApp } from "../../src/server/app.ts";
import { fixedClock, systemClock } from "../../src/server/clock.ts";
import type { AppContext } from "../../src/server/context.ts";
import type { Db } from "../../src/server/db/database.ts";
import { Keyring, newKeyFile } from "../../src/server/security/keyring.ts";

/** One keyring per test process: encrypted rows written by one test are readable by the next. */
export const TEST_KEY_FILE = newKeyFile();
export const TEST_KEYRING = new Keyring(TEST_KEY_FILE);

export function testContext(db: Db, clock = systemClock): AppContext {
  return { db, clock, keyring: TEST_KEYRING };
}

export function fakeClockContext(db: Db, start = new Date("2026-03-01T15:00:00Z")) {
  const clock = fixedClock(start);
  return { ctx: testContext(db, clock), clock };
}

/** The app as tests use it: silent, with rate limits out of the way unless a test sets them. */
export function testApp(ctx: AppContext, extra: Partial<AppDeps> = {}) {
  return buildApp({
    config: { logLevel: process.env.TEST_LOG_LEVEL ?? "silent", env: "test" },
    ctx,
    loginRateLimit: { max: 100_000, timeWindow: "1 minute" },
    publicRateLimit: { max: 100_000, timeWindow: "1 minute" },
    ...extra,
  });
}

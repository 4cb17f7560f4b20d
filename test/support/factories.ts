import type { AgencyKind } from "../../src/domain/catalogues.ts";
import type { Role } from "../../src/domain/roles.ts";
import { newTotpSecret } from "../../src/server/auth/totp.ts";
import { fixedClock } from "../../src/server/clock.ts";
import type { AppContext } from "../../src/server/context.ts";
import type { Db } from "../../src/server/db/database.ts";
import type { AgencyRow } from "../../src/server/db/schema.ts";
import { newId } from "../../src/server/ids.ts";
import { hashPassword } from "../../src/server/security/passwords.ts";
import { createUser } from "../../src/server/use-cases/accounts/create-user.ts";
import { type OpenCaseInput, openCase } from "../../src/server/use-cases/open-case.ts";
import { testContext } from "./context.ts";

/** Each test builds its own agency, so tests never depend on one another's data. */
export async function buildAgency(db: Db, overrides: Partial<AgencyRow> = {}): Promise<AgencyRow> {
  const row: AgencyRow = {
    id: newId(),
    name: `Test agency ${Math.random().toString(36).slice(2, 8)}`,
    kind: "cps" satisfies AgencyKind,
    county_fips: "28049",
    created_at: new Date().toISOString(),
    ...overrides,
  };
  await db.kysely.insertInto("agencies").values(row).execute();
  return row;
}

export async function buildCase(db: Db, overrides: Partial<OpenCaseInput> = {}) {
  const agencyId = overrides.agencyId ?? (await buildAgency(db)).id;
  return openCase(testContext(db, fixedClock(new Date("2026-03-01T15:00:00Z"))), {
    source: "cps_hotline",
    countyFips: "28049",
    ...overrides,
    agencyId,
  });
}

export const TEST_PASSWORD = "correct horse battery staple 42";

/** A user with one membership; with `mfa`, an authenticator already enrolled (secret returned). */
export async function buildUser(
  ctx: AppContext,
  options: { agencyId: string; role: Role; mfa?: boolean },
): Promise<{ userId: string; email: string; password: string; secret?: string }> {
  const email = `${options.role}.${newId().slice(-12)}@test.waypoint.invalid`;
  const { userId } = await createUser(
    ctx,
    {
      email,
      displayName: `Test ${options.role}`,
      password: TEST_PASSWORD,
      agencyId: options.agencyId,
      role: options.role,
    },
    null,
    { passwordHash: await testPasswordHash() },
  );
  if (!options.mfa) return { userId, email, password: TEST_PASSWORD };
  const secret = newTotpSecret();
  await ctx.db.kysely
    .updateTable("users")
    .set({
      mfa_secret: ctx.keyring.encrypt(secret, `users.mfa_secret.${userId}`),
      mfa_enabled_at: ctx.clock.now().toISOString(),
    })
    .where("id", "=", userId)
    .execute();
  return { userId, email, password: TEST_PASSWORD, secret };
}

let passwordHash: Promise<string> | undefined;
/** argon2 is deliberately slow: tests hash the shared password once. */
function testPasswordHash(): Promise<string> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
}

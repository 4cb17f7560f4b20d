import type { AgencyKind } from "../../src/domain/catalogues.ts";
import { fixedClock } from "../../src/server/clock.ts";
import type { Db } from "../../src/server/db/database.ts";
import type { AgencyRow } from "../../src/server/db/schema.ts";
import { newId } from "../../src/server/ids.ts";
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

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { countyByFips, MISSISSIPPI_COUNTIES } from "../../src/domain/counties.ts";
import { localYear } from "../../src/domain/time.ts";
import { formatCaseNumber } from "../../src/server/repositories/intake/case-numbers.ts";

describe("reference data", () => {
  it("lists Mississippi's 82 counties with unique state-28 FIPS codes", () => {
    assert.equal(MISSISSIPPI_COUNTIES.length, 82);
    assert.equal(new Set(MISSISSIPPI_COUNTIES.map((c) => c.fips)).size, 82);
    assert.ok(MISSISSIPPI_COUNTIES.every((c) => /^28\d{3}$/.test(c.fips)));
    assert.equal(countyByFips("28049")?.name, "Hinds");
    assert.equal(countyByFips("28047")?.name, "Harrison");
    assert.equal(countyByFips("28163")?.name, "Yazoo");
    assert.equal(countyByFips("28033")?.name, "DeSoto");
  });

  it("formats case numbers MS-YYYY-NNNNNN", () => {
    assert.equal(formatCaseNumber(2026, 123), "MS-2026-000123");
    assert.equal(formatCaseNumber(2026, 1_234_567), "MS-2026-1234567");
  });

  it("takes the case year from Mississippi's calendar, not UTC's", () => {
    // 03:00 UTC on 1 January is still New Year's Eve in Jackson.
    assert.equal(localYear(new Date("2027-01-01T03:00:00Z")), 2026);
    assert.equal(localYear(new Date("2027-01-01T07:00:00Z")), 2027);
  });
});

import fc from "fast-check";
import { RED_FLAGS, RISK_FACTORS } from "../../src/domain/assessment/index.ts";
import { CITIZENSHIPS } from "../../src/domain/catalogues.ts";

/** Three-valued: true, false, null, or absent. */
export const tri = fc.option(fc.boolean(), { nil: null });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

export const subjectArb = fc.record(
  {
    age: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
    ageGroup: fc.option(fc.constantFrom("minor" as const, "adult" as const), { nil: null }),
    citizenship: fc.option(fc.constantFrom(...CITIZENSHIPS), { nil: null }),
    consented: tri,
  },
  { requiredKeys: [] },
);

export const meansArb = fc.record({ force: tri, fraud: tri, coercion: tri }, { requiredKeys: [] });
export const riskFactorsArb = fc.subarray([...RISK_FACTORS]);
export const redFlagsArb = fc.subarray([...RED_FLAGS]);

/** Any valid facts document. */
export const factsArb = fc.record(
  {
    subject: subjectArb,
    sex: fc.record(
      { act: tri, valueExchanged: tri, explicitPerformance: tri, explicitMaterial: tri },
      { requiredKeys: [] },
    ),
    labor: fc.record(
      { performed: tri, sector: maybe(fc.constantFrom("agriculture", "restaurant", "nails")) },
      { requiredKeys: [] },
    ),
    means: meansArb,
    indicators: fc.tuple(redFlagsArb, riskFactorsArb).map(([r, k]) => [...r, ...k]),
    context: fc.record(
      { crossesStateLines: tri, minorInCustodyForProstitution: tri, believedAdult: tri },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

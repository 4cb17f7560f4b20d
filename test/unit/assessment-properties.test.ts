import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  assess,
  type Determination,
  FactsError,
  MINOR_ONLY_ACTIONS,
  parseFacts,
  parseFactsJson,
  RED_FLAGS,
} from "../../src/domain/assessment/index.ts";
import { factsArb, meansArb, riskFactorsArb, subjectArb, tri } from "../support/facts-arbitrary.ts";

const RANK: Record<Determination, number> = {
  not_indicated: 0,
  possible_trafficking: 1,
  labor_trafficking: 2,
  sex_trafficking: 2,
  sex_trafficking_minor: 2,
};

describe("assessment properties", () => {
  it("a minor in commercial sex is always sex_trafficking_minor, whatever the means, consent or belief about age", () => {
    fc.assert(
      fc.property(
        factsArb,
        fc.integer({ min: 0, max: 17 }),
        meansArb,
        tri,
        tri,
        (facts, age, means, consented, believedAdult) => {
          const a = assess(
            parseFacts({
              ...facts,
              subject: { ...facts.subject, age, consented },
              sex: { ...facts.sex, act: true, valueExchanged: true },
              means,
              context: { ...facts.context, believedAdult },
            }),
          );
          assert.equal(a.determination, "sex_trafficking_minor");
          assert.ok(a.offenses.includes("procuring_sexual_servitude_of_minor"));
          assert.ok(a.nibrs.includes("64A"));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("an adult never gets a minor-only reporting action", () => {
    fc.assert(
      fc.property(factsArb, fc.integer({ min: 18, max: 120 }), (facts, age) => {
        const a = assess(parseFacts({ ...facts, subject: { ...facts.subject, age } }));
        for (const id of MINOR_ONLY_ACTIONS) assert.ok(!a.actions.includes(id), id);
      }),
      { numRuns: 500 },
    );
  });

  it("adding a red flag never lowers the determination", () => {
    fc.assert(
      fc.property(factsArb, fc.constantFrom(...RED_FLAGS), (facts, flag) => {
        const before = assess(parseFacts(facts));
        const after = assess(
          parseFacts({ ...facts, indicators: [...(facts.indicators ?? []), flag] }),
        );
        assert.ok(RANK[after.determination] >= RANK[before.determination]);
        if (RANK[before.determination] === 2)
          assert.equal(after.determination, before.determination);
      }),
      { numRuns: 500 },
    );
  });

  it("risk factors alone never make a case", () => {
    fc.assert(
      fc.property(subjectArb, riskFactorsArb, (subject, indicators) => {
        const a = assess(parseFacts({ subject, indicators }));
        assert.equal(a.determination, "not_indicated");
        assert.deepEqual(a.offenses, []);
      }),
      { numRuns: 300 },
    );
  });

  it("every assessment has a rationale with citations, and every action its details", () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        const a = assess(parseFacts(facts));
        assert.ok(a.rationale.length > 0);
        assert.ok(a.rationale.every((r) => r.citation && r.text));
        assert.deepEqual(
          a.actionDetails.map((d) => d.id),
          a.actions,
        );
        assert.equal(new Set(a.actions).size, a.actions.length);
      }),
      { numRuns: 300 },
    );
  });

  it("missing lists only unknown facts, and when it is empty no single answer changes the result", () => {
    const SINGLE_FACTS = [
      "sex.act",
      "sex.valueExchanged",
      "sex.explicitPerformance",
      "sex.explicitMaterial",
      "labor.performed",
      "means.force",
      "means.fraud",
      "means.coercion",
      "context.crossesStateLines",
      "context.minorInCustodyForProstitution",
    ];
    const valueAt = (facts: Record<string, unknown>, path: string) => {
      const [group, key] = path.split(".") as [string, string];
      return (facts[group] as Record<string, unknown> | undefined)?.[key];
    };
    const withValue = (facts: Record<string, unknown>, path: string, value: boolean) => {
      const [group, key] = path.split(".") as [string, string];
      return { ...facts, [group]: { ...(facts[group] as object), [key]: value } };
    };
    const outcome = (a: ReturnType<typeof assess>) => [
      a.determination,
      a.actions,
      a.offenses,
      a.nibrs,
    ];
    fc.assert(
      fc.property(factsArb, (facts) => {
        const f = facts as Record<string, unknown>;
        const a = assess(parseFacts(f));
        for (const path of a.missing) {
          if (SINGLE_FACTS.includes(path))
            assert.equal(valueAt(f, path) ?? null, null, `${path} is known`);
        }
        if (a.missing.length > 0) return;
        for (const path of SINGLE_FACTS) {
          if ((valueAt(f, path) ?? null) !== null) continue;
          for (const value of [true, false]) {
            const b = assess(parseFacts(withValue(f, path, value)));
            assert.deepEqual(
              outcome(b),
              outcome(a),
              `${path}=${value} changed a result with nothing missing`,
            );
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("any JSON either assesses or fails with a field-level error, never a crash", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.json(),
          fc.string(),
          factsArb.map((f) => JSON.stringify(f)),
        ),
        (text) => {
          try {
            const a = assess(parseFactsJson(text));
            assert.ok(a.determination);
          } catch (e) {
            assert.ok(e instanceof FactsError, `unexpected ${e}`);
            assert.ok(!e.message.includes("\n"));
            assert.ok(e.field.length > 0);
            assert.ok(e.message.startsWith(`${e.field}: `));
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  ageOn,
  endBeforeStartProblem,
  intakeProblems,
  personAgeProblems,
  screenedAgeProblems,
} from "../../src/domain/consistency.ts";

const isoDay = fc
  .date({
    min: new Date("1900-01-01T00:00:00Z"),
    max: new Date("2100-12-31T00:00:00Z"),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

describe("consistency checks (issue 13)", () => {
  it("counts a birthday on the day, and not the day before", () => {
    assert.equal(ageOn("2010-06-15", "2026-06-15"), 16);
    assert.equal(ageOn("2010-06-15", "2026-06-14"), 15);
    assert.equal(ageOn("2008-02-29", "2026-02-28"), 17);
    assert.equal(ageOn("2008-02-29", "2026-03-01"), 18);
  });

  it("gives the age the birth date gives, never a negative one, for any two days in order", () => {
    fc.assert(
      fc.property(isoDay, isoDay, (a, b) => {
        const [born, on] = a <= b ? [a, b] : [b, a];
        const age = ageOn(born, on);
        assert.ok(age >= 0);
        assert.deepEqual(
          personAgeProblems({ part: "victim", birthDate: born, ageYears: age }, on, "p"),
          [],
        );
        const wrong = personAgeProblems(
          { part: "victim", birthDate: born, ageYears: age + 1 },
          on,
          "p",
        );
        assert.equal(wrong[0]?.field, "p.ageYears");
        assert.equal(wrong[0]?.rule, "age_disagrees_with_birth_date");
      }),
    );
  });

  it("refuses a birth date after the day of the report, naming the birth date", () => {
    const [p] = personAgeProblems(
      { part: "victim", birthDate: "2026-12-03" },
      "2026-12-02",
      "persons.0",
    );
    assert.equal(p?.field, "persons.0.birthDate");
    assert.match(p?.message ?? "", /after the day the report was received/);
  });

  it("refuses a victim aged 16 after the screening said 15, in plain words next to the age", () => {
    const [p] = screenedAgeProblems([{ part: "victim", ageYears: 16 }], { age: 15 }, "2026-12-02");
    assert.equal(p?.field, "persons.0.ageYears");
    assert.equal(p?.rule, "age_disagrees_with_screening");
    assert.doesNotMatch(p?.message ?? "", /expected|persons\./);
    assert.deepEqual(
      screenedAgeProblems([{ part: "victim", ageYears: 15 }], { age: 15 }, "2026-12-02"),
      [],
    );
  });

  it("accepts any victim matching the screened age, and ignores people who are not victims", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 120 }),
        (screened, other) => {
          const people = [
            { part: "suspected_trafficker", ageYears: other },
            { part: "victim", ageYears: other },
            { part: "victim", ageYears: screened },
          ];
          assert.deepEqual(screenedAgeProblems(people, { age: screened }, "2026-12-02"), []);
          const problems = screenedAgeProblems(people.slice(0, 2), { age: screened }, "2026-12-02");
          assert.equal(problems.length, screened === other ? 0 : 1);
        },
      ),
    );
  });

  it("checks minor or adult against the screening's age group (under 18 is a minor)", () => {
    const day = "2026-12-02";
    assert.equal(
      screenedAgeProblems([{ part: "victim", ageYears: 18 }], { ageGroup: "minor" }, day)[0]?.rule,
      "minority_disagrees_with_screening",
    );
    assert.deepEqual(
      screenedAgeProblems([{ part: "victim", ageYears: 17 }], { ageGroup: "minor" }, day),
      [],
    );
    assert.equal(
      screenedAgeProblems(
        [{ part: "victim", birthDate: "2010-01-01" }],
        { ageGroup: "adult" },
        day,
      )[0]?.field,
      "persons.0.birthDate",
    );
  });

  it("reports a person's own problem before the screening's", () => {
    const problems = intakeProblems(
      [{ part: "victim", ageYears: 16, birthDate: "2011-01-01" }],
      { age: 14 },
      "2026-12-02",
    );
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.rule, "age_disagrees_with_birth_date");
  });

  it("accepts an end on or after the start, and refuses one before it, for any two days", () => {
    fc.assert(
      fc.property(isoDay, isoDay, (a, b) => {
        const problem = endBeforeStartProblem(a, b, "endsOn");
        assert.equal(problem === null, b >= a);
        if (problem) assert.equal(problem.field, "endsOn");
      }),
    );
    assert.equal(endBeforeStartProblem(undefined, "2026-01-01", "endsOn"), null);
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { STAFF_MESSAGES } from "../../src/web/i18n/staff/messages.ts";
import { plainProblem } from "../../src/web/staff/field-problems.ts";

const t = (key: string) => (STAFF_MESSAGES.en as Record<string, string>)[key] ?? key;

describe("field problems in plain words (issue 13)", () => {
  it("never shows the server's developer text", () => {
    const said = (message: string, field?: string) =>
      plainProblem(t as never, field ? { message, field } : { message });
    const field = "persons.0.familyName";
    assert.equal(
      said(`${field}: Too big: expected string to have <=200 characters`, field),
      "This is too long. Shorten it and try again.",
    );
    assert.equal(
      said("persons.0.ageYears: Too big: expected number to be <=120", "persons.0.ageYears"),
      "This number is too large.",
    );
    assert.equal(
      said("birthDate: Invalid ISO date", "birthDate"),
      "Enter a date with day, month and year.",
    );
    assert.equal(
      said("x: is not a known field", "x"),
      "This is not valid. Check it and try again.",
    );
  });

  it("keeps a sentence the server wrote for people", () => {
    const message = "The end date must be on or after the start date.";
    assert.equal(plainProblem(t as never, { message, field: "endsOn" }), message);
  });
});

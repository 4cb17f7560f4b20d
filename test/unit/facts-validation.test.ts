import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { FactsError, parseFactsJson } from "../../src/domain/assessment/index.ts";

describe("facts validation", () => {
  const cases: [string, string, string][] = [
    ['{"subject":{"age":130}}', "subject.age", "between 0 and 120"],
    ['{"subject":{"age":15.5}}', "subject.age", "whole number"],
    ['{"subject":{"age":"15"}}', "subject.age", "number"],
    ['{"subject":{"ageGroup":"teen"}}', "subject.ageGroup", '"minor" or "adult"'],
    ['{"subject":{"agee":15}}', "subject.agee", "not a known field"],
    ['{"colour":"red"}', "colour", "not a known field"],
    ['{"sex":{"act":"yes"}}', "sex.act", "true, false or null"],
    ['{"indicators":["not_free_to_leave","tattoo"]}', "indicators.1", "not an indicator id"],
    ['{"indicators":"branded"}', "indicators", "list"],
    ['{"subject":{"citizenship":"martian"}}', "subject.citizenship", "us_citizen"],
    ["[]", "facts", "JSON object"],
    ["null", "facts", "JSON object"],
    ["{", "input", "not valid JSON"],
    ["", "input", "not valid JSON"],
  ];
  for (const [text, field, problem] of cases) {
    it(`${text || "(empty)"} names ${field}`, () => {
      assert.throws(
        () => parseFactsJson(text),
        (e: unknown) => e instanceof FactsError && e.field === field && e.problem.includes(problem),
      );
    });
  }

  it("accepts the empty document and explicit nulls as unknown", () => {
    parseFactsJson("{}");
    parseFactsJson('{"subject":{"age":null,"ageGroup":null},"means":{"force":null}}');
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  MAX_OUTCOME_BITS,
  OUTCOME_LAYOUT,
  outcomeLayout,
} from "../../src/domain/assessment/missing.ts";
import {
  ACTION_IDS,
  DETERMINATIONS,
  NIBRS_CODES,
  OFFENSES,
} from "../../src/domain/assessment/vocabulary.ts";

const SIZES = {
  determinations: DETERMINATIONS.length,
  actions: ACTION_IDS.length,
  offenses: OFFENSES.length,
  nibrs: NIBRS_CODES.length,
};

// `missing` memoises each outcome as one packed integer; a vocabulary wider than the packing
// would silently drop actions from the comparison, so the layout must follow the vocabulary.
describe("packed assessment outcome", () => {
  it("gives every action, offense and NIBRS code its own bit and the determination its number", () => {
    assert.equal(OUTCOME_LAYOUT.actions.width, ACTION_IDS.length);
    assert.equal(OUTCOME_LAYOUT.offenses.width, OFFENSES.length);
    assert.equal(OUTCOME_LAYOUT.nibrs.width, NIBRS_CODES.length);
    // Determinations are numbered from 1 (0 means "not computed"): n + 1 values to hold.
    assert.ok(2 ** OUTCOME_LAYOUT.determination.width >= DETERMINATIONS.length + 1);
    assert.equal(OUTCOME_LAYOUT.determination.shift, 0);
  });

  it("lays the fields end to end within what JavaScript's bitwise operators hold", () => {
    const { determination, actions, offenses, nibrs, width } = OUTCOME_LAYOUT;
    let next = 0;
    for (const field of [determination, actions, offenses, nibrs]) {
      assert.equal(field.shift, next, "fields neither overlap nor leave gaps");
      next += field.width;
    }
    assert.equal(width, next);
    assert.ok(width <= MAX_OUTCOME_BITS, `${width} bits`);
    assert.equal(MAX_OUTCOME_BITS, 31, "one bit short of 32: packed values stay positive");
  });

  it("takes actions up to the last free bit and refuses one more", () => {
    const room = MAX_OUTCOME_BITS - OUTCOME_LAYOUT.width;
    const fits = outcomeLayout({ ...SIZES, actions: ACTION_IDS.length + room });
    assert.equal(fits.width, MAX_OUTCOME_BITS);
    assert.throws(
      () => outcomeLayout({ ...SIZES, actions: ACTION_IDS.length + room + 1 }),
      /needs 32 bits .* packs it into 31: widen the packing/,
    );
  });

  it("refuses a vocabulary of 32 actions or more, whatever else is in it", () => {
    for (const actions of [32, 33, 64])
      assert.throws(
        () => outcomeLayout({ determinations: 1, actions, offenses: 0, nibrs: 0 }),
        /widen the packing/,
      );
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ACTION_IDS, DETERMINATIONS } from "../../src/domain/assessment/index.ts";
import {
  ACTION_RULES,
  DETERMINATION_RULES,
  POSSIBLE_RULES,
} from "../../src/domain/assessment/rules.ts";
import { CATALOGUES, LANGUAGES } from "../../src/domain/i18n/index.ts";

describe("message catalogues", () => {
  it("have the same keys in every language, none empty", () => {
    const keys = Object.keys(CATALOGUES.en).sort();
    for (const lang of LANGUAGES) {
      assert.deepEqual(Object.keys(CATALOGUES[lang]).sort(), keys, lang);
      for (const [k, v] of Object.entries(CATALOGUES[lang]))
        assert.ok(v.trim().length > 0, `${lang} ${k}`);
    }
  });

  it("word every rule, action and determination", () => {
    const en = CATALOGUES.en as Record<string, string>;
    const rules = [...DETERMINATION_RULES, ...POSSIBLE_RULES, ...ACTION_RULES].map(
      (r) => `rule.${r.id}`,
    );
    for (const key of [
      ...rules,
      ...ACTION_IDS.map((a) => `action.${a}`),
      ...DETERMINATIONS.map((d) => `determination.${d}`),
    ]) {
      assert.ok(en[key], key);
    }
  });

  it("keep placeholders the same across languages", () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join();
    for (const [key, text] of Object.entries(CATALOGUES.en)) {
      for (const lang of LANGUAGES) {
        assert.equal(
          placeholders((CATALOGUES[lang] as Record<string, string>)[key] ?? ""),
          placeholders(text),
          `${lang} ${key}`,
        );
      }
    }
  });
});

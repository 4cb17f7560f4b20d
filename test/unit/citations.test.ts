import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ACTION_IDS, assess, type Facts } from "../../src/domain/assessment/index.ts";
import {
  ACTION_RULES,
  DETERMINATION_RULES,
  POSSIBLE_RULES,
} from "../../src/domain/assessment/rules.ts";
import { RAT_SEATS } from "../../src/domain/coordination/rapid-assessment-team.ts";
import { STATUTORY_BASES } from "../../src/domain/coordination/referral.ts";
import { SPECIALIZED_PLAN_CITATION } from "../../src/domain/coordination/service-plan.ts";
import { CATALOGUES, LANGUAGES } from "../../src/domain/i18n/index.ts";
import { en as webEn } from "../../src/web/i18n/en.ts";
import { es as webEs } from "../../src/web/i18n/es.ts";
import { STAFF_MESSAGES } from "../../src/web/i18n/staff/messages.ts";

/**
 * What a person reads as a source is the law (a statute, a bill, a rule) or guidance named by the
 * body that issued it: never a file of ours (DOMAIN.md, CONTRACT.md) or a bare "§" of one.
 */
function problemOf(text: string): string | null {
  if (/DOMAIN|CONTRACT|\.md\b|contract rule/i.test(text)) return "names an internal file";
  if (/[{}]/.test(text)) return "has an unfilled placeholder";
  // Every § is a Mississippi Code section: "Miss. Code" comes first and a section number follows.
  for (const m of text.matchAll(/§§?/g)) {
    const before = text.slice(0, m.index);
    const after = text.slice((m.index ?? 0) + m[0].length);
    if (!/Miss\. Code/.test(before) || !/^\s\d+-\d+-\d+/.test(after))
      return "has a § that is not a statute's section";
  }
  return null;
}

/** Facts that, together, make every rule of the engine fire at least once. */
function* factCombinations(): Generator<Facts> {
  for (const age of [15, 30, undefined])
    for (const sex of [
      { act: true, valueExchanged: true },
      { act: true, valueExchanged: null },
      {},
    ])
      for (const means of [
        { coercion: true },
        { coercion: null },
        { force: false, fraud: false, coercion: false },
      ])
        for (const extra of [
          {},
          { indicators: ["not_free_to_leave"] },
          { indicators: ["poverty"] },
          { labor: { performed: true } },
          { context: { crossesStateLines: true, minorInCustodyForProstitution: true } },
          { subject: { citizenship: "foreign_national", consented: true } },
        ])
          yield {
            ...extra,
            subject: {
              ...("subject" in extra ? extra.subject : {}),
              ...(age === undefined ? {} : { age }),
            },
            sex,
            means,
          } as Facts;
}

describe("citations and messages people read", () => {
  it("cite a statute or the issuing body in every assessment, in both languages", () => {
    const seenRules = new Set<string>();
    const seenActions = new Set<string>();
    for (const lang of LANGUAGES)
      for (const facts of factCombinations()) {
        const a = assess(facts, { lang });
        for (const r of a.rationale) {
          seenRules.add(r.rule);
          assert.equal(problemOf(r.citation), null, `${lang} rule ${r.rule}: "${r.citation}"`);
        }
        for (const d of a.actionDetails) {
          seenActions.add(d.id);
          assert.equal(problemOf(d.citation), null, `${lang} action ${d.id}: "${d.citation}"`);
        }
      }
    // The sweep really reached every rule and action, so none went unchecked.
    for (const r of [
      ...DETERMINATION_RULES,
      ...POSSIBLE_RULES,
      ...ACTION_RULES,
      { id: "not_indicated" },
    ])
      assert.ok(seenRules.has(r.id), `rule ${r.id} never fired`);
    for (const id of ACTION_IDS) assert.ok(seenActions.has(id), `action ${id} never listed`);
  });

  it("name no internal file in the coordination citations", () => {
    const citations = [
      SPECIALIZED_PLAN_CITATION,
      ...Object.values(STATUTORY_BASES).map((b) => b.citation),
      ...Object.values(RAT_SEATS).map((s) => s.citation),
    ];
    for (const c of citations) assert.equal(problemOf(c), null, c);
  });

  it("name no internal file in any message catalogue, in either language", () => {
    const catalogues = {
      "domain en": CATALOGUES.en,
      "domain es": CATALOGUES.es,
      "web en": webEn,
      "web es": webEs,
      "staff en": STAFF_MESSAGES.en,
      "staff es": STAFF_MESSAGES.es,
    };
    for (const [name, messages] of Object.entries(catalogues))
      for (const [key, text] of Object.entries(messages as Record<string, string>)) {
        // Placeholders ({age}) are the catalogues' own; only the wording is checked here.
        const problem = problemOf(text.replace(/\{\w+\}/g, ""));
        assert.equal(problem, null, `${name} ${key}: "${text}"`);
      }
  });
});

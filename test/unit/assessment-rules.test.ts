import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  ACTION_CATALOGUE,
  ACTION_IDS,
  assess,
  MINOR_ONLY_ACTIONS,
  parseFacts,
} from "../../src/domain/assessment/index.ts";

const commercialSex = { act: true, valueExchanged: true };
const run = (facts: unknown) => assess(parseFacts(facts));

describe("assessment rules: the age boundary (rule 1)", () => {
  const table: [unknown, string, string][] = [
    [{ age: 0 }, "minor", "sex_trafficking_minor"],
    [{ age: 17 }, "minor", "sex_trafficking_minor"],
    [{ age: 18 }, "adult", "possible_trafficking"],
    [{ age: 120 }, "adult", "possible_trafficking"],
    [{ ageGroup: "minor" }, "minor", "sex_trafficking_minor"],
    [{ ageGroup: "adult" }, "adult", "possible_trafficking"],
    // age decides when both are given
    [{ age: 17, ageGroup: "adult" }, "minor", "sex_trafficking_minor"],
    [{ age: 18, ageGroup: "minor" }, "adult", "possible_trafficking"],
    [{}, "unknown", "possible_trafficking"],
  ];
  for (const [subject, status, determination] of table) {
    it(`${JSON.stringify(subject)} is ${status}: ${determination}`, () => {
      const a = run({ subject, sex: commercialSex });
      assert.equal(a.age.status, status);
      assert.equal(a.determination, determination);
    });
  }

  it("17 gets the minor's reports and 18 does not", () => {
    const at17 = run({ subject: { age: 17 }, sex: commercialSex });
    const at18 = run({ subject: { age: 18 }, sex: commercialSex, means: { coercion: true } });
    for (const id of MINOR_ONLY_ACTIONS) {
      if (id !== "cps_specialized_plan") assert.ok(at17.actions.includes(id), id);
      assert.ok(!at18.actions.includes(id), id);
    }
  });
});

describe("assessment rules: each action rule (rule 10)", () => {
  const table: [string, unknown, string[], string[]][] = [
    [
      "minor, possible trafficking: the reports but not the victim-care plan",
      { subject: { age: 14 }, indicators: ["branded"] },
      [
        "report_cps",
        "report_mbi_ht_coordinator",
        "report_attorney_general",
        "rapid_assessment_team",
        "cps_in_person_contact_24h",
        "contact_victim_advocate",
        "document_everything",
      ],
      [
        "cps_specialized_plan",
        "medical_or_shelter_not_detention",
        "national_hotline",
        "offer_law_enforcement_contact",
      ],
    ],
    [
      "minor in labor trafficking: the specialized plan and medical care too",
      { subject: { age: 16 }, labor: { performed: true }, means: { force: true } },
      ["report_cps", "cps_specialized_plan", "medical_or_shelter_not_detention"],
      ["offer_law_enforcement_contact"],
    ],
    [
      "adult: advocate, hotline, law enforcement only with consent, documentation",
      { subject: { age: 40 }, labor: { performed: true }, means: { fraud: true } },
      [
        "contact_victim_advocate",
        "national_hotline",
        "offer_law_enforcement_contact",
        "document_everything",
      ],
      [
        "report_cps",
        "report_mbi_ht_coordinator",
        "report_attorney_general",
        "rapid_assessment_team",
        "cps_in_person_contact_24h",
        "cps_specialized_plan",
        "establish_age",
      ],
    ],
    [
      "age unknown: establish the age first",
      { indicators: ["not_free_to_leave"] },
      ["establish_age", "contact_victim_advocate", "national_hotline", "document_everything"],
      ["report_cps", "offer_law_enforcement_contact"],
    ],
    [
      "minor in custody for prostitution: notify CPS",
      {
        subject: { age: 15 },
        sex: commercialSex,
        context: { minorInCustodyForProstitution: true },
      },
      ["notify_cps_minor_in_custody"],
      [],
    ],
    [
      "crossing state lines: the FBI",
      {
        subject: { age: 30 },
        sex: commercialSex,
        means: { force: true },
        context: { crossesStateLines: true },
      },
      ["notify_fbi"],
      [],
    ],
    [
      "crossing state lines but nothing indicated: no FBI",
      { subject: { age: 30 }, context: { crossesStateLines: true } },
      [],
      ["notify_fbi"],
    ],
    [
      "foreign national: immigration relief",
      {
        subject: { age: 25, citizenship: "foreign_national" },
        labor: { performed: true },
        means: { coercion: true },
      },
      ["immigration_relief_referral"],
      [],
    ],
    [
      "permanent resident: no immigration referral needed",
      {
        subject: { age: 25, citizenship: "permanent_resident" },
        labor: { performed: true },
        means: { coercion: true },
      },
      [],
      ["immigration_relief_referral"],
    ],
    [
      "not indicated: no reporting actions at all",
      { subject: { age: 16 }, indicators: ["poverty", "gang_involvement"] },
      [],
      ["report_cps", "report_mbi_ht_coordinator", "rapid_assessment_team", "notify_fbi"],
    ],
  ];
  for (const [name, facts, include, exclude] of table) {
    it(name, () => {
      const a = run(facts);
      for (const id of include) assert.ok(a.actions.includes(id as never), `lacks ${id}`);
      for (const id of exclude) assert.ok(!a.actions.includes(id as never), `has ${id}`);
    });
  }
});

describe("assessment rules: determinations and offenses (rules 4-9)", () => {
  it("a minor's explicit performance or material is enough, without any exchange", () => {
    assert.equal(
      run({ subject: { age: 15 }, sex: { explicitMaterial: true } }).determination,
      "sex_trafficking_minor",
    );
    assert.equal(
      run({ subject: { age: 15 }, sex: { explicitPerformance: true } }).determination,
      "sex_trafficking_minor",
    );
  });

  it("unites offenses and NIBRS codes when several crimes hold (rule 7)", () => {
    const a = run({
      subject: { age: 16 },
      sex: commercialSex,
      labor: { performed: true },
      means: { force: true },
    });
    assert.equal(a.determination, "sex_trafficking_minor");
    assert.deepEqual([...a.offenses].sort(), [
      "human_trafficking",
      "procuring_sexual_servitude_of_minor",
    ]);
    assert.deepEqual(a.nibrs, ["64A", "64B"]);
  });

  it("a minor's sex act with the exchange unknown is possible trafficking (rule 8)", () => {
    const a = run({ subject: { age: 16 }, sex: { act: true } });
    assert.equal(a.determination, "possible_trafficking");
    assert.deepEqual(a.offenses, []);
    assert.equal(a.missing[0], "sex.valueExchanged");
  });

  it("explains every rule that fired with a citation (rule 11)", () => {
    const a = run({
      subject: { age: 16, consented: true },
      sex: commercialSex,
      context: { believedAdult: true },
    });
    const rules = a.rationale.map((r) => r.rule);
    for (const rule of [
      "age",
      "commercial_sex",
      "minor_consent_irrelevant",
      "minor_commercial_sex",
      "minor_reports",
      "minor_victim_care",
    ]) {
      assert.ok(rules.includes(rule), rule);
    }
    assert.ok(a.rationale.every((r) => r.citation.length > 0 && r.text.length > 0));
  });

  it("gives every action a label, a contact, a deadline and a citation", () => {
    for (const id of ACTION_IDS) assert.ok(ACTION_CATALOGUE[id], id);
    const a = run({
      subject: { age: 16 },
      sex: commercialSex,
      context: { crossesStateLines: true },
    });
    const cps = a.actionDetails.find((d) => d.id === "report_cps");
    assert.deepEqual(
      { phone: cps?.phone, deadline: cps?.deadline, hours: cps?.deadlineHours },
      { phone: "1-800-222-8000", deadline: "immediately", hours: 0 },
    );
    const rat = a.actionDetails.find((d) => d.id === "rapid_assessment_team");
    assert.equal(rat?.deadline, "within 24 hours");
    assert.equal(rat?.deadlineHours, 24);
  });

  it("speaks Spanish without changing the result", () => {
    const facts = { subject: { age: 16 }, sex: commercialSex };
    const en = assess(parseFacts(facts));
    const es = assess(parseFacts(facts), { lang: "es" });
    assert.deepEqual(es.actions, en.actions);
    assert.equal(es.determination, en.determination);
    assert.notEqual(es.determinationLabel, en.determinationLabel);
    assert.equal(es.actionDetails[0]?.deadline, "de inmediato");
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseFacts, RED_FLAGS, RISK_FACTORS } from "../../src/domain/assessment/index.ts";
import {
  QUESTIONNAIRE_MESSAGES,
  questionnaireIn,
} from "../../src/domain/questionnaire/definition.ts";
import { QUESTIONS } from "../../src/domain/questionnaire/questions.ts";
import { AnswerError, answersToFacts, nextStep } from "../../src/domain/questionnaire/screening.ts";
import { checkAgainst, loadExamples } from "../support/examples.ts";
import { screen } from "../support/screening-oracle.ts";

describe("questionnaire", () => {
  it("reaches each shared example's determination, asking the most decisive questions first", () => {
    const steps: Record<string, string> = {};
    for (const example of loadExamples()) {
      const facts = parseFacts(example.facts);
      const { step, questions, determinedAfter } = screen(facts);
      assert.deepEqual(checkAgainst(example.expect, step.assessment), [], example.name);
      steps[example.name] = `${determinedAfter}/${questions}`;
    }
    process.stdout.write(
      `# questions until determined / until nothing is missing: ${JSON.stringify(steps)}\n`,
    );
  });

  it("determines a clear case (a 15-year-old in commercial sex, no force) after three questions", () => {
    const clear = parseFacts({
      subject: { age: 15 },
      sex: { act: true, valueExchanged: true },
      means: { force: false, fraud: false, coercion: false },
    });
    const { step, determinedAfter } = screen(clear);
    assert.equal(step.assessment.determination, "sex_trafficking_minor");
    assert.equal(determinedAfter, 3);
  });

  it("opens with the age, then asks what matters for a minor", () => {
    const first = nextStep({});
    assert.equal(first.next?.id, "age");
    const second = nextStep({ age: 15 });
    assert.equal(second.next?.section, "sex");
  });

  it("keeps 'don't know' and 'prefers not to say' apart but reads both as unknown", () => {
    const a = answersToFacts({
      age: "prefers_not_to_say",
      sex_act: "dont_know",
      value_exchanged: "yes",
    });
    assert.deepEqual(a, { sex: { valueExchanged: true } });
  });

  it("makes coercion true on any yes, false only when every coercion question says no", () => {
    const no = {
      coercion_threats: "no",
      coercion_debt: "no",
      coercion_documents: "no",
      coercion_control: "no",
    };
    assert.equal(answersToFacts(no).means?.coercion, false);
    assert.equal(answersToFacts({ ...no, coercion_debt: "dont_know" }).means?.coercion, undefined);
    assert.equal(answersToFacts({ ...no, coercion_documents: "yes" }).means?.coercion, true);
    assert.deepEqual(answersToFacts({ coercion_threats: "yes" }).indicators, ["threats"]);
  });

  it("rejects unknown questions and answers, naming them", () => {
    assert.throws(
      () => answersToFacts({ shoe_size: "yes" }),
      (e: unknown) => e instanceof AnswerError && e.field === "answers.shoe_size",
    );
    assert.throws(
      () => answersToFacts({ sex_act: "maybe" }),
      (e: unknown) => e instanceof AnswerError && e.field === "answers.sex_act",
    );
    assert.throws(() => answersToFacts({ age: 121 }), AnswerError);
  });

  it("covers every red flag and risk factor of the catalogue", () => {
    const asked = new Set(QUESTIONS.flatMap((q) => (q.kind === "yes_no" ? q.indicators : [])));
    for (const id of [...RED_FLAGS, ...RISK_FACTORS]) {
      if (id === "threats" || id === "isolation") continue; // asked as part of coercion
      assert.ok(asked.has(id), id);
    }
    assert.ok(asked.has("threats") && asked.has("isolation"));
  });

  it("serves English and Spanish with the same questions and every option labelled", () => {
    const en = questionnaireIn("en");
    const es = questionnaireIn("es");
    assert.deepEqual(
      es.questions.map((q) => q.id),
      en.questions.map((q) => q.id),
    );
    assert.equal(es.questions[0]?.text, "¿Qué edad tiene la persona?");
    for (const doc of [en, es]) {
      for (const q of doc.questions) {
        assert.ok(!q.text.startsWith("q.") && !q.help.startsWith("q."), q.id);
        for (const o of q.options) assert.ok(!o.label.startsWith("answer."), `${q.id} ${o.value}`);
        assert.ok(
          q.options.some((o) => o.value === "dont_know") &&
            q.options.some((o) => o.value === "prefers_not_to_say"),
        );
      }
    }
    assert.deepEqual(
      Object.keys(QUESTIONNAIRE_MESSAGES.es).sort(),
      Object.keys(QUESTIONNAIRE_MESSAGES.en).sort(),
    );
  });
});

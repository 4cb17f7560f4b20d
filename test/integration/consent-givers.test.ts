import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { LightMyRequestResponse } from "fastify";
import { type ConsentWorld, consentWorld } from "../support/consent-setup.ts";
import { describeOnEachDatabase } from "../support/databases.ts";

// Issue 10, defect 5: who may give a consent (34 U.S.C. 12291(b)(2)(B)(ii)).
describeOnEachDatabase("who may give a consent", (t) => {
  let w: ConsentWorld;
  before(async () => {
    w = await consentWorld(t);
  });
  after(async () => {
    await w.app.close();
  });

  const refused = (res: LightMyRequestResponse, why: string) => {
    assert.equal(res.statusCode, 422, `${why}: ${res.body}`);
    const { error } = res.json() as { error: { code: string; field: string; message: string } };
    assert.equal(error.code, "consent_giver_not_allowed", why);
    assert.equal(error.field, "givenByPersonId", why);
    assert.match(error.message, /givenByPersonId/, why);
  };

  for (const part of ["suspected_trafficker", "purchaser", "facilitator"] as const) {
    it(`refuses a ${part} on the case as the giver, for an adult and for a minor`, async () => {
      for (const c of [w.adult, w.minor])
        refused(await w.consent(c, "law_enforcement", ["identity"], c.person[part]), part);
      const stored = await t.db.kysely
        .selectFrom("consents")
        .select("id")
        .where("given_by_person_id", "=", w.adult.person[part])
        .execute();
      assert.deepEqual(stored, [], "nothing was recorded");
    });
  }

  it("accepts the adult victim's own consent, and no one else's for them", async () => {
    const own = await w.consent(w.adult, "law_enforcement", ["identity"]);
    assert.equal(own.statusCode, 201, own.body);
    refused(
      await w.consent(w.adult, "law_enforcement", ["identity"], w.adult.person.family),
      "a relative cannot consent for an adult",
    );
  });

  it("accepts a non-offending family member (the guardian) for a minor, and the minor", async () => {
    const guardian = await w.consent(w.minor, "medical", ["health"], w.minor.person.family);
    assert.equal(guardian.statusCode, 201, guardian.body);
    const self = await w.consent(w.minor, "medical", ["services"]);
    assert.equal(self.statusCode, 201, self.body);
  });

  it("refuses a family member who is also recorded as suspected on a case they share", async () => {
    await t.db.kysely
      .insertInto("case_persons")
      .values({ case_id: w.minor.id, person_id: w.minor.person.family, part: "facilitator" })
      .execute();
    refused(
      await w.consent(w.minor, "medical", ["health"], w.minor.person.family),
      "a relative who facilitated",
    );
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ACTION_CATALOGUE } from "../../src/domain/assessment/actions.ts";
import { CONTACTS, telHref } from "../../src/domain/contacts.ts";

/** 911 is dialled as itself; every other number as +1 and ten digits (DOMAIN.md §4–5). */
const WELL_FORMED = /^tel:(911|\+1[2-9]\d{9})$/;

describe("tap-to-call links from the contacts catalogue", () => {
  it("builds a well-formed tel: link for every contact", () => {
    for (const contact of Object.values(CONTACTS)) {
      assert.match(telHref(contact), WELL_FORMED, contact.id);
      const digits = contact.phone.replace(/\D/g, "").replace(/^1(?=\d{10}$)/, "");
      assert.ok(telHref(contact).endsWith(digits), `${contact.id} dials its printed number`);
    }
  });

  it("dials emergency as tel:911, not +1911", () => {
    assert.equal(telHref(CONTACTS.emergency), "tel:911");
  });

  it("dials the hotlines DOMAIN.md gives in E.164", () => {
    assert.equal(telHref(CONTACTS.cpsHotline), "tel:+18002228000");
    assert.equal(telHref(CONTACTS.nationalHotline), "tel:+18883737888");
    assert.equal(telHref(CONTACTS.theTower), "tel:+16013608701");
    assert.equal(telHref(CONTACTS.crisisLine), "tel:+18002664198");
    assert.equal(telHref(CONTACTS.adultProtectiveServices), "tel:+18444376282");
  });

  it("gives every action with a number a well-formed link", () => {
    for (const spec of Object.values(ACTION_CATALOGUE)) {
      if (spec.phone) assert.match(telHref(spec.phone), WELL_FORMED, spec.id);
    }
  });
});

import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { fixedClock } from "../../src/server/clock.ts";
import { testApp, testContext } from "../support/context.ts";
import { describeOnEachDatabase } from "../support/databases.ts";
import { buildAgency, buildUser } from "../support/factories.ts";
import { signedIn, type TestClient } from "../support/http-client.ts";

// A JPEG's first bytes (SOI and an APP0 marker), then filler: enough for the signature check.
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60, 0x20)]);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>\n');
const HTML = Buffer.from("<html><body><script>alert(1)</script></body></html>\n");

/** Issue 10, defect 10: the served name takes the extension of the type the bytes were found to be. */
describeOnEachDatabase("document downloads", (t) => {
  const clock = fixedClock(new Date("2026-10-05T16:00:00Z"));
  let app: FastifyInstance;
  let advocate: TestClient;
  let caseId: string;

  before(async () => {
    const ctx = testContext(t.db, clock);
    app = await testApp(ctx);
    const agency = await buildAgency(t.db, { kind: "victim_services", county_fips: "28049" });
    const user = await buildUser(ctx, { agencyId: agency.id, role: "victim_advocate", mfa: true });
    advocate = await signedIn(app, user, clock);
    const res = await advocate.post("/api/v1/cases", {
      source: "shelter",
      countyFips: "28049",
      persons: [{ part: "victim", givenName: "Synthetic", ageYears: 30 }],
      facts: { subject: { age: 30 }, labor: { performed: true }, means: { force: true } },
    });
    assert.equal(res.statusCode, 201, res.body);
    caseId = res.json().caseId;
  });
  after(async () => {
    await app.close();
  });

  async function roundTrip(name: string, type: string, body: Buffer) {
    const up = await app.inject({
      method: "POST",
      url: `/api/v1/cases/${caseId}/documents?name=${encodeURIComponent(name)}`,
      headers: {
        cookie: advocate.cookie as string,
        "x-csrf-token": advocate.csrf as string,
        "content-type": type,
      },
      payload: body,
    });
    assert.equal(up.statusCode, 201, up.body);
    const down = await app.inject({
      method: "GET",
      url: `/api/v1/documents/${up.json().id}`,
      headers: { cookie: advocate.cookie as string },
    });
    assert.equal(down.statusCode, 200, down.body);
    assert.deepEqual(down.rawPayload, body);
    assert.equal(down.headers["x-content-type-options"], "nosniff");
    const listed = (await advocate.get(`/api/v1/cases/${caseId}/documents`)).json().documents;
    const entry = listed.find((d: { id: string }) => d.id === up.json().id);
    return {
      type: String(down.headers["content-type"]),
      disposition: String(down.headers["content-disposition"]),
      listedName: entry?.fileName as string,
    };
  }

  it("serves a JPEG uploaded as invoice.exe as invoice.jpg, image/jpeg", async () => {
    const got = await roundTrip("invoice.exe", "image/jpeg", JPEG);
    assert.equal(got.type, "image/jpeg");
    assert.equal(
      got.disposition,
      `attachment; filename*=UTF-8''invoice.jpg; filename="invoice.jpg"`,
    );
    assert.equal(got.listedName, "invoice.jpg");
  });

  it("serves SVG and HTML names holding text as .txt under text/plain", async () => {
    const svg = await roundTrip("logo.svg", "text/plain", SVG);
    assert.match(svg.type, /^text\/plain/);
    assert.equal(svg.disposition, `attachment; filename*=UTF-8''logo.txt; filename="logo.txt"`);
    const html = await roundTrip("statement.html", "text/plain", HTML);
    assert.match(html.type, /^text\/plain/);
    assert.equal(
      html.disposition,
      `attachment; filename*=UTF-8''statement.txt; filename="statement.txt"`,
    );
  });

  it("keeps an extension that fits, appends one that is missing", async () => {
    const jpeg = await roundTrip("Photo.JPEG", "image/jpeg", JPEG);
    assert.equal(
      jpeg.disposition,
      `attachment; filename*=UTF-8''Photo.JPEG; filename="Photo.JPEG"`,
    );
    const bare = await roundTrip("notes", "text/plain", Buffer.from("plain words\n"));
    assert.equal(bare.disposition, `attachment; filename*=UTF-8''notes.txt; filename="notes.txt"`);
  });

  it("sanitizes the name in both filename parameters", async () => {
    const got = await roundTrip(
      `résumé "x"; filename=evil.html`,
      "text/plain",
      Buffer.from("hi\n"),
    );
    assert.equal(
      got.disposition,
      `attachment; filename*=UTF-8''r%C3%A9sum%C3%A9%20_x_%3B%20filename%3Devil.txt; filename="r_sum_ _x__ filename=evil.txt"`,
    );
    const quote = await roundTrip("it's (final)*.txt", "text/plain", Buffer.from("hi\n"));
    assert.equal(
      quote.disposition,
      `attachment; filename*=UTF-8''it%27s%20%28final%29_.txt; filename="it's (final)_.txt"`,
    );
  });
});

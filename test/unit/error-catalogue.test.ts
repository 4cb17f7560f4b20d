import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/server/app.ts";
import { openDatabase } from "../../src/server/db/database.ts";
import { ERROR_CATALOGUE, ERROR_CODES } from "../../src/server/errors.ts";
import { testContext } from "../support/context.ts";

/** The catalogue as code → status and default message, the way docs/errors.md states it. */
const catalogue = Object.fromEntries(
  ERROR_CODES.map((code) => [code, { ...ERROR_CATALOGUE[code] }]),
);

/**
 * The table rows of docs/errors.md: | `code` | status | default message | what to do |
 * (cells trimmed: the formatter pads them to align the columns).
 */
function documentedCodes(): { code: string; status: number; message: string }[] {
  const text = readFileSync(new URL("../../docs/errors.md", import.meta.url), "utf8");
  return text.split("\n").flatMap((line) => {
    const cells = line.split("|").map((c) => c.trim());
    const code = /^`([a-z_]+)`$/.exec(cells[1] ?? "")?.[1];
    return line.startsWith("|") && code
      ? [{ code, status: Number(cells[2]), message: cells[3] ?? "" }]
      : [];
  });
}

describe("the error catalogue", () => {
  it("is listed exactly in docs/errors.md, each code once with its status and message", () => {
    const rows = documentedCodes();
    const codes = rows.map((r) => r.code);
    assert.deepEqual(
      codes.filter((c, i) => codes.indexOf(c) !== i),
      [],
      "docs/errors.md lists a code twice",
    );
    assert.deepEqual(
      Object.fromEntries(rows.map((r) => [r.code, { status: r.status, message: r.message }])),
      catalogue,
    );
  });

  describe("in the OpenAPI document", () => {
    // The document is built from the route schemas alone: building the app needs a database
    // handle but runs no statement, so an empty in-memory SQLite one serves (nothing migrated).
    const db = openDatabase({ kind: "sqlite", path: ":memory:" });
    let app: FastifyInstance;
    before(async () => {
      app = await buildApp({ config: { logLevel: "silent", env: "test" }, ctx: testContext(db) });
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it("every error reply's code enum is the catalogue's codes", async () => {
      const res = await app.inject({ method: "GET", url: "/api/openapi.json" });
      assert.equal(res.statusCode, 200);
      const doc = res.json() as {
        paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
      };
      const seen: string[] = [];
      for (const [path, operations] of Object.entries(doc.paths))
        for (const [method, operation] of Object.entries(operations))
          for (const [status, response] of Object.entries(operation.responses ?? {})) {
            // /readyz answers 503 with its readiness body, not an error body.
            if (Number(status) < 400 || path === "/readyz") continue;
            const where = `${method.toUpperCase()} ${path} ${status}`;
            const schema = (response as ErrorResponse).content?.["application/json"]?.schema;
            const codes = schema?.properties?.error?.properties?.code?.enum;
            assert.ok(codes, `${where} has no error body with a code enum`);
            assert.deepEqual([...codes].sort(), [...ERROR_CODES].sort(), where);
            seen.push(where);
          }
      assert.ok(seen.length > 50, `only ${seen.length} error replies found`);
    });
  });
});

interface ErrorResponse {
  content?: Record<
    string,
    { schema?: { properties?: { error?: { properties?: { code?: { enum?: string[] } } } } } }
  >;
}

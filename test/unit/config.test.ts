import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConfigError, loadConfig } from "../../src/server/config.ts";

describe("configuration", () => {
  it("has working defaults: SQLite under ./data, port 3000, demo on outside production", () => {
    const c = loadConfig({});
    assert.deepEqual(c.database, {
      kind: "sqlite",
      path: "./data/waypoint.db",
      synchronous: "full",
    });
    assert.deepEqual(loadConfig({ WAYPOINT_SQLITE_SYNCHRONOUS: "normal" }).database, {
      kind: "sqlite",
      path: "./data/waypoint.db",
      synchronous: "normal",
    });
    assert.equal(c.maxUploadBytes, 10 * 1024 * 1024);
    assert.equal(c.port, 3000);
    assert.equal(c.host, "127.0.0.1");
    assert.equal(c.demo, true);
  });

  it("selects PostgreSQL from a postgres:// URL", () => {
    const c = loadConfig({ DATABASE_URL: "postgres://postgres@127.0.0.1:5432/test" });
    assert.equal(c.database.kind, "postgres");
  });

  for (const [name, value] of [
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["DATABASE_URL", "mysql://x"],
    ["LOG_LEVEL", "loud"],
    ["WAYPOINT_DEMO", "maybe"],
    ["WAYPOINT_SQLITE_SYNCHRONOUS", "off"],
    ["WAYPOINT_MAX_UPLOAD_BYTES", "10"],
  ] as const) {
    it(`rejects ${name}=${value} with one line naming the variable`, () => {
      assert.throws(
        () => loadConfig({ [name]: value }),
        (e: unknown) =>
          e instanceof ConfigError && e.message.startsWith(`${name}:`) && !e.message.includes("\n"),
      );
    });
  }

  it("turns demo data off in production and refuses to turn it on", () => {
    assert.equal(loadConfig({ NODE_ENV: "production" }).demo, false);
    assert.throws(
      () => loadConfig({ NODE_ENV: "production", WAYPOINT_DEMO: "on" }),
      /WAYPOINT_DEMO/,
    );
  });
});

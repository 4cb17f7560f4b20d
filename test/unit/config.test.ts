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
    ["WAYPOINT_TRUST_PROXY", "true"],
    ["WAYPOINT_TRUST_PROXY", "on"],
    ["WAYPOINT_TRUST_PROXY", "proxy.example.org"],
    ["WAYPOINT_TRUST_PROXY", "10.0.0.0/33"],
    ["WAYPOINT_TRUST_PROXY", "127.0.0.1,,10.0.0.1"],
    ["WAYPOINT_TRUST_PROXY", "-1"],
    ["WAYPOINT_TRUST_PROXY", "21"],
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

  it("trusts no proxy by default, and reads WAYPOINT_TRUST_PROXY as addresses, ranges or a hop count", () => {
    assert.equal(loadConfig({}).trustProxy, false);
    for (const off of ["", "off", "0", "false", "no"])
      assert.equal(loadConfig({ WAYPOINT_TRUST_PROXY: off }).trustProxy, false, off);
    assert.deepEqual(loadConfig({ WAYPOINT_TRUST_PROXY: "127.0.0.1" }).trustProxy, ["127.0.0.1"]);
    assert.deepEqual(
      loadConfig({ WAYPOINT_TRUST_PROXY: " 10.0.0.0/8, ::1 ,fd00::/8,loopback" }).trustProxy,
      ["10.0.0.0/8", "::1", "fd00::/8", "loopback"],
    );
    assert.deepEqual(loadConfig({ WAYPOINT_TRUST_PROXY: "2" }).trustProxy, { hops: 2 });
  });

  it("refuses a hop count unless only a local proxy can reach the server (loopback HOST)", () => {
    assert.deepEqual(loadConfig({ WAYPOINT_TRUST_PROXY: "1", HOST: "::1" }).trustProxy, {
      hops: 1,
    });
    assert.throws(
      () => loadConfig({ WAYPOINT_TRUST_PROXY: "1", HOST: "0.0.0.0" }),
      (e: unknown) =>
        e instanceof ConfigError &&
        e.message.startsWith("WAYPOINT_TRUST_PROXY:") &&
        !e.message.includes("\n"),
    );
    assert.deepEqual(loadConfig({ WAYPOINT_TRUST_PROXY: "10.1.2.3", HOST: "0.0.0.0" }).trustProxy, [
      "10.1.2.3",
    ]);
  });
});

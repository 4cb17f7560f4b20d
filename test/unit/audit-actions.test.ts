import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { it } from "node:test";
import { fileURLToPath } from "node:url";
import { auditActionsEn } from "../../src/web/i18n/staff/audit.en.ts";
import { auditActionsEs } from "../../src/web/i18n/staff/audit.es.ts";

const SERVER = fileURLToPath(new URL("../../src/server", import.meta.url));

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourcesUnder(join(dir, e.name))
      : e.name.endsWith(".ts")
        ? [join(dir, e.name)]
        : [],
  );
}

/**
 * Every audit action code the server writes: each dotted string literal on a line that sets an
 * `action` (`action: "case.read"`, `action: escalation ? "obligation.escalate" : …`), and the
 * account changes an administrator makes (`user.${change}`, for each AccountChange).
 */
function actionCodesInServer(): Set<string> {
  const codes = new Set<string>();
  for (const file of sourcesUnder(SERVER)) {
    const text = readFileSync(file, "utf8");
    for (const line of text.split("\n")) {
      if (!/\baction:/.test(line)) continue;
      for (const m of line.matchAll(/["']([a-z_]+(?:\.[a-z_]+)+)["']/g)) codes.add(m[1] as string);
    }
    const change = /export type AccountChange = ([^;]+);/.exec(text);
    if (change)
      for (const m of (change[1] as string).matchAll(/"([a-z_]+)"/g)) codes.add(`user.${m[1]}`);
  }
  return codes;
}

it("finds the server's action codes (the scan itself works)", () => {
  const codes = actionCodesInServer();
  for (const known of ["case.read", "audit.export", "obligation.escalate", "user.unlock"])
    assert.ok(codes.has(known), `${known} not found by the scan`);
});

it("has a plain English and Spanish sentence for every action code the server writes", () => {
  const missing: string[] = [];
  for (const code of actionCodesInServer()) {
    if (!auditActionsEn[code]?.trim()) missing.push(`${code} (English)`);
    if (!auditActionsEs[code]?.trim()) missing.push(`${code} (Spanish)`);
  }
  assert.deepEqual(missing, [], "add these to src/web/i18n/staff/audit.en.ts / audit.es.ts");
});

it("says the same actions in both languages", () => {
  assert.deepEqual(Object.keys(auditActionsEs).sort(), Object.keys(auditActionsEn).sort());
});

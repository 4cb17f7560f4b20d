import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  accessDecisionsOutsidePolicy,
  caseDataStatementsOutsideRepositories,
  handPlacedAuditCalls,
  handWrittenWebReplyTypes,
  roleNamesInPolicy,
  type Site,
} from "../support/architecture.ts";

const where = (sites: Site[]) => sites.map((s) => `${s.file}:${s.line} ${s.text.trim()}`);

/**
 * The shape docs/architecture.md promises, read from the sources: a new use case that reaches
 * for SQL, decides access by a role's name, or appends audit rows by hand fails here, naming
 * the line, before it can leak a victim's data.
 */
describe("architecture", () => {
  it("no Kysely statement on a case-data table outside the repositories", () => {
    assert.deepEqual(where(caseDataStatementsOutsideRepositories()), []);
  });

  it("no access decided outside the policy module (role or agency-kind names, the role table)", () => {
    assert.deepEqual(where(accessDecisionsOutsidePolicy()), []);
  });

  it("the policy decides from the role table, never from a role's name", () => {
    assert.deepEqual(where(roleNamesInPolicy()), []);
  });

  it("audit rows are appended by the units of work, and directly only by named security events", () => {
    // Sign-in, MFA and token use are recorded although the request fails, and before there is
    // a signed-in caller: the one function recordSecurityEvent appends them, from these files.
    const files = [...new Set(handPlacedAuditCalls().map((s) => s.file))].sort();
    assert.deepEqual(files, [
      "src/server/use-cases/auth/authenticate.ts",
      "src/server/use-cases/auth/confirm-mfa-enrolment.ts",
      "src/server/use-cases/auth/pending-session.ts",
      "src/server/use-cases/auth/sign-in.ts",
      "src/server/use-cases/auth/sign-out.ts",
      "src/server/use-cases/auth/verify-mfa.ts",
    ]);
    for (const s of handPlacedAuditCalls()) assert.match(s.text, /recordSecurityEvent\(/, s.file);
  });

  it("the web writes no reply type by hand (it infers them from src/contract)", () => {
    assert.equal(handWrittenWebReplyTypes(), 0);
  });
});

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * Counts the code-shape measures of docs/architecture.md (issue 11) by reading the sources:
 * Kysely statements on case-data tables outside repositories, access decisions outside the
 * policy module, audit rows appended by hand, and hand-written web reply types. The
 * architecture test holds each at its allowed value; `npm run -s cli -- …` is not needed:
 * `node --import tsx test/support/architecture.ts` prints them.
 */
const ROOT = join(import.meta.dirname, "..", "..");

/** Tables that hold case data: a person's identity, a case's content, or its coordination. */
export const CASE_DATA_TABLES = [
  "assessments",
  "break_glass",
  "case_documents",
  "case_events",
  "case_notes",
  "case_number_counters",
  "case_persons",
  "case_team",
  "cases",
  "consents",
  "notifications",
  "obligations",
  "persons",
  "plan_items",
  "rat_seats",
  "rat_teams",
  "referrals",
  "service_plans",
  "tip_messages",
  "tip_receipts",
];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function read(path: string) {
  return readFileSync(join(ROOT, path), "utf8");
}

export interface Site {
  file: string;
  line: number;
  text: string;
}

function sites(files: string[], pattern: RegExp): Site[] {
  return files.flatMap((file) =>
    read(file)
      .split("\n")
      .flatMap((text, i) =>
        pattern.test(text) ? [{ file: relative(ROOT, join(ROOT, file)), line: i + 1, text }] : [],
      ),
  );
}

const STATEMENT = new RegExp(
  `\\.(selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin)\\(\\s*"(${CASE_DATA_TABLES.join("|")})[" ]`,
);

/** Server code that is not a repository, the database layer or the access policy's SQL helpers. */
function applicationFiles() {
  return sourceFiles("src/server").filter(
    (f) =>
      !f.startsWith("src/server/repositories/") &&
      !f.startsWith("src/server/db/") &&
      !f.startsWith("src/server/access/") &&
      !f.startsWith("src/server/demo/"),
  );
}

/** Kysely statements on case-data tables outside repositories. */
export function caseDataStatementsOutsideRepositories(): Site[] {
  return sites(applicationFiles(), STATEMENT);
}

const ROLE_IDS = [
  "system_admin",
  "agency_admin",
  "state_coordinator",
  "task_force_lead",
  "cps_investigator",
  "ht_investigator",
  "victim_advocate",
  "medical",
  "shelter_staff",
  "screener",
  "analyst",
];
const AGENCY_KINDS = ["cps", "victim_services", "law_enforcement", "medical", "shelter", "state"];

/**
 * Access decided outside the policy module: the role table read directly, a role or agency-kind
 * literal compared, or a caller's role or agency kind tested.
 */
export function accessDecisionsOutsidePolicy(): Site[] {
  const literal = new RegExp(`["'](${[...ROLE_IDS, ...AGENCY_KINDS].join("|")})["']`);
  const decision = new RegExp(
    `ROLE_POLICIES|\\.role\\s*[!=]==|[!=]==\\s*\\w+\\.role\\b|agencyKind\\s*[!=]==|${literal.source}`,
  );
  return sites(
    sourceFiles("src/server").filter(
      (f) =>
        !f.startsWith("src/server/access/") &&
        !f.startsWith("src/server/db/") &&
        !f.startsWith("src/server/demo/"),
    ),
    decision,
  ).filter((s) => !/^\s*(\*|\/\/)/.test(s.text));
}

/**
 * Audit rows appended by hand: every call of the audit path outside the units of work,
 * including the named security events (sign-in, MFA, tokens), which the test lists by file.
 */
export function handPlacedAuditCalls(): Site[] {
  return sites(
    applicationFiles().filter(
      (f) => !f.startsWith("src/server/audit/") && !f.startsWith("src/server/unit-of-work/"),
    ),
    /\b(appendAudit|appendAuditNow|recordSecurityEvent)\(/,
  );
}

/** Role-id literals inside the policy module: it decides from the role table, never from names. */
export function roleNamesInPolicy(): Site[] {
  const literal = new RegExp(`["'](${ROLE_IDS.join("|")})["']`);
  return sites(sourceFiles("src/server/access"), literal).filter(
    (s) => !/^\s*(\*|\/\/)/.test(s.text),
  );
}

/** Lines of web types written by hand for API replies (the web infers them from the contract). */
export function handWrittenWebReplyTypes(): number {
  return sourceFiles("src/web/api")
    .filter((f) => f.endsWith("types.ts"))
    .reduce(
      (n, f) =>
        n +
        (/\binterface\b|^export type [A-Z]\w* = \{/m.test(read(f))
          ? read(f).split("\n").length
          : 0),
      0,
    );
}

if (process.argv[1]?.endsWith("architecture.ts")) {
  const show = (name: string, found: Site[]) => {
    const files = new Set(found.map((s) => s.file));
    process.stdout.write(`${name}: ${found.length} in ${files.size} files\n`);
    if (process.argv.includes("--list"))
      for (const s of found) process.stdout.write(`  ${s.file}:${s.line} ${s.text.trim()}\n`);
  };
  show("case-data statements outside repositories", caseDataStatementsOutsideRepositories());
  show("access decisions outside the policy", accessDecisionsOutsidePolicy());
  show("hand-placed audit calls (named security events included)", handPlacedAuditCalls());
  show("role names inside the policy module", roleNamesInPolicy());
  process.stdout.write(`hand-written web reply types: ${handWrittenWebReplyTypes()} lines\n`);
}
